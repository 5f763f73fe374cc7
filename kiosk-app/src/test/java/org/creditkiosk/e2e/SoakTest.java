package org.creditkiosk.e2e;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.creditkiosk.assembly.Kiosk;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.session.SessionEvent;
import org.creditkiosk.session.SessionState;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Many simulated visits in a row through the whole kiosk without screens (demo platform, ID card simulator behind
 * the real driver, report pipeline): every visit returns to ATTRACT, no platform session stays open, no thread
 * leaks. CI runs 24 visits; a longer soak: {@code -Dkiosk.soak.visits=2000} (about 0.3 s a visit, 1 in 6 printed).
 */
class SoakTest {

    private static final String[] CARDS = {"610881197804120030", "610802198503150016", "61080219920708002X",
        "610802197009210058", "610824199512300066"};

    @Test
    void visitsInARowLeaveNothingBehind(@TempDir Path dir) throws Exception {
        int visits = Integer.getInteger("kiosk.soak.visits", 24);
        var settings = new ConfigLoader().values(Map.of("kiosk.dataDir", dir.toString(),
                "report.outputDir", dir.resolve("reports").toString(), "devices.idcard.pollIntervalMs", "300"), "soak").load();
        try (Kiosk k = TestKiosks.demo(settings)) {
            var demo = k.demo().orElseThrow();
            var controller = k.controller();
            await(() -> controller.view().state() == SessionState.ATTRACT, "attract");
            int threadsAfterWarmUp = -1;
            long start = System.nanoTime();
            for (int i = 0; i < visits; i++) {
                demo.placeNumber(CARDS[i % CARDS.length]);
                await(() -> controller.view().state() == SessionState.SHOWING_RECORD
                        || controller.view().state() == SessionState.CHOOSING_SUBJECT, "record or choice, visit " + i);
                if (controller.view().state() == SessionState.CHOOSING_SUBJECT) {
                    controller.submit(new SessionEvent.ChooseOwnRecord());
                    await(() -> controller.view().state() == SessionState.SHOWING_RECORD, "own record, visit " + i);
                }
                if (i % 6 == 5) {
                    controller.submit(new SessionEvent.RequestPrint());
                    controller.submit(new SessionEvent.ConfirmPrint());
                    await(() -> controller.view().state() == SessionState.FAREWELL
                            || controller.view().notice().isPresent(), "printed, visit " + i);
                }
                demo.remove();
                await(() -> controller.view().state() == SessionState.ATTRACT
                        || controller.view().state() == SessionState.FAREWELL, "visit " + i + " ended");
                if (controller.view().state() == SessionState.FAREWELL) {
                    // The card was lifted outside a visit: give the reader two polls to see it gone, as a person
                    // would take longer than that to put the next card down.
                    Thread.sleep(700);
                }
                controller.submit(new SessionEvent.Finish());
                await(() -> controller.view().state() == SessionState.ATTRACT, "attract after visit " + i);
                assertThat(controller.view().person()).isEmpty();
                if (i == 5) {
                    threadsAfterWarmUp = Thread.activeCount();
                }
            }
            double perVisit = (System.nanoTime() - start) / 1e9 / visits;
            await(() -> demo.platform().openSessions() == 0, "every platform session closed");
            System.out.printf("soak: %d visits, %.2f s a visit, threads %d -> %d%n", visits, perVisit,
                    threadsAfterWarmUp, Thread.activeCount());
            assertThat(Thread.activeCount()).as("no thread leak").isLessThanOrEqualTo(threadsAfterWarmUp + 3);
        }
    }

    private static void await(BooleanSupplier condition, String what) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out waiting for: " + what);
            }
            Thread.sleep(20);
        }
    }
}
