package org.creditkiosk.assembly;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.platform.PlatformSettings;
import org.creditkiosk.report.ReportSettings;
import org.creditkiosk.report.sign.HallCredentials;

/**
 * From the kiosk's configuration to the settings of its parts, the same for the kiosk, {@code kiosk doctor} and
 * every command (issue 10 item 4): one reading of the layers, no command with rules of its own.
 */
public final class HallSettings {

    /** The hall keystore's password when no {@code report.keystorePassFile} is set (service manager credential). */
    public static final String KEYSTORE_PASSWORD_ENV = "KIOSK_REPORT_KEYSTORE_PASSWORD";
    /** The platform trust store's password when no {@code platform.truststorePassFile} is set. */
    public static final String TRUSTSTORE_PASSWORD_ENV = "KIOSK_TRUSTSTORE_PASSWORD";

    private HallSettings() {
    }

    /**
     * The platform client's settings: URL, kiosk id, secret file, trust store (and its password), pins, time
     * limits. The environment already won over the files in {@code ConfigLoader}; only the trust store's password
     * may come from the service manager's environment.
     *
     * @throws IllegalStateException when {@code platform.url} is not set (Preflight says so first)
     */
    public static PlatformSettings platform(KioskSettings s, Map<String, String> env) {
        String url = s.get(ConfigKeys.PLATFORM_URL).orElseThrow(() -> new IllegalStateException("platform.url is not set"));
        Map<String, String> tls = new HashMap<>();
        s.get(ConfigKeys.PLATFORM_TRUSTSTORE).ifPresent(v -> tls.put("KIOSK_TRUSTSTORE", v));
        s.get(ConfigKeys.PLATFORM_PINS).ifPresent(v -> tls.put("KIOSK_PINS", v));
        Optional<String> pass = s.get(ConfigKeys.PLATFORM_TRUSTSTORE_PASS_FILE)
                .map(f -> new String(HallCredentials.readPasswordFile(Path.of(f))))
                .or(() -> Optional.ofNullable(env.get(TRUSTSTORE_PASSWORD_ENV)));
        pass.ifPresent(v -> tls.put("KIOSK_TRUSTSTORE_PASSWORD", v));
        return PlatformSettings.of(url, s.get(ConfigKeys.KIOSK_ID), s.get(ConfigKeys.PLATFORM_SECRET_FILE).map(Path::of))
                .withEnvironment(tls)
                .withTimeouts(s.get(ConfigKeys.PLATFORM_CONNECT_TIMEOUT), s.get(ConfigKeys.PLATFORM_READ_TIMEOUT),
                        s.get(ConfigKeys.PLATFORM_CALL_TIMEOUT))
                .withVerifyHost(s.get(ConfigKeys.VERIFY_HOST));
    }

    /**
     * The report's settings: issuing office, hall, seal, and the hall keystore ({@code report.keystore}, its
     * password from {@code report.keystorePassFile} or {@value #KEYSTORE_PASSWORD_ENV}). There is no keystore-less
     * path: the demo's sources set {@code report.keystore} to the demo keystore they generated.
     *
     * @throws IllegalStateException when {@code report.keystore} is not set (Preflight says so first)
     */
    public static ReportSettings report(KioskSettings s) {
        Path p12 = s.get(ConfigKeys.REPORT_KEYSTORE).map(Path::of)
                .orElseThrow(() -> new IllegalStateException("report.keystore is not set"));
        ReportSettings.KeystorePassword password = s.get(ConfigKeys.REPORT_KEYSTORE_PASS_FILE)
                .<ReportSettings.KeystorePassword>map(f -> new ReportSettings.KeystorePassword.FromFile(Path.of(f)))
                .orElse(new ReportSettings.KeystorePassword.FromEnvironment(KEYSTORE_PASSWORD_ENV));
        String issuer = s.get(ConfigKeys.REPORT_ISSUER);
        List<String> seal = new ArrayList<>(List.of(issuer, "信用报告专用章"));
        return new ReportSettings(issuer, s.get(ConfigKeys.HALL_NAME), seal, Optional.empty(), Optional.of(p12), password,
                Optional.empty(), false, ReportSettings.defaultDemoDir(), ZoneId.of("Asia/Shanghai"));
    }
}
