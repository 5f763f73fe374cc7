package org.creditkiosk.device.link;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A pair of connected pseudo-terminals made by socat, for integration tests of drivers against simulators over
 * real serial I/O through jSerialComm. {@link #unplug()} kills socat (both ends see the device vanish);
 * {@link #replug()} starts it again under the same names, like a USB-serial adapter plugged back in.
 */
public final class SocatPair implements AutoCloseable {

    private final Path dir;
    private final Path hostEnd;
    private final Path deviceEnd;
    private Process socat;

    private SocatPair(Path dir) {
        this.dir = dir;
        this.hostEnd = dir.resolve("host");
        this.deviceEnd = dir.resolve("device");
    }

    /** True when socat is installed (tests that need it are skipped with a clear reason otherwise). */
    public static boolean available() {
        for (String p : List.of("/usr/bin/socat", "/bin/socat", "/usr/local/bin/socat")) {
            if (Files.isExecutable(Path.of(p))) {
                return true;
            }
        }
        return false;
    }

    public static SocatPair start() throws IOException {
        SocatPair pair = new SocatPair(Files.createTempDirectory("socat-pair"));
        pair.replug();
        return pair;
    }

    /** Path the driver opens. */
    public String hostPath() {
        return hostEnd.toString();
    }

    /** Path the simulator opens. */
    public String devicePath() {
        return deviceEnd.toString();
    }

    /** Kills socat: both pseudo-terminals disappear. */
    public void unplug() {
        if (socat != null) {
            socat.destroy();
            try {
                if (!socat.waitFor(2, TimeUnit.SECONDS)) {
                    socat.destroyForcibly().waitFor(2, TimeUnit.SECONDS);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            socat = null;
        }
        try {
            Files.deleteIfExists(hostEnd);
            Files.deleteIfExists(deviceEnd);
        } catch (IOException ignored) {
            // socat removes its links itself; this is only a fallback
        }
    }

    /** Starts socat (again) and waits until both ends exist. */
    public void replug() throws IOException {
        unplug();
        socat = new ProcessBuilder("socat", "-d", "-d",
                "pty,raw,echo=0,link=" + hostEnd, "pty,raw,echo=0,link=" + deviceEnd)
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("socat.log").toFile())
                .start();
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (!(Files.exists(hostEnd) && Files.exists(deviceEnd))) {
            if (System.nanoTime() > deadline || !socat.isAlive()) {
                throw new IOException("socat did not create the pseudo-terminals: "
                        + Files.readString(dir.resolve("socat.log")));
            }
            try {
                Thread.sleep(10);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IOException("interrupted");
            }
        }
    }

    @Override
    public void close() {
        unplug();
        try {
            Files.deleteIfExists(dir.resolve("socat.log"));
            Files.deleteIfExists(dir);
        } catch (IOException ignored) {
            // temp dir; harmless
        }
    }
}
