package org.creditkiosk.cli.platform;

import org.creditkiosk.assembly.HallSettings;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.cli.KioskHome;
import org.creditkiosk.config.ConfigException;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.HttpPlatformClient;
import org.creditkiosk.platform.PlatformSettings;
import picocli.CommandLine.Option;

/**
 * Connection options shared by the platform commands. Precedence: command-line option, then environment variable
 * ({@code KIOSK_PLATFORM_URL}, {@code KIOSK_ID}, {@code KIOSK_SECRET_FILE}, {@code KIOSK_TRUSTSTORE},
 * {@code KIOSK_TRUSTSTORE_PASSWORD}, {@code KIOSK_PINS}). {@code --demo} starts the embedded demo platform instead.
 */
public final class PlatformConnection {

    @Option(names = "--url", paramLabel = "URL", description = "Platform server URL incl. base path (env KIOSK_PLATFORM_URL).")
    String url;

    @Option(names = "--kiosk-id", paramLabel = "ID", description = "Registered kiosk id (env KIOSK_ID).")
    String kioskId;

    @Option(names = "--secret-file", paramLabel = "FILE", description = "Kiosk secret, Base64 on one line, mode 600 (env KIOSK_SECRET_FILE).")
    Path secretFile;

    @Option(names = "--truststore", paramLabel = "FILE", description = "PKCS12 trust store for the platform certificate (env KIOSK_TRUSTSTORE).")
    Path truststore;

    @Option(names = "--pins", paramLabel = "PINS", split = ",", description = "SPKI SHA-256 pins, sha256/<base64>, comma separated (env KIOSK_PINS).")
    List<String> pins;

    @Option(names = "--demo", description = "Run against a freshly started embedded demo platform (no settings needed).")
    boolean demo;

    /** An open client plus whatever must be closed with it. */
    public record Connected(HttpPlatformClient client, Optional<DemoPlatformServer> demoServer) implements AutoCloseable {
        @Override
        public void close() {
            client.close();
            demoServer.ifPresent(DemoPlatformServer::close);
        }
    }

    /**
     * The kiosk's configuration layers (as {@code kiosk} reads them: files, bundle, environment), command-line
     * options over them, then the one reading of them into the client's settings ({@link HallSettings#platform}).
     */
    PlatformSettings settings(Map<String, String> environment) {
        KioskSettings configured;
        try {
            configured = ConfigLoader.standard(KioskHome.path(), Optional.empty(), environment);
            Map<String, String> options = new LinkedHashMap<>();
            put(options, ConfigKeys.PLATFORM_URL.name(), url);
            put(options, ConfigKeys.KIOSK_ID.name(), kioskId);
            put(options, ConfigKeys.PLATFORM_SECRET_FILE.name(), secretFile == null ? null : secretFile.toString());
            put(options, ConfigKeys.PLATFORM_TRUSTSTORE.name(), truststore == null ? null : truststore.toString());
            put(options, ConfigKeys.PLATFORM_PINS.name(), pins == null ? null : String.join(",", pins));
            configured = configured.with(options, "command line");
        } catch (ConfigException e) {
            throw new IllegalArgumentException("the kiosk configuration is invalid (run 'kiosk config check'): " + e.getMessage());
        }
        if (configured.get(ConfigKeys.PLATFORM_URL).isEmpty()) {
            throw new IllegalArgumentException("no platform configured: give --url and --kiosk-id (or KIOSK_PLATFORM_URL "
                    + "and KIOSK_ID), plus --secret-file (KIOSK_SECRET_FILE); or use --demo");
        }
        return HallSettings.platform(configured, environment);
    }

    Connected connect(Map<String, String> environment, CallObserver observer) throws IOException {
        if (demo) {
            byte[] secret = DemoPlatformServer.newSecret();
            DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), "YL-DEMO-K01", secret, Clock.systemUTC());
            Arrays.fill(secret, (byte) 0);
            return new Connected(server.client(observer), Optional.of(server));
        }
        return new Connected(HttpPlatformClient.create(settings(environment), observer), Optional.empty());
    }

    private static void put(Map<String, String> env, String key, String value) {
        if (value != null && !value.isBlank()) {
            env.put(key, value);
        }
    }
}
