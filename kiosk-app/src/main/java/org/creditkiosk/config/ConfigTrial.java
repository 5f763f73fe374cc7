package org.creditkiosk.config;

import java.io.IOException;
import java.io.StringReader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.Properties;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A newly accepted bundle on trial, before it becomes the kiosk's bundle (issue 12, health gate). Files in the data
 * folder, each written atomically ({@link AtomicFiles}): {@code config-bundle-trial.json} (the signed bundle as the
 * platform served it) and {@code config-rollout.properties} (the version on trial, how many times the kiosk started on
 * it, and the last version that failed the gate with the reason and whether the heartbeat reported it yet).
 *
 * <p><b>Rollback protection.</b> A bundle on trial is not yet recorded in the {@link VersionFloor}: the floor and the
 * stored bundle ({@link BundleStore}) stay at the last good version. At start the trial bundle is checked as a newly
 * offered one ({@link SignedConfig#verify}: newer than the floor, plus every other check) and must carry exactly the
 * version recorded here. Only when the kiosk proves healthy on it ({@link #promote}) is it written as the stored
 * bundle and the floor raised. Returning to the last good bundle is then only forgetting the trial: nothing below the
 * floor is ever accepted and the floor never goes down. A version that failed is remembered and never tried again
 * (administrators sign a higher one).
 *
 * <p>Order of writes: {@link #stage} writes the bundle, then the state; {@link #promote} the stored bundle, then the
 * floor, then the state. A stop between any two leaves a state that start-up resolves: a trial file the state does
 * not name is ignored; a trial whose version the floor already holds was promoted.
 */
public final class ConfigTrial {

    public static final String STATE_FILE = "config-rollout.properties";
    public static final String BUNDLE_FILE = "config-bundle-trial.json";
    /** Starts allowed on a trial bundle: the start after it was applied and one after a crash; a second crash fails it. */
    public static final int MAX_STARTS = 2;

    private static final Logger log = LoggerFactory.getLogger(ConfigTrial.class);

    /**
     * @param trialVersion    version on trial, 0 for none
     * @param starts          starts of the kiosk on it so far
     * @param failedVersion   the last version that failed the health gate, 0 for none
     * @param failedReason    why, for technicians and the command result
     * @param failedUnreported failures not yet reported in an accepted heartbeat
     */
    public record State(long trialVersion, int starts, long failedVersion, String failedReason, long failedUnreported) {

        static final State NONE = new State(0, 0, 0, "", 0);

        public boolean onTrial() {
            return trialVersion > 0;
        }
    }

    private final Path dir;
    private final Path stateFile;
    private final Path bundleFile;

    public ConfigTrial(Path dataDir) {
        this.dir = dataDir;
        this.stateFile = dataDir.resolve(STATE_FILE);
        this.bundleFile = dataDir.resolve(BUNDLE_FILE);
    }

    /** The state; a missing file is no trial and no failure, an unreadable one is logged and treated as no trial. */
    public synchronized State read() {
        String text;
        try {
            text = Files.readString(stateFile, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return State.NONE;
        } catch (IOException e) {
            log.error("{} cannot be read ({}): no configuration on trial, running the last good one", stateFile, e.toString());
            return State.NONE;
        }
        try {
            Properties p = new Properties();
            p.load(new StringReader(text));
            return new State(Long.parseLong(p.getProperty("trial.version", "0")), Integer.parseInt(p.getProperty("trial.starts", "0")),
                    Long.parseLong(p.getProperty("failed.version", "0")), p.getProperty("failed.reason", ""),
                    Long.parseLong(p.getProperty("failed.unreported", "0")));
        } catch (IOException | IllegalArgumentException e) {
            log.error("{} does not parse ({}): no configuration on trial, running the last good one", stateFile, e.toString());
            return State.NONE;
        }
    }

    /** The trial bundle, when the state names one and the file is there. */
    public synchronized Optional<ConfigBundle> bundle() {
        if (!read().onTrial()) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.mapper().readValue(bundleFile.toFile(), ConfigBundle.class));
        } catch (IOException e) {
            log.error("{} cannot be read ({}); the trial fails", bundleFile, e.toString());
            return Optional.empty();
        }
    }

    /** Puts {@code bundle} (already verified, {@code version}) on trial; replaces any trial not yet started on. */
    public synchronized void stage(ConfigBundle bundle, long version) throws IOException {
        AtomicFiles.write(bundleFile, Json.mapper().writeValueAsBytes(bundle));
        State s = read();
        write(new State(version, 0, s.failedVersion(), s.failedReason(), s.failedUnreported()));
    }

    /** The kiosk is starting (not a command reading the configuration): one more start on the trial. */
    public synchronized State countStart() throws IOException {
        State s = read();
        if (!s.onTrial()) {
            return s;
        }
        State counted = new State(s.trialVersion(), s.starts() + 1, s.failedVersion(), s.failedReason(), s.failedUnreported());
        write(counted);
        return counted;
    }

    /** The trial failed: forget it (the last good bundle stays in force), remember the version and why. */
    public synchronized void fail(String reason) throws IOException {
        State s = read();
        if (!s.onTrial()) {
            return;
        }
        log.error("configuration v{} failed the health gate: {}; back to the last good configuration", s.trialVersion(), reason);
        write(new State(0, 0, s.trialVersion(), reason, s.failedUnreported() + 1));
        Files.deleteIfExists(bundleFile);
        AtomicFiles.syncDirectory(dir);
    }

    /**
     * The kiosk is healthy on the trial bundle: it becomes the stored bundle and the floor is raised to it. Returns
     * the version promoted, or 0 when there was no trial.
     */
    public synchronized long promote() throws IOException {
        State s = read();
        Optional<ConfigBundle> b = bundle();
        if (!s.onTrial() || b.isEmpty()) {
            return 0;
        }
        new BundleStore(dir).write(b.get());
        new VersionFloor(dir).raise(s.trialVersion());
        write(new State(0, 0, s.failedVersion(), s.failedReason(), s.failedUnreported()));
        Files.deleteIfExists(bundleFile);
        AtomicFiles.syncDirectory(dir);
        log.info("configuration v{} proved healthy: it is the stored bundle now (version floor v{})", s.trialVersion(), s.trialVersion());
        return s.trialVersion();
    }

    /** Forgets a trial the floor already holds (a stop after {@link #promote} raised it), without counting a failure. */
    synchronized void clearPromoted() throws IOException {
        State s = read();
        write(new State(0, 0, s.failedVersion(), s.failedReason(), s.failedUnreported()));
        Files.deleteIfExists(bundleFile);
    }

    /** The heartbeat carried {@code n} failures: they are reported. */
    public synchronized void reported(long n) throws IOException {
        State s = read();
        if (n <= 0 || s.failedUnreported() == 0) {
            return;
        }
        write(new State(s.trialVersion(), s.starts(), s.failedVersion(), s.failedReason(), Math.max(0, s.failedUnreported() - n)));
    }

    private void write(State s) throws IOException {
        Properties p = new Properties();
        p.setProperty("trial.version", Long.toString(s.trialVersion()));
        p.setProperty("trial.starts", Integer.toString(s.starts()));
        p.setProperty("failed.version", Long.toString(s.failedVersion()));
        p.setProperty("failed.reason", s.failedReason());
        p.setProperty("failed.unreported", Long.toString(s.failedUnreported()));
        StringWriter w = new StringWriter();
        p.store(w, "configuration rollout: bundle on trial and the last failed version (issue 12); no personal data");
        AtomicFiles.write(stateFile, w.toString().getBytes(StandardCharsets.UTF_8));
    }
}
