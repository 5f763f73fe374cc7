package org.creditkiosk.ops;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.creditkiosk.config.AtomicFiles;
import org.creditkiosk.config.ContentFile;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.PlatformOps;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The hall's content files (contract 1.1, {@code GET /v1/content/{sha256}}) on disk in {@code <data dir>/content},
 * one file per SHA-256: hall content, never citizen data. A file is fetched once, checked against its hash (by the
 * client) and as content ({@link ContentFile}: PNG/JPEG within 1920×1080, WAV PCM), written atomically, and shown
 * from disk from then on, with or without the platform. A file on disk is checked against its name again the first
 * time it is used in a process; one that does not match is deleted and fetched again.
 */
public final class ContentCache implements AutoCloseable {

    private static final Logger log = LoggerFactory.getLogger(ContentCache.class);

    private final Path dir;
    private final PlatformOps platform;
    private final Set<String> checked = ConcurrentHashMap.newKeySet();
    private final List<Runnable> listeners = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "hall-content");
        t.setDaemon(true);
        return t;
    });

    public ContentCache(Path dataDir, PlatformOps platform) {
        this.dir = dataDir.resolve("content");
        this.platform = Objects.requireNonNull(platform);
    }

    /** The file of {@code sha256} when it is on disk and matches its hash; never blocks on the platform. */
    public Optional<Path> file(String sha256) {
        if (!sha256.matches("[0-9a-f]{64}")) {
            return Optional.empty();
        }
        Path f = dir.resolve(sha256);
        if (!Files.isRegularFile(f)) {
            return Optional.empty();
        }
        if (checked.contains(sha256)) {
            return Optional.of(f);
        }
        try {
            if (ContentFile.sha256(Files.readAllBytes(f)).equals(sha256)) {
                checked.add(sha256);
                return Optional.of(f);
            }
            log.error("hall content file {} does not match its SHA-256: deleted, fetched again", f);
            Files.deleteIfExists(f);
        } catch (IOException e) {
            log.warn("hall content file {} cannot be read: {}", f, e.toString());
        }
        return Optional.empty();
    }

    /** Hears when a file arrived (on the cache's thread). */
    public void addListener(Runnable listener) {
        listeners.add(Objects.requireNonNull(listener));
    }

    /** Fetches what is missing now and then every {@code retryS} seconds until every file is there. */
    public ContentCache keep(Collection<String> wanted, long retryS) {
        List<String> all = List.copyOf(wanted);
        if (!all.isEmpty()) {
            scheduler.scheduleWithFixedDelay(() -> {
                if (fetchMissing(all) == 0) {
                    throw new IllegalStateException("done"); // ends the schedule: everything is on disk
                }
            }, 0, retryS, TimeUnit.SECONDS);
        }
        return this;
    }

    /** Fetches each missing file once; returns how many are still missing. */
    public int fetchMissing(Collection<String> wanted) {
        int missing = 0;
        for (String sha : wanted) {
            if (file(sha).isPresent()) {
                continue;
            }
            try {
                byte[] bytes = platform.getContent(sha);
                ContentFile c = ContentFile.check(bytes);
                AtomicFiles.write(dir.resolve(sha), bytes);
                checked.add(sha);
                log.info("hall content {} fetched: {}, {} bytes", sha.substring(0, 12), c.detail(), c.size());
                listeners.forEach(Runnable::run);
            } catch (PlatformException | IOException e) {
                missing++;
                log.warn("hall content {} not fetched yet: {}", sha.substring(0, 12), e.getMessage());
            } catch (IllegalArgumentException e) {
                missing++;
                log.error("hall content {} refused: {} (the bundle names a file the kiosk cannot show)", sha.substring(0, 12),
                        e.getMessage());
            }
        }
        return missing;
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
