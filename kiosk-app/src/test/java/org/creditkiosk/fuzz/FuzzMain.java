package org.creditkiosk.fuzz;

import java.util.ArrayList;
import java.util.List;
import org.creditkiosk.device.fuzz.Fuzz;
import org.creditkiosk.device.fuzz.FuzzTarget;
import org.creditkiosk.device.idcard.IdCardFuzzTargets;
import org.creditkiosk.device.printer.PrinterFuzzTargets;
import org.creditkiosk.device.scanner.ScannerFuzzTargets;

/**
 * The long fuzz run of every decoder (issue 14: at least 10^6 inputs each): one JSON line per decoder with its
 * input count, outcomes and crashes, then a summary line. {@code packaging/bench/fuzz.sh [INPUTS] [SEED]} runs it;
 * docs/benchmarks.md has the figures. Exit code 1 when any input crashed a decoder.
 */
public final class FuzzMain {

    private FuzzMain() {
    }

    public static List<FuzzTarget> targets() throws Exception {
        List<FuzzTarget> all = new ArrayList<>(List.of(IdCardFuzzTargets.frames(), IdCardFuzzTargets.cardText(),
                PrinterFuzzTargets.statusBytes(), ScannerFuzzTargets.framing()));
        all.addAll(AppFuzzTargets.all());
        return all;
    }

    public static void main(String[] args) throws Exception {
        long inputs = args.length > 0 ? Long.parseLong(args[0]) : 1_000_000;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 20261201L;
        long total = 0;
        int crashes = 0;
        for (FuzzTarget t : targets()) {
            Fuzz.Report r = Fuzz.run(t, inputs, seed, 0);
            System.out.println(r.json());
            r.crashes().forEach(c -> System.out.println("  CRASH " + c));
            total += r.inputs();
            crashes += r.crashes().size();
        }
        System.out.println("{\"decoders\":" + targets().size() + ",\"inputs\":" + total + ",\"crashes\":" + crashes
                + ",\"seed\":" + seed + "}");
        System.exit(crashes == 0 ? 0 : 1);
    }
}
