package org.creditkiosk.ui.input.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.ui.input.PinyinDictionary;

/**
 * Candidates per key (issue 13: within 50 ms of a key on the kiosk). Run in a fresh JVM (docs/benchmarks.md): the
 * build of the tables and the heap they hold, the first look-ups (cold), then the time of the look-up after each
 * key of typical names and reasons typed letter by letter, as the keyboard does (60 candidates each).
 */
public final class PinyinBench {

    private static final String[] TYPED = {"yulinshisaishangshangmaoyouxiangongsi", "yl", "ylssmyxgs",
            "xinxiyushishibufu", "yilvxingchufajueding", "bushibenren", "shenmushi", "jingjiyichangminglu",
            "zhongguorenminyinhang", "shichangjianduguanliju"};

    public static void main(String[] args) throws Exception {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        long before = rt.totalMemory() - rt.freeMemory();
        long t0 = System.nanoTime();
        PinyinDictionary d = PinyinDictionary.shared().get(120, TimeUnit.SECONDS);
        double buildMs = (System.nanoTime() - t0) / 1e6;
        System.gc();
        Thread.sleep(200);
        System.gc();
        long after = rt.totalMemory() - rt.freeMemory();
        System.out.printf("tables read: %.0f ms, %d words, heap held %.1f MB%n", buildMs,
                d.size(), (after - before) / 1e6);

        List<Double> cold = new ArrayList<>();
        for (String s : TYPED) {
            long t = System.nanoTime();
            d.candidates(s.substring(0, 1), 60);
            cold.add((System.nanoTime() - t) / 1e6);
        }
        System.out.printf("first look-ups (cold JIT): max %.2f ms%n", cold.stream().mapToDouble(x -> x).max().orElse(0));

        for (int round = 0; round < 20; round++) {
            perKey(d);
        }
        double[] ms = perKey(d);
        Arrays.sort(ms);
        System.out.printf("per key (warm, %d keys): median %.3f ms, p90 %.3f ms, p99 %.3f ms, max %.3f ms%n", ms.length,
                ms[ms.length / 2], ms[(int) (ms.length * 0.9)], ms[(int) (ms.length * 0.99)], ms[ms.length - 1]);
    }

    private static double[] perKey(PinyinDictionary d) {
        List<Double> out = new ArrayList<>();
        for (String s : TYPED) {
            for (int i = 1; i <= Math.min(s.length(), 24); i++) {
                long t = System.nanoTime();
                d.candidates(s.substring(0, i), 60);
                out.add((System.nanoTime() - t) / 1e6);
            }
        }
        return out.stream().mapToDouble(x -> x).toArray();
    }
}
