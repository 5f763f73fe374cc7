package org.creditkiosk.config;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes a small file so that a power cut leaves the old content or the new one, never half of one (DESIGN.md §5):
 * a temp file in the same folder, written and fsynced, renamed over the target atomically, then the folder fsynced so
 * the rename itself is on disk.
 */
public final class AtomicFiles {

    private static final Logger log = LoggerFactory.getLogger(AtomicFiles.class);

    private AtomicFiles() {
    }

    public static void write(Path file, byte[] bytes) throws IOException {
        write(file, bytes, false);
    }

    /**
     * As {@link #write(Path, byte[])}; with {@code keepAttributes} the new file gets the old one's permissions, owner
     * and group (a technician's file edited by root stays readable by the kiosk user).
     */
    public static void write(Path file, byte[] bytes, boolean keepAttributes) throws IOException {
        Path dir = file.toAbsolutePath().getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + file.getFileName() + "-", ".tmp");
        try {
            if (keepAttributes && Files.exists(file)) {
                copyAttributes(file, tmp);
            }
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE, StandardOpenOption.TRUNCATE_EXISTING)) {
                ByteBuffer b = ByteBuffer.wrap(bytes);
                while (b.hasRemaining()) {
                    ch.write(b);
                }
                ch.force(true);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        syncDirectory(dir);
    }

    private static void copyAttributes(Path from, Path to) throws IOException {
        java.nio.file.attribute.PosixFileAttributes a;
        try {
            a = Files.readAttributes(from, java.nio.file.attribute.PosixFileAttributes.class);
        } catch (UnsupportedOperationException e) {
            return;   // not a POSIX file system: nothing to keep
        }
        Files.setPosixFilePermissions(to, a.permissions());
        java.nio.file.attribute.PosixFileAttributeView v =
                Files.getFileAttributeView(to, java.nio.file.attribute.PosixFileAttributeView.class);
        if (!v.readAttributes().owner().equals(a.owner())) {
            v.setOwner(a.owner());
        }
        if (!v.readAttributes().group().equals(a.group())) {
            v.setGroup(a.group());
        }
    }

    /**
     * Makes a rename in {@code dir} durable. Some file systems and platforms (Windows, some network mounts) refuse to
     * open or force a directory; the rename is then as durable as they make it, which is tolerated.
     */
    static void syncDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            log.debug("cannot fsync folder {} ({}); relying on the file system", dir, e.toString());
        }
    }
}
