package org.creditkiosk.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Base64;
import java.util.EnumSet;
import java.util.Set;

/** Reads the kiosk secret issued at enrolment: Base64 on one line, in a file only its owner can read. */
public final class KioskSecret {

    private static final Set<PosixFilePermission> OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private KioskSecret() {
    }

    /**
     * @throws IOException with a message a technician can act on: missing file, group/world access
     *                     ({@code chmod 600}), or not one line of Base64
     */
    public static byte[] read(Path file) throws IOException {
        if (!Files.isRegularFile(file)) {
            throw new IOException("kiosk secret file " + file + " does not exist or is not a regular file");
        }
        PosixFileAttributeView posix = Files.getFileAttributeView(file, PosixFileAttributeView.class);
        if (posix != null) {
            Set<PosixFilePermission> perms = posix.readAttributes().permissions();
            Set<PosixFilePermission> open = EnumSet.copyOf(OTHERS);
            open.retainAll(perms);
            if (!open.isEmpty()) {
                throw new IOException("kiosk secret file " + file + " is accessible to group/others (" + open
                        + "); refusing to use it. Run: chmod 600 " + file);
            }
        }
        String text = Files.readString(file, StandardCharsets.US_ASCII).strip();
        if (text.isEmpty() || text.contains("\n")) {
            throw new IOException("kiosk secret file " + file + " must hold the secret Base64-encoded on one line");
        }
        try {
            byte[] secret = Base64.getDecoder().decode(text);
            if (secret.length < 16) {
                throw new IOException("kiosk secret in " + file + " is shorter than 16 bytes");
            }
            return secret;
        } catch (IllegalArgumentException e) {
            throw new IOException("kiosk secret file " + file + " is not valid Base64", e);
        }
    }
}
