package org.creditkiosk.soak;

import java.nio.file.Files;
import java.nio.file.Path;

/**
 * {@code packaging/bench/soak.sh --visits N [--faults] [--seed S] [--no-screens] [--privacy] [--platform-process]}
 * (--privacy adds the heap dump to the privacy scan of logs, heartbeats and files; --platform-process runs the demo
 * platform in its own JVM, so the kiosk's heap holds only the kiosk's objects): runs {@link Soak} and prints its
 * JSON object (the figures of docs/benchmarks.md). Exit 1 when a visit crashed or a state got stuck.
 */
public final class SoakMain {

    private SoakMain() {
    }

    public static void main(String[] args) throws Exception {
        int visits = 1000;
        boolean faults = false;
        boolean screens = true;
        long seed = 1;
        Soak.Privacy privacy = Soak.Privacy.FILES;
        boolean platformProcess = false;
        for (int i = 0; i < args.length; i++) {
            switch (args[i]) {
                case "--visits" -> visits = Integer.parseInt(args[++i]);
                case "--faults" -> faults = true;
                case "--seed" -> seed = Long.parseLong(args[++i]);
                case "--no-screens" -> screens = false;
                case "--privacy" -> privacy = Soak.Privacy.HEAP;
                case "--platform-process" -> platformProcess = true;
                default -> throw new IllegalArgumentException("unknown option " + args[i]);
            }
        }
        Path dir = Files.createTempDirectory("kiosk-soak");
        Soak.Result r = new Soak(visits, faults, seed, screens).privacy(privacy).platformProcess(platformProcess).run(dir);
        r.privacyHits().forEach((where, n) -> System.err.println("privacy hit: " + n + " in " + where));
        r.problems().stream().limit(50).forEach(p -> System.err.println("problem: " + p));
        System.out.println(r.json());
        System.exit(r.crashes() == 0 && r.stuckStates() == 0 && r.privacyHits().isEmpty() ? 0 : 1);
    }
}
