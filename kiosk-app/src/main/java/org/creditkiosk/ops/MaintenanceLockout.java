package org.creditkiosk.ops;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The maintenance PIN entry's memory, kept in the kiosk's data folder ({@value #FILE}) so that neither a restart nor
 * a second {@link MaintenanceAccess} resets it: wrong PINs in a row, the end of the current lockout, and the wrong
 * PINs and lockouts the heartbeat has not reported yet. It holds no PIN and no citizen data.
 *
 * <p>Lockouts grow (等保: limit authentication attempts): the fifth wrong PIN in a row locks the entry for five
 * minutes; after a lockout, the next wrong PIN locks it for fifteen, the one after for sixty, and each further one for
 * sixty again. The right PIN (outside a lockout) starts over.
 *
 * <p>The file is read at every step and written atomically (temp file, fsync, rename, fsync of the folder: a power
 * cut leaves the old state or the new one); a lock file serialises writers across instances and processes. A file
 * that cannot be read or makes no sense fails safe: the entry is treated as just locked at the first step (five
 * minutes from now), a technician-level line says which file to look at, and the file is written again.
 */
public final class MaintenanceLockout implements HeartbeatCounters {

    /** The state file in the data folder. */
    public static final String FILE = "maintenance-lockout.properties";
    /** Heartbeat key for wrong PINs (contract: {@code errors.<CODE>}). */
    public static final String WRONG_PIN_COUNTER = "errors.MAINTENANCE_PIN_WRONG";
    /** Heartbeat key for lockouts begun. */
    public static final String LOCKED_COUNTER = "errors.MAINTENANCE_LOCKED";
    /** Wrong PINs in a row before the first lockout. */
    public static final int WRONG_BEFORE_LOCKOUT = 5;

    private static final Logger log = LoggerFactory.getLogger(MaintenanceLockout.class);
    private static final String LOCK_FILE = "maintenance-lockout.lock";
    private static final Duration FIRST = Duration.ofMinutes(5);
    private static final Duration SECOND = Duration.ofMinutes(15);
    private static final Duration LONGEST = Duration.ofMinutes(60);
    private static final long MAX_FILE_BYTES = 4096;
    /** One monitor per state file in this JVM: file locks are per process, so threads must queue before them. */
    private static final ConcurrentMap<Path, Object> MONITORS = new ConcurrentHashMap<>();

    private final Path dir;
    private final Path file;
    private final Clock clock;
    private final Object monitor;
    /** A state this instance could not write (disk full, read-only folder): it still counts, stricter wins. */
    private Optional<State> unsaved = Optional.empty();
    private String lastProblem = "";

    public MaintenanceLockout(Path dataDir, Clock clock) {
        this.dir = dataDir.toAbsolutePath().normalize();
        this.file = dir.resolve(FILE);
        this.clock = Objects.requireNonNull(clock);
        this.monitor = MONITORS.computeIfAbsent(canonical(dir), p -> new Object());
    }

    public Path file() {
        return file;
    }

    /** How long the {@code n}th wrong PIN in a row locks the entry: nothing before the fifth, then 5, 15, 60, 60… min. */
    public static Duration lockoutAfter(int wrongInRow) {
        if (wrongInRow < WRONG_BEFORE_LOCKOUT) {
            return Duration.ZERO;
        }
        if (wrongInRow == WRONG_BEFORE_LOCKOUT) {
            return FIRST;
        }
        return wrongInRow == WRONG_BEFORE_LOCKOUT + 1 ? SECOND : LONGEST;
    }

    /** The end of the current lockout, if the entry is locked now. */
    public Optional<Instant> lockedUntil() {
        return exclusive(() -> {
            Instant now = clock.instant();
            return read(now).lockedUntil().filter(now::isBefore);
        });
    }

    /** What the entry answered to one PIN. */
    sealed interface Attempt {
        /** The right PIN; {@code wrongBefore} wrong ones preceded it. */
        record Granted(int wrongBefore) implements Attempt {
        }

        /** A wrong PIN, the {@code wrongInRow}th, that did not lock the entry. */
        record Wrong(int wrongInRow) implements Attempt {
        }

        /** A wrong PIN that locked the entry for {@code lockout}, until {@code until}. */
        record LockedNow(int wrongInRow, Duration lockout, Instant until) implements Attempt {
        }

        /** Refused without looking at the PIN: the entry is locked until {@code until}. */
        record Refused(int wrongInRow, Instant until) implements Attempt {
        }
    }

    /**
     * One attempt, from reading the state to writing it, under the lock: {@code rightPin} is asked only when the entry
     * is not locked.
     */
    Attempt attempt(BooleanSupplier rightPin) {
        return exclusive(() -> {
            Instant now = clock.instant();
            State s = read(now);
            Optional<Instant> until = s.lockedUntil().filter(now::isBefore);
            if (until.isPresent()) {
                return new Attempt.Refused(s.wrongInRow(), until.get());
            }
            if (rightPin.getAsBoolean()) {
                if (s.wrongInRow() > 0 || s.lockedUntil().isPresent()) {
                    write(new State(0, Optional.empty(), s.wrongUnreported(), s.lockedUnreported()));
                }
                return new Attempt.Granted(s.wrongInRow());
            }
            int n = s.wrongInRow() + 1;
            Duration lockout = lockoutAfter(n);
            if (lockout.isZero()) {
                write(new State(n, Optional.empty(), s.wrongUnreported() + 1, s.lockedUnreported()));
                return new Attempt.Wrong(n);
            }
            Instant end = now.plus(lockout);
            write(new State(n, Optional.of(end), s.wrongUnreported() + 1, s.lockedUnreported() + 1));
            return new Attempt.LockedNow(n, lockout, end);
        });
    }

    @Override
    public Map<String, Long> counted() {
        try {
            return exclusive(() -> {
                State s = read(clock.instant());
                Map<String, Long> out = new LinkedHashMap<>();
                if (s.wrongUnreported() > 0) {
                    out.put(WRONG_PIN_COUNTER, s.wrongUnreported());
                }
                if (s.lockedUnreported() > 0) {
                    out.put(LOCKED_COUNTER, s.lockedUnreported());
                }
                return out;
            });
        } catch (RuntimeException e) {
            log.warn("maintenance lockout counters not available: {}", e.toString());
            return Map.of();
        }
    }

    @Override
    public void reported(Map<String, Long> sent) {
        long wrong = sent.getOrDefault(WRONG_PIN_COUNTER, 0L);
        long locked = sent.getOrDefault(LOCKED_COUNTER, 0L);
        if (wrong == 0 && locked == 0) {
            return;
        }
        exclusive(() -> {
            State s = read(clock.instant());
            write(new State(s.wrongInRow(), s.lockedUntil(), Math.max(0, s.wrongUnreported() - wrong),
                    Math.max(0, s.lockedUnreported() - locked)));
            return null;
        });
    }

    // ---------------------------------------------------------------------------------------------------------

    /** What the file holds. */
    private record State(int wrongInRow, Optional<Instant> lockedUntil, long wrongUnreported, long lockedUnreported) {

        static final State FRESH = new State(0, Optional.empty(), 0, 0);

        /** Both at once, the stricter of each: for a state this instance could not write. */
        State stricter(State o) {
            Optional<Instant> until = lockedUntil.isEmpty() ? o.lockedUntil : o.lockedUntil.isEmpty() ? lockedUntil
                    : Optional.of(lockedUntil.get().isAfter(o.lockedUntil.get()) ? lockedUntil.get() : o.lockedUntil.get());
            return new State(Math.max(wrongInRow, o.wrongInRow), until, Math.max(wrongUnreported, o.wrongUnreported),
                    Math.max(lockedUnreported, o.lockedUnreported));
        }
    }

    /** The file said nothing usable. */
    private static final class Unreadable extends Exception {
        Unreadable(String reason) {
            super(reason);
        }
    }

    /** The state now: the file's (fresh when there is none), failing safe when it cannot be used. */
    private State read(Instant now) {
        State fromFile;
        try {
            fromFile = load(now);
        } catch (Unreadable e) {
            if (unsaved.isPresent()) {
                // Already failed safe and could not repair the file: go on counting in memory.
                return unsaved.get();
            }
            State safe = new State(WRONG_BEFORE_LOCKOUT, Optional.of(now.plus(FIRST)), 0, 1);
            problem("maintenance lockout state " + file + " is unusable (" + e.getMessage() + "): the maintenance entry"
                    + " is locked for " + FIRST.toMinutes() + " min to be safe and the file is written again;"
                    + " if this repeats, check the data folder's disk and permissions");
            write(safe);
            return safe;
        }
        return unsaved.map(u -> u.stricter(fromFile)).orElse(fromFile);
    }

    private State load(Instant now) throws Unreadable {
        byte[] bytes;
        try {
            if (Files.size(file) > MAX_FILE_BYTES) {
                throw new Unreadable("larger than " + MAX_FILE_BYTES + " bytes");
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return State.FRESH;
        } catch (IOException e) {
            throw new Unreadable("cannot be read: " + e);
        }
        Properties p = new Properties();
        try {
            p.load(new StringReader(new String(bytes, StandardCharsets.UTF_8)));
        } catch (IOException | IllegalArgumentException e) {
            throw new Unreadable("not a properties file: " + e.getMessage());
        }
        int wrong = (int) number(p, "wrongInRow", 1_000_000);
        long wrongUnreported = number(p, "unreported.wrongPins", Long.MAX_VALUE);
        long lockedUnreported = number(p, "unreported.lockouts", Long.MAX_VALUE);
        String until = p.getProperty("lockedUntil");
        if (until == null) {
            throw new Unreadable("lockedUntil is missing");
        }
        Optional<Instant> lockedUntil;
        if (until.isBlank()) {
            lockedUntil = Optional.empty();
        } else {
            try {
                lockedUntil = Optional.of(Instant.parse(until.strip()));
            } catch (DateTimeParseException e) {
                throw new Unreadable("lockedUntil '" + until + "' is not an instant");
            }
            // A lock that ends later than the longest lockout from now: the clock was set back or the file was
            // edited. Not trusted either way (it could lock the staff out for years).
            if (lockedUntil.get().isAfter(now.plus(LONGEST))) {
                throw new Unreadable("lockedUntil " + until + " is further away than the longest lockout ("
                        + LONGEST.toMinutes() + " min)");
            }
        }
        return new State(wrong, lockedUntil, wrongUnreported, lockedUnreported);
    }

    private static long number(Properties p, String key, long max) throws Unreadable {
        String v = p.getProperty(key);
        if (v == null) {
            throw new Unreadable(key + " is missing");
        }
        try {
            long n = Long.parseLong(v.strip());
            if (n < 0 || n > max) {
                throw new Unreadable(key + " " + n + " is out of range");
            }
            return n;
        } catch (NumberFormatException e) {
            throw new Unreadable(key + " '" + v + "' is not a number");
        }
    }

    /** Temp file, fsync, atomic rename, fsync of the folder; on failure the state stays in memory (stricter wins). */
    private void write(State s) {
        String text = "# maintenance PIN entry (ops.MaintenanceLockout): no PIN, no citizen data. Written by the kiosk.\n"
                + "wrongInRow=" + s.wrongInRow() + "\n"
                + "lockedUntil=" + s.lockedUntil().map(Instant::toString).orElse("") + "\n"
                + "unreported.wrongPins=" + s.wrongUnreported() + "\n"
                + "unreported.lockouts=" + s.lockedUnreported() + "\n";
        try {
            Files.createDirectories(dir);
            Path tmp = Files.createTempFile(dir, ".maintenance-lockout-", ".tmp");
            try {
                try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                    ByteBuffer b = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
                    while (b.hasRemaining()) {
                        ch.write(b);
                    }
                    ch.force(true);
                }
                Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } finally {
                Files.deleteIfExists(tmp);
            }
            syncFolder();
            unsaved = Optional.empty();
            lastProblem = "";
        } catch (IOException | RuntimeException e) {
            unsaved = Optional.of(unsaved.map(s::stricter).orElse(s));
            problem("maintenance lockout state cannot be written to " + file + " (" + e + "): kept in memory until"
                    + " it can; check the data folder's disk and permissions");
        }
    }

    /** The rename is durable only once the folder's entry is on disk. */
    private void syncFolder() {
        try (FileChannel d = FileChannel.open(dir, StandardOpenOption.READ)) {
            d.force(true);
        } catch (IOException e) {
            log.debug("cannot fsync {}: {}", dir, e.toString());
        }
    }

    /** Runs {@code body} alone among this JVM's threads and, through the lock file, among processes. */
    private <T> T exclusive(Supplier<T> body) {
        synchronized (monitor) {
            FileChannel channel = null;
            FileLock lock = null;
            try {
                Files.createDirectories(dir);
                channel = FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                lock = channel.lock();
            } catch (IOException | OverlappingFileLockException e) {
                // Without the lock file (read-only folder) this JVM's threads still queue on the monitor.
                log.debug("maintenance lockout: no lock file in {}: {}", dir, e.toString());
            }
            try {
                return body.get();
            } finally {
                close(lock, channel);
            }
        }
    }

    private static void close(FileLock lock, FileChannel channel) {
        try {
            if (lock != null) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.debug("maintenance lockout: closing the lock file: {}", e.toString());
        }
    }

    /** A technician-level line, once per distinct problem (the heartbeat reads the state every interval). */
    private void problem(String line) {
        if (!line.equals(lastProblem)) {
            log.error(line);
            lastProblem = line;
        }
    }

    private static Path canonical(Path dir) {
        try {
            return dir.toRealPath();
        } catch (IOException e) {
            return dir;
        }
    }
}
