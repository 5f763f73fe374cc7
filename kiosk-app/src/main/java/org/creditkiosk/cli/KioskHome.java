package org.creditkiosk.cli;

import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The kiosk's installation folder (the one holding {@code config/}): {@code -Dkiosk.home} (set by
 * {@code packaging/bin/kiosk}), else the folder above the jar's {@code target/} or {@code lib/}, else the working
 * directory.
 */
public final class KioskHome {

    private KioskHome() {
    }

    public static Path path() {
        String prop = System.getProperty("kiosk.home");
        if (prop != null && !prop.isBlank()) {
            return Path.of(prop).toAbsolutePath().normalize();
        }
        try {
            Path jar = Path.of(KioskHome.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            for (Path p = jar.getParent(); p != null; p = p.getParent()) {
                if (Files.isDirectory(p.resolve("config"))) {
                    return p;
                }
            }
        } catch (URISyntaxException | SecurityException e) {
            // fall through
        }
        return Path.of("").toAbsolutePath();
    }
}
