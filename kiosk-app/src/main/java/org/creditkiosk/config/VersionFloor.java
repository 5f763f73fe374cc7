package org.creditkiosk.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The highest configuration bundle version this kiosk ever accepted, kept apart from the bundle in its own small file
 * ({@code <data dir>/config-version-floor}, one decimal number). It never goes down (DESIGN.md §5): a new bundle
 * must be newer than it, and the stored bundle must be exactly at it when the kiosk starts, so replacing the stored
 * bundle with an older validly signed one, or removing it, is noticed. Written atomically like the bundle.
 */
public final class VersionFloor {

    public static final String FILE = "config-version-floor";

    private final Path file;

    public VersionFloor(Path dataDir) {
        this.file = dataDir.resolve(FILE);
    }

    public Path file() {
        return file;
    }

    /** The recorded floor; 0 when no bundle was ever accepted (no file). A file that is not a number is an error. */
    public long read() throws IOException {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        } catch (NoSuchFileException e) {
            return 0;
        }
        try {
            long v = Long.parseLong(text);
            if (v < 0) {
                throw new NumberFormatException("negative");
            }
            return v;
        } catch (NumberFormatException e) {
            throw new IOException(file + " does not hold a bundle version ('" + abbreviate(text) + "')");
        }
    }

    /**
     * Raises the floor to {@code version}; the same version is a no-op. Never lowers it: a lower version throws
     * {@link IllegalArgumentException} and leaves the file as it is.
     */
    public synchronized void raise(long version) throws IOException {
        long current = read();
        if (version < current) {
            throw new IllegalArgumentException("configuration version floor is v" + current + "; it never goes down to v" + version);
        }
        if (version == current && Files.exists(file)) {
            return;
        }
        AtomicFiles.write(file, (version + "\n").getBytes(StandardCharsets.US_ASCII));
    }

    private static String abbreviate(String s) {
        return s.length() > 20 ? s.substring(0, 20) + "..." : s;
    }
}
