package org.creditkiosk.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.function.BooleanSupplier;
import org.creditkiosk.app.SessionPort;
import org.creditkiosk.assembly.Kiosk;
import org.creditkiosk.demo.DemoDevices;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * For {@code packaging/bench/startup.sh} only ({@code -Dkiosk.bench.visits=N} with {@code kiosk demo}): N visits
 * through the running kiosk with its screens, as the soak test makes them (a card on the demo reader, the record,
 * every sixth printed, the card lifted), then the process's resident memory is printed and the kiosk exits. It only
 * uses what a visitor and the screens use (demo devices, SessionPort events); without demo devices it does nothing.
 */
final class BenchVisits {

    private static final Logger log = LoggerFactory.getLogger(BenchVisits.class);
    private static final String[] CARDS = {"610881197804120030", "610802198503150016", "61080219920708002X",
        "610802197009210058", "610824199512300066"};

    private BenchVisits() {
    }

    /** Starts the visits in the background when {@code kiosk.bench.visits} is set and the kiosk has demo devices. */
    static void startIfAsked(Kiosk kiosk) {
        int visits = Integer.getInteger("kiosk.bench.visits", 0);
        if (visits <= 0 || kiosk.demo().isEmpty()) {
            return;
        }
        Thread t = new Thread(() -> {
            try {
                run(kiosk.session(), kiosk.demo().get(), visits);
                System.exit(0);
            } catch (Exception | AssertionError e) {
                System.out.println("kiosk-bench: visits failed: " + e);
                System.out.flush();
                System.exit(1);
            }
        }, "bench-visits");
        t.setDaemon(true);
        t.start();
    }

    private static void run(SessionPort session, DemoDevices demo, int visits) throws Exception {
        await(() -> session.view().state() == SessionState.ATTRACT, "attract", session);
        Thread.sleep(2000);   // the background start (devices, report warm-up) settles
        System.out.println("kiosk-bench: rss after 0 visits kB=" + rssKb() + rssParts());
        for (int i = 0; i < visits; i++) {
            demo.placeNumber(CARDS[i % CARDS.length]);
            await(() -> session.view().state() == SessionState.SHOWING_RECORD
                    || session.view().state() == SessionState.CHOOSING_SUBJECT, "record, visit " + i, session);
            if (session.view().state() == SessionState.CHOOSING_SUBJECT) {
                session.submit(new SessionEvent.ChooseOwnRecord());
                await(() -> session.view().state() == SessionState.SHOWING_RECORD, "own record, visit " + i, session);
            }
            if (i % 6 == 5) {
                session.submit(new SessionEvent.RequestPrint());
                session.submit(new SessionEvent.ConfirmPrint());
                await(() -> session.view().state() == SessionState.FAREWELL || session.view().notice().isPresent(),
                        "printed, visit " + i, session);
            }
            demo.remove();
            await(() -> session.view().state() == SessionState.ATTRACT || session.view().state() == SessionState.FAREWELL,
                    "visit " + i + " ended", session);
            if (session.view().state() == SessionState.FAREWELL) {
                Thread.sleep(700);
            }
            session.submit(new SessionEvent.Finish());
            await(() -> session.view().state() == SessionState.ATTRACT, "attract after visit " + i, session);
            if (i + 1 == 1 || (i + 1) % 25 == 0) {
                System.out.println("kiosk-bench: rss after " + (i + 1) + " visits kB=" + rssKb() + rssParts());
                System.out.flush();
            }
        }
        log.info("bench: {} visits done", visits);
    }

    private static void await(BooleanSupplier condition, String what, SessionPort session) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new IllegalStateException("timed out waiting for " + what + " (state " + session.view().state() + ")");
            }
            Thread.sleep(20);
        }
    }

    /**
     * The parts of VmRSS: anonymous memory (heap, native allocations), file-backed pages (the CDS archive, the
     * runtime's modules and libraries, shared with other processes that map them) and shared memory.
     */
    static String rssParts() {
        StringBuilder out = new StringBuilder(" (");
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("RssAnon:") || l.startsWith("RssFile:") || l.startsWith("RssShmem:")) {
                    out.append(out.length() > 2 ? ", " : "").append(l.substring(3, l.indexOf(':')).toLowerCase())
                            .append(' ').append(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException e) {
            return "";
        }
        return out.append(')').toString();
    }

    /** VmRSS of this process, in kB (Linux). */
    static long rssKb() {
        try {
            for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (l.startsWith("VmRSS:")) {
                    return Long.parseLong(l.replaceAll("[^0-9]", ""));
                }
            }
        } catch (IOException | NumberFormatException e) {
            return -1;
        }
        return -1;
    }
}
