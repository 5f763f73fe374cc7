package org.creditkiosk.ops;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.creditkiosk.ops.MaintenanceAccess.Result.GRANTED;
import static org.creditkiosk.ops.MaintenanceAccess.Result.LOCKED;
import static org.creditkiosk.ops.MaintenanceAccess.Result.NOT_CONFIGURED;
import static org.creditkiosk.ops.MaintenanceAccess.Result.WRONG;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.creditkiosk.session.MutableClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 10 item 6: the PIN entry, its growing lockouts kept in the data folder across restarts and instances. */
class MaintenanceAccessTest {

    private static final String PIN = "246810";
    private static final String WRONG_PIN = "000000";
    private static String hash;

    @TempDir
    Path data;

    private final MutableClock clock = new MutableClock(Instant.parse("2026-11-27T03:00:00Z"));

    @BeforeAll
    static void hashOnce() {
        hash = MaintenanceAccess.hash(PIN);
    }

    private MaintenanceAccess access() {
        return new MaintenanceAccess(Optional.of(hash), data, clock);
    }

    private static void wrong(MaintenanceAccess access, int times) {
        for (int i = 0; i < times; i++) {
            assertThat(access.check(WRONG_PIN)).as("wrong PIN %d", i + 1).isEqualTo(WRONG);
        }
    }

    @Test
    void rightPinEntersFiveWrongPinsLockTheEntryForFiveMinutes() {
        assertThat(hash).startsWith("pbkdf2-sha256:").doesNotContain(PIN);
        MaintenanceAccess access = access();
        assertThat(access.check(PIN)).isEqualTo(GRANTED);
        wrong(access, 4);
        assertThat(access.check(WRONG_PIN)).isEqualTo(LOCKED);
        assertThat(access.check(PIN)).as("locked even for the right PIN").isEqualTo(LOCKED);
        clock.advance(Duration.ofMinutes(5).minusSeconds(1));
        assertThat(access.check(PIN)).as("one second before the end").isEqualTo(LOCKED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(access.check(PIN)).isEqualTo(GRANTED);
    }

    @Test
    void theLockoutHoldsAcrossRestartsAndForASecondInstanceOnTheSameFolder() {
        MaintenanceAccess first = access();
        wrong(first, 2);
        MaintenanceAccess second = access();
        wrong(second, 2);
        assertThat(first.check(WRONG_PIN)).as("fifth wrong PIN in a row, counted across both").isEqualTo(LOCKED);
        assertThat(second.check(PIN)).as("the other instance sees the lockout").isEqualTo(LOCKED);
        MaintenanceAccess afterRestart = access();
        assertThat(afterRestart.check(PIN)).as("a restart does not lift it").isEqualTo(LOCKED);
        assertThat(afterRestart.lockout().lockedUntil()).contains(Instant.parse("2026-11-27T03:05:00Z"));
        assertThat(data.resolve(MaintenanceLockout.FILE)).exists();
        assertThat(new MaintenanceAccess(Optional.of(hash), data.resolve("other"), clock)
                .check(PIN)).as("another kiosk's folder is another state").isEqualTo(GRANTED);
    }

    @Test
    void lockoutsGrowFiveFifteenSixtyThenAnHourEach() {
        MaintenanceAccess access = access();
        wrong(access, 4);
        assertLocksFor(access, Duration.ofMinutes(5));
        assertLocksFor(access, Duration.ofMinutes(15));
        assertLocksFor(access, Duration.ofMinutes(60));
        assertLocksFor(access, Duration.ofMinutes(60));
        assertLocksFor(access, Duration.ofMinutes(60));
        assertThat(MaintenanceLockout.lockoutAfter(4)).isZero();
        assertThat(MaintenanceLockout.lockoutAfter(100)).isEqualTo(Duration.ofHours(1));
    }

    /** The next wrong PIN locks for exactly {@code d}; then the clock runs to its end. */
    private void assertLocksFor(MaintenanceAccess access, Duration d) {
        assertThat(access.check(WRONG_PIN)).isEqualTo(LOCKED);
        assertThat(access.lockout().lockedUntil()).contains(clock.instant().plus(d));
        clock.advance(d.minusSeconds(1));
        assertThat(access().check(WRONG_PIN)).as("still locked 1 s before %s end (not counted)", d).isEqualTo(LOCKED);
        clock.advance(Duration.ofSeconds(1));
        assertThat(access.lockout().lockedUntil()).isEmpty();
    }

    @Test
    void theRightPinStartsOver() {
        MaintenanceAccess access = access();
        wrong(access, 4);
        assertThat(access.check(WRONG_PIN)).isEqualTo(LOCKED);
        clock.advance(Duration.ofMinutes(5));
        assertThat(access.check(WRONG_PIN)).as("after a lockout one wrong PIN locks again").isEqualTo(LOCKED);
        clock.advance(Duration.ofMinutes(15));
        assertThat(access.check(PIN)).isEqualTo(GRANTED);
        MaintenanceAccess afterRestart = access();
        wrong(afterRestart, 4);
        assertThat(afterRestart.check(WRONG_PIN)).as("a full five again after the right PIN").isEqualTo(LOCKED);
        assertThat(afterRestart.lockout().lockedUntil()).contains(clock.instant().plus(Duration.ofMinutes(5)));
    }

    @Test
    void aCorruptStateFileFailsSafeLockedAtTheFirstStepAndIsRepaired() throws Exception {
        Path file = data.resolve(MaintenanceLockout.FILE);
        try (CapturedLog technician = new CapturedLog(MaintenanceLockout.class.getName())) {
            Files.writeString(file, "wrongInRow=banana\n");
            assertThat(access().check(PIN)).isEqualTo(LOCKED);
            assertThat(technician.lines()).singleElement().satisfies(l -> {
                assertThat(l.level()).isEqualTo(ch.qos.logback.classic.Level.ERROR);
                assertThat(l.message()).contains(file.toString()).contains("unusable").contains("locked for 5 min");
            });
            clock.advance(Duration.ofMinutes(5));
            assertThat(access().check(PIN)).as("the file was written again").isEqualTo(GRANTED);
        }
        for (String garbage : new String[] {"\u0000\u00ff\u0013garbage", "wrongInRow=-3\nlockedUntil=\n",
                "wrongInRow=2\nlockedUntil=yesterday\nunreported.wrongPins=0\nunreported.lockouts=0\n",
                "wrongInRow=2\nlockedUntil=2030-01-01T00:00:00Z\nunreported.wrongPins=0\nunreported.lockouts=0\n",
                "wrongInRow=\\uZZZZ\n", ""}) {
            Files.writeString(file, garbage);
            MaintenanceAccess access = access();
            assertThat(access.check(PIN)).as("fails safe on %s", garbage).isEqualTo(LOCKED);
            assertThat(access.lockout().lockedUntil()).contains(clock.instant().plus(Duration.ofMinutes(5)));
            clock.advance(Duration.ofMinutes(5));
            assertThat(access().check(WRONG_PIN)).as("the first step was taken: the next wrong PIN locks 15 min")
                    .isEqualTo(LOCKED);
            assertThat(access.lockout().lockedUntil()).contains(clock.instant().plus(Duration.ofMinutes(15)));
            clock.advance(Duration.ofMinutes(15));
            assertThat(access.check(PIN)).isEqualTo(GRANTED);
        }
        Files.delete(file);
        Files.createDirectory(file);
        MaintenanceAccess unreadable = access();
        assertThat(unreadable.check(PIN)).as("a file that cannot be read or replaced: locked, no crash").isEqualTo(LOCKED);
        assertThat(unreadable.check(WRONG_PIN)).isEqualTo(LOCKED);
        assertThat(unreadable.lockout().counted()).isNotNull();
    }

    @Test
    void concurrentCheckersOnOneFolderLoseNoWrongPin() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<MaintenanceAccess.Result>> tries = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                MaintenanceAccess own = access();
                tries.add(() -> own.check(WRONG_PIN));
            }
            List<MaintenanceAccess.Result> results = new ArrayList<>();
            for (Future<MaintenanceAccess.Result> f : pool.invokeAll(tries)) {
                results.add(f.get());
            }
            assertThat(results).containsOnly(WRONG);
        } finally {
            pool.shutdownNow();
        }
        assertThat(access().check(WRONG_PIN)).as("the four parallel ones all counted").isEqualTo(LOCKED);
        assertThat(access().lockout().counted()).isEqualTo(Map.of(MaintenanceLockout.WRONG_PIN_COUNTER, 5L,
                MaintenanceLockout.LOCKED_COUNTER, 1L));
    }

    @Test
    void noHashNoEntryAndBadPinsAreRefusedWhenHashing() {
        assertThat(new MaintenanceAccess(Optional.empty(), data, clock).check("123456")).isEqualTo(NOT_CONFIGURED);
        assertThat(new MaintenanceAccess(Optional.of("md5:abc"), data, clock).check("123456"))
                .as("an unusable hash is refused, not a crash").isEqualTo(NOT_CONFIGURED);
        assertThatThrownBy(() -> MaintenanceAccess.hash("12")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> MaintenanceAccess.hash("12345")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("at least 6 digits").hasMessageNotContaining("12345");
        assertThatThrownBy(() -> MaintenanceAccess.hash("abcdef")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("digits only");
    }
}
