package org.creditkiosk.assembly;

import java.io.IOException;
import java.io.OutputStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.config.ConfigException;
import org.creditkiosk.config.BundleSigner;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.demo.DemoContent;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.demo.DemoDevices;
import org.creditkiosk.demo.DemoReportPrinter;
import org.creditkiosk.demo.platform.DemoFixtures;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.device.idcard.IdCardReaderSimulator;
import org.creditkiosk.device.link.PipeLink;
import org.creditkiosk.device.link.SerialSettings;
import org.creditkiosk.device.printer.EscPosPrinterSimulator;
import org.creditkiosk.device.scanner.QrScannerSettings;
import org.creditkiosk.device.scanner.QrScannerSimulator;
import org.creditkiosk.devices.IdCardDataMapper;
import org.creditkiosk.ops.MaintenanceAccess;
import org.creditkiosk.report.sign.DemoKeystore;

/**
 * The demo's sources: the embedded demo platform on loopback, the device simulators on in-memory lines (each
 * speaking the real bytes to the real driver), the A4 "printer" that writes PDFs to a folder, and a settings layer
 * that points the kiosk at them: the platform's URL and verification host, a secret file, a demo hall keystore
 * and administrators' key generated on first start under {@code <data dir>/demo} (never in the repository), and a
 * demo maintenance PIN ({@value #DEMO_PIN}) unless one is configured. What costs time to make (the PIN's PBKDF2 hash,
 * the drawn hall slides) is made at the first start and read from that folder at later ones. The kiosk is then assembled exactly as in a
 * hall, and passes the same start checks.
 */
public final class DemoSources {

    /** The maintenance PIN of a demo kiosk without a configured one (README). */
    public static final String DEMO_PIN = "246810";
    static final String SOURCE = "demo sources";

    private DemoSources() {
    }

    public static KioskSources open(KioskSettings configured) throws IOException {
        List<AutoCloseable> resources = new ArrayList<>();
        try {
            return open(configured, resources);
        } catch (IOException | RuntimeException e) {
            KioskAssembly.closeAll(resources);
            throw e;
        }
    }

    private static KioskSources open(KioskSettings configured, List<AutoCloseable> resources) throws IOException {
        Path demoDir = ConfigLoader.dataDir(configured).resolve("demo");
        Files.createDirectories(demoDir);
        String kioskId = configured.get(ConfigKeys.KIOSK_ID);
        byte[] secret = DemoPlatformServer.newSecret();
        Path secretFile = ownerOnlyFile(demoDir.resolve("kiosk.secret"),
                (Base64.getEncoder().encodeToString(secret) + "\n").getBytes(StandardCharsets.US_ASCII));
        DemoSettings demo = DemoSettings.defaults();
        DemoPlatformServer server = DemoPlatformServer.start(demo, kioskId, secret, Clock.systemUTC());
        java.util.Arrays.fill(secret, (byte) 0);
        resources.add(server);
        DemoKeystore.ensure(demoDir, configured.get(ConfigKeys.REPORT_ISSUER));
        Path trustedKeys = demoAdministratorKey(demoDir);

        Map<String, String> overlay = new LinkedHashMap<>();
        overlay.put(ConfigKeys.PLATFORM_URL.name(), server.baseUrl());
        overlay.put(ConfigKeys.PLATFORM_SECRET_FILE.name(), secretFile.toString());
        overlay.put(ConfigKeys.VERIFY_HOST.name(), URI.create(demo.publicVerifyBase()).getHost());
        overlay.put(ConfigKeys.REPORT_KEYSTORE.name(), DemoKeystore.keystoreFile(demoDir).toString());
        overlay.put(ConfigKeys.REPORT_KEYSTORE_PASS_FILE.name(), DemoKeystore.passwordFile(demoDir).toString());
        if (configured.get(ConfigKeys.TRUSTED_KEYS_FILE).isEmpty()) {
            overlay.put(ConfigKeys.TRUSTED_KEYS_FILE.name(), trustedKeys.toString());
        }
        overlay.putAll(demoHallContent(server, demoDir));
        if (configured.get(ConfigKeys.MAINTENANCE_PIN_HASH).isEmpty()) {
            overlay.put(ConfigKeys.MAINTENANCE_PIN_HASH.name(), demoPinHash(demoDir));
        }
        KioskSettings settings;
        try {
            settings = configured.with(overlay, SOURCE);
        } catch (ConfigException e) {
            throw new IOException("demo sources: " + e.getMessage(), e);
        }

        // The ID card reader's far end: the simulator behind an in-memory serial line.
        IdCardReaderSimulator reader = new IdCardReaderSimulator(SerialSettings.of8N1(settings.get(ConfigKeys.IDCARD_BAUD)));
        resources.add(reader);
        // The receipt printer's far end.
        PipeLink[] receiptLine = PipeLink.pair("demo-receipt");
        EscPosPrinterSimulator receipt = new EscPosPrinterSimulator(receiptLine[1]).start();
        resources.add(receipt);
        // The serial QR scanner's far end.
        PipeLink[] scanLine = PipeLink.pair("demo-scanner");
        QrScannerSimulator scanner = new QrScannerSimulator(scanLine[1], QrScannerSettings.defaults());
        resources.add(scanner);
        // The A4 printer: a folder, with a fault switch.
        Path out = settings.get(ConfigKeys.REPORT_OUTPUT_DIR).map(Path::of)
                .orElse(ConfigLoader.dataDir(settings).resolve("demo-reports"));
        DemoReportPrinter a4 = new DemoReportPrinter(out);

        DemoFixtures fixtures = DemoFixtures.load();
        List<DemoDevices.DemoCard> cards = fixtures.cards().stream()
                .map(c -> new DemoDevices.DemoCard(c.name() + Optional.ofNullable(fixtures.persons().get(c.idNumber()))
                        .flatMap(DemoFixtures.PersonFixture::label).map(l -> " · " + l).orElse(""),
                        IdCardDataMapper.fromContract(c)))
                .toList();
        DemoDevices devices = new DemoDevices(reader, cards, server, scanner, codes(fixtures, demo, a4), a4, receipt);
        return new KioskSources(settings, Optional.of(reader.pipeOpener("demo-idcard")),
                Optional.of(PipeLink.reopenable(receiptLine[0])), Optional.of(PipeLink.reopenable(scanLine[0])),
                new A4Printer("demo A4 printer (" + out + ")", a4, Optional.empty()), Optional.of(devices), resources);
    }

    /**
     * The demo PIN's hash, computed once into the demo folder (PBKDF2 takes about 0.4 s, on every start otherwise);
     * a file that does not hold a hash of the scheme is made again.
     */
    private static String demoPinHash(Path demoDir) throws IOException {
        Path file = demoDir.resolve("maintenance-pin.hash");
        if (Files.isRegularFile(file)) {
            String stored = Files.readString(file, StandardCharsets.US_ASCII).trim();
            if (stored.matches("pbkdf2-sha256:[0-9]+:[A-Za-z0-9+/=]+:[A-Za-z0-9+/=]+")) {
                return stored;
            }
        }
        String hash = MaintenanceAccess.hash(DEMO_PIN);
        ownerOnlyFile(file, (hash + "\n").getBytes(StandardCharsets.US_ASCII));
        return hash;
    }

    private static List<DemoDevices.DemoCode> codes(DemoFixtures fixtures, DemoSettings demo, DemoReportPrinter a4) {
        String verifyBase = demo.publicVerifyBase() + "/v?r=";
        List<DemoDevices.DemoCode> codes = new ArrayList<>();
        for (DemoFixtures.QrToken t : fixtures.qrTokens().values()) {
            String who = Optional.ofNullable(fixtures.persons().get(t.idNumber()))
                    .map(p -> fixtures.record(p.recordId()).subject().name()).orElse("?");
            String state = switch (t.state().name()) {
                case "VALID" -> "有效";
                case "EXPIRED" -> "已过期";
                case "USED" -> "已使用";
                default -> t.state().name();
            };
            codes.add(new DemoDevices.DemoCode(who + "的APP码（" + state + "）", () -> Optional.of(t.payload())));
        }
        codes.add(new DemoDevices.DemoCode("报告核验码", () -> a4.lastReportNo().map(n -> verifyBase + n)));
        codes.add(new DemoDevices.DemoCode("伪造报告码", () -> Optional.of(verifyBase + "YLXY-20250101-0009-999999")));
        codes.add(new DemoDevices.DemoCode("无关二维码", () -> Optional.of("https://www.example.com/promo?id=42")));
        return codes;
    }

    /**
     * The demo administrators' Ed25519 key: private key (PKCS#8 PEM, owner only) and the trusted-keys file with
     * its public key, generated once. Demo bundles are signed with it; a hall never trusts it.
     */
    private static Path demoAdministratorKey(Path dir) throws IOException {
        Path trusted = dir.resolve("trusted-keys");
        Path key = dir.resolve("demo-admin.pem");
        if (Files.isRegularFile(trusted) && Files.isRegularFile(key)) {
            return trusted;
        }
        try {
            KeyPair pair = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
            String pem = "-----BEGIN PRIVATE KEY-----\n"
                    + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(pair.getPrivate().getEncoded())
                    + "\n-----END PRIVATE KEY-----\n";
            ownerOnlyFile(key, pem.getBytes(StandardCharsets.US_ASCII));
            ownerOnlyFile(trusted, ("demo-admin " + Base64.getEncoder().encodeToString(pair.getPublic().getEncoded()) + "\n")
                    .getBytes(StandardCharsets.US_ASCII));
            return trusted;
        } catch (GeneralSecurityException e) {
            throw new IOException("cannot generate the demo administrators' key: " + e.getMessage(), e);
        }
    }

    /**
     * Issue 12: the demo's hall content. The demo platform serves the slides ({@link DemoContent}) at
     * {@code /v1/content/{sha256}}; the same settings go into the demo's settings layer (so the demo shows them from
     * the start, fetched and cached like a hall's) and into {@code <data dir>/demo/demo-bundle.json}, a bundle signed
     * with the demo administrators' key ({@code kiosk admin verify --bundle ... --trusted-keys <data dir>/demo/trusted-keys}).
     * It is not published on the demo platform by default: applying it would restart the demo (exit 75) under someone
     * trying it; tests publish it.
     */
    private static Map<String, String> demoHallContent(DemoPlatformServer server, Path demoDir) throws IOException {
        com.fasterxml.jackson.databind.node.ArrayNode slides = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        for (DemoContent.Slide s : DemoContent.slides(demoDir.resolve("slides"))) {
            slides.addObject().put("sha256", server.putContent(s.png())).put("captionZh", s.captionZh())
                    .put("captionEn", s.captionEn()).put("durationS", s.durationS());
        }
        com.fasterxml.jackson.databind.node.ObjectNode announcement = com.fasterxml.jackson.databind.node.JsonNodeFactory.instance
                .objectNode().put("zh", "演示：本月 15 日起，企业信用修复可在本机提交申请材料说明。")
                .put("en", "Demo: from the 15th, companies can read here how to apply for credit repair.");
        Map<String, String> values = new LinkedHashMap<>();
        values.put(ConfigKeys.HALL_SLIDES.name(), slides.toString());
        values.put(ConfigKeys.HALL_ANNOUNCEMENT.name(), announcement.toString());
        Map<String, com.fasterxml.jackson.databind.JsonNode> settings = new LinkedHashMap<>();
        settings.put(ConfigKeys.HALL_SLIDES.name(), slides);
        settings.put(ConfigKeys.HALL_ANNOUNCEMENT.name(), announcement);
        ConfigBundle bundle = BundleSigner.sign(BundleSigner.readPrivateKey(demoDir.resolve("demo-admin.pem")), "demo-admin",
                BundleSigner.payload(1, java.time.Instant.now(), List.of(), settings));
        ownerOnlyFile(demoDir.resolve("demo-bundle.json"), org.creditkiosk.platform.api.Json.mapper()
                .writerWithDefaultPrettyPrinter().writeValueAsBytes(bundle));
        return values;
    }

    /** Writes {@code bytes} to {@code file}, mode 600 from the start, atomically. */
    static Path ownerOnlyFile(Path file, byte[] bytes) throws IOException {
        Path tmp = Files.createTempFile(file.getParent(), "." + file.getFileName(), ".tmp",
                PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
        try {
            try (OutputStream out = Files.newOutputStream(tmp, StandardOpenOption.WRITE, StandardOpenOption.SYNC)) {
                out.write(bytes);
            }
            Files.move(tmp, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(tmp);
        }
        return file;
    }
}
