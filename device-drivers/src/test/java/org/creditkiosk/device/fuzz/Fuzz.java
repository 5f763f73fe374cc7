package org.creditkiosk.device.fuzz;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Runs a {@link FuzzTarget} over mutated inputs and counts what came out. A crash (an exception that is not one of
 * the target's typed failures, or an Error) is recorded with its input in hex, to become a regression test.
 */
public final class Fuzz {

    /** What one run found. */
    public record Report(String target, long inputs, Map<String, Long> outcomes, List<String> crashes, long millis) {

        public String json() {
            StringBuilder b = new StringBuilder("{\"target\":\"" + target + "\",\"inputs\":" + inputs
                    + ",\"crashes\":" + crashes.size() + ",\"millis\":" + millis + ",\"outcomes\":{");
            int i = 0;
            for (var e : outcomes.entrySet()) {
                b.append(i++ == 0 ? "" : ",").append('"').append(e.getKey().replace("\"", "'")).append("\":").append(e.getValue());
            }
            return b.append("}}").toString();
        }
    }

    private Fuzz() {
    }

    /** Up to {@code inputs} inputs, stopping early when {@code budgetMillis} (if > 0) is spent. */
    public static Report run(FuzzTarget target, long inputs, long seed, long budgetMillis) {
        Mutator m = new Mutator(seed, target.seeds());
        Map<String, Long> outcomes = new TreeMap<>();
        List<String> crashes = new ArrayList<>();
        long t0 = System.nanoTime();
        long done = 0;
        for (; done < inputs; done++) {
            if (budgetMillis > 0 && (done & 255) == 0 && (System.nanoTime() - t0) / 1_000_000 > budgetMillis) {
                break;
            }
            byte[] input = m.next();
            String outcome;
            try {
                outcome = target.run(input);
            } catch (Exception e) {
                if (target.typedFailures().stream().anyMatch(t -> t.isInstance(e))) {
                    outcome = e.getClass().getSimpleName();
                } else {
                    outcome = "CRASH " + e.getClass().getName();
                    record(crashes, input, e);
                }
            } catch (StackOverflowError | OutOfMemoryError e) {
                outcome = "CRASH " + e.getClass().getName();
                record(crashes, input, e);
            }
            outcomes.merge(outcome, 1L, Long::sum);
        }
        return new Report(target.name(), done, outcomes, crashes, (System.nanoTime() - t0) / 1_000_000);
    }

    private static void record(List<String> crashes, byte[] input, Throwable e) {
        if (crashes.size() < 20) {
            crashes.add(e + " on " + HexFormat.of().formatHex(input));
        }
    }
}
