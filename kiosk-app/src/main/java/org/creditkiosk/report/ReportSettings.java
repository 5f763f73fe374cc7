package org.creditkiosk.report;

import java.nio.file.Path;
import java.time.ZoneId;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Settings of the A4 report and its signature.
 *
 * @param issuingOffice  the office that issues the report (cover block, issuer line, seal arc)
 * @param hallName       the service hall (signature location, receipt slip)
 * @param sealLines      text of the vector seal: the first line on the arc (usually the office name), the others
 *                       horizontal under the star (e.g. 信用报告专用章)
 * @param sealImage      an image seal (PNG with transparency) drawn instead of the vector seal
 * @param keystore       the hall's PKCS#12 keystore; empty in demo mode means a generated demo keystore
 * @param keystorePassword where the keystore password comes from (never the settings file itself)
 * @param keyAlias       alias of the signing key; empty means the first key entry
 * @param demo           demo mode: without a keystore, generate and use a self-signed demo keystore in
 *                       {@code demoDataDir} (outside the repository; never commit key material)
 * @param demoDataDir    where the demo keystore is generated
 * @param zone           time zone of dates printed on the report
 */
public record ReportSettings(
        String issuingOffice,
        String hallName,
        List<String> sealLines,
        Optional<Path> sealImage,
        Optional<Path> keystore,
        KeystorePassword keystorePassword,
        Optional<String> keyAlias,
        boolean demo,
        Path demoDataDir,
        ZoneId zone) {

    public static final String DEFAULT_OFFICE = "榆林市公共信用信息中心";

    public ReportSettings {
        requireText(issuingOffice, "issuingOffice");
        requireText(hallName, "hallName");
        sealLines = List.copyOf(Objects.requireNonNull(sealLines, "sealLines"));
        if (sealLines.isEmpty() || sealLines.get(0).isBlank()) {
            throw new IllegalArgumentException("sealLines needs at least the arc text");
        }
        sealImage = sealImage == null ? Optional.empty() : sealImage;
        keystore = keystore == null ? Optional.empty() : keystore;
        Objects.requireNonNull(keystorePassword, "keystorePassword");
        keyAlias = keyAlias == null ? Optional.empty() : keyAlias;
        Objects.requireNonNull(demoDataDir, "demoDataDir");
        Objects.requireNonNull(zone, "zone");
        if (!demo && keystore.isEmpty()) {
            throw new IllegalArgumentException("keystore is required outside demo mode");
        }
    }

    /** Where the report's keystore password is read from. */
    public sealed interface KeystorePassword {
        /** A file holding the password (first line; permissions 600, outside the repository). */
        record FromFile(Path file) implements KeystorePassword {
            public FromFile {
                Objects.requireNonNull(file, "file");
            }
        }

        /** An environment variable (e.g. set by the systemd unit from a credential). */
        record FromEnvironment(String variable) implements KeystorePassword {
            public FromEnvironment {
                requireText(variable, "variable");
            }
        }

        /** Demo mode: the password file generated next to the demo keystore. */
        record DemoGenerated() implements KeystorePassword {
        }
    }

    /** Defaults for the demo: Yulin's centre, a generated demo keystore under {@link #defaultDemoDir()}. */
    public static ReportSettings defaults() {
        return demo(defaultDemoDir());
    }

    /** Demo settings with the demo keystore in {@code dataDir}. */
    public static ReportSettings demo(Path dataDir) {
        return new ReportSettings(DEFAULT_OFFICE, "榆林市政务服务中心信用自助查询区",
                List.of(DEFAULT_OFFICE, "信用报告专用章"), Optional.empty(), Optional.empty(),
                new KeystorePassword.DemoGenerated(), Optional.empty(), true, dataDir, ZoneId.of("Asia/Shanghai"));
    }

    /** These settings with the hall's real keystore. */
    public ReportSettings withKeystore(Path p12, KeystorePassword password, Optional<String> alias) {
        return new ReportSettings(issuingOffice, hallName, sealLines, sealImage, Optional.of(p12), password, alias,
                demo, demoDataDir, zone);
    }

    public ReportSettings withOffice(String office, String hall, List<String> seal) {
        return new ReportSettings(office, hall, seal, sealImage, keystore, keystorePassword, keyAlias, demo,
                demoDataDir, zone);
    }

    public ReportSettings withSealImage(Path image) {
        return new ReportSettings(issuingOffice, hallName, sealLines, Optional.of(image), keystore, keystorePassword,
                keyAlias, demo, demoDataDir, zone);
    }

    /**
     * {@code $CREDIT_KIOSK_DEMO_DIR}, else {@code ${XDG_DATA_HOME:-~/.local/share}/credit-kiosk/demo}: outside the
     * repository so that no key is ever committed.
     */
    public static Path defaultDemoDir() {
        String override = System.getenv("CREDIT_KIOSK_DEMO_DIR");
        if (override != null && !override.isBlank()) {
            return Path.of(override);
        }
        String xdg = System.getenv("XDG_DATA_HOME");
        Path base = xdg != null && !xdg.isBlank() ? Path.of(xdg)
                : Path.of(System.getProperty("user.home"), ".local", "share");
        return base.resolve("credit-kiosk").resolve("demo");
    }

    private static void requireText(String value, String name) {
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException(name + " must not be empty");
        }
    }
}
