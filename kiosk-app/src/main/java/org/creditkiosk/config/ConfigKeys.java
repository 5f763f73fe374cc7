package org.creditkiosk.config;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.session.SessionState;

/**
 * Every configuration key the kiosk understands. {@code config/README.md} documents the same list (a test keeps
 * the two equal); {@code kiosk config keys} prints it.
 *
 * <p>Keys registered with {@code admin(...)} are what administrators own (DESIGN.md §5: hall texts and content,
 * language, timeouts, intervals, quotas, the maintenance PIN hash): their signed bundle may set them. Every other key
 * ({@code add(...)}) is local only: what decides trust (platform URL, secret, trust store, pins, trusted keys,
 * verification host, kiosk id, data folder, report keystore) or is physical (full screen, demo panel, device ports,
 * baud rates, scanner programming, printer names, output folders). A new key is local until someone decides that
 * administrators own it.
 */
public final class ConfigKeys {

    private static final List<ConfigKey<?>> ALL = new ArrayList<>();

    // --- the kiosk -------------------------------------------------------------------------------------------
    public static final ConfigKey<String> KIOSK_ID = add(ConfigKey.pattern("kiosk.id", "YL-DEMO-01-K01",
            "[A-Z0-9]+(-[A-Z0-9]+)*", false, "The kiosk's registered id (X-Kiosk-Id), e.g. YL-ZWDT-01-K03."));
    public static final ConfigKey<String> HALL_NAME = admin(ConfigKey.text("kiosk.hallName",
            "榆林市政务服务中心", 40, "Hall name on the attract screen, Chinese."));
    public static final ConfigKey<String> HALL_NAME_EN = admin(ConfigKey.text("kiosk.hallNameEn",
            "Yulin Government Service Center", 60, "Hall name on the attract screen, English."));
    public static final ConfigKey<String> SERVICE_PHONE = admin(ConfigKey.text("kiosk.servicePhone",
            "0912-12345", 20, "Help line shown to citizens on error screens."));

    // --- screens ---------------------------------------------------------------------------------------------
    public static final ConfigKey<String> UI_LANGUAGE = admin(ConfigKey.choice("ui.language", "zh", List.of("zh", "en"),
            "Language a visit starts in; every visit returns to it."));
    public static final ConfigKey<Boolean> UI_FULL_SCREEN = add(ConfigKey.bool("ui.fullScreen", true,
            "Full screen without exit key. false only for development on a desktop."));
    public static final ConfigKey<Boolean> UI_DEMO_PANEL = add(ConfigKey.bool("ui.demoPanel", true,
            "In demo mode, show the panel that places/removes simulated cards (never shown outside demo mode)."));

    // --- the platform ----------------------------------------------------------------------------------------
    public static final ConfigKey<Optional<String>> PLATFORM_URL = add(ConfigKey.optionalText("platform.url",
            "Base URL of the credit platform API (https; http only to loopback). Required: kiosk refuses to start without it (only kiosk demo runs the embedded demo platform). Env KIOSK_PLATFORM_URL wins."));
    public static final ConfigKey<Optional<String>> PLATFORM_SECRET_FILE = add(ConfigKey.optionalText("platform.secretFile",
            "File holding the kiosk secret, Base64 on one line; must not be group/world-readable. Env KIOSK_SECRET_FILE wins."));
    public static final ConfigKey<Optional<String>> PLATFORM_TRUSTSTORE = add(ConfigKey.optionalText("platform.truststore",
            "PKCS#12 trust store for the platform's TLS certificate. Env KIOSK_TRUSTSTORE wins."));
    public static final ConfigKey<Optional<String>> PLATFORM_TRUSTSTORE_PASS_FILE = add(ConfigKey.optionalText("platform.truststorePassFile",
            "File holding the platform trust store's password on one line (mode 600); else KIOSK_TRUSTSTORE_PASSWORD from the service manager."));
    public static final ConfigKey<Optional<String>> PLATFORM_PINS = add(ConfigKey.optionalText("platform.pins",
            "Comma-separated SHA-256 SPKI pins (sha256/BASE64). Env KIOSK_PINS wins."));
    public static final ConfigKey<Duration> PLATFORM_CONNECT_TIMEOUT = admin(ConfigKey.millis("platform.connectTimeoutMs",
            3000, 200, 30000, "TCP/TLS connect limit per platform call."));
    public static final ConfigKey<Duration> PLATFORM_READ_TIMEOUT = admin(ConfigKey.millis("platform.readTimeoutMs",
            8000, 500, 60000, "Read limit per platform call."));
    public static final ConfigKey<Duration> PLATFORM_CALL_TIMEOUT = admin(ConfigKey.millis("platform.callTimeoutMs",
            12000, 1000, 120000, "Whole-call limit per platform call, retries included."));

    public static final ConfigKey<Duration> PLATFORM_WATCH_INTERVAL = admin(ConfigKey.seconds("platform.watchIntervalS",
            60, 1, 3600, "How often an idle kiosk checks that the platform answers (a signed config poll); a platform that stops answering puts the kiosk out of service."));
    public static final ConfigKey<Duration> PLATFORM_PROBE_INTERVAL = admin(ConfigKey.seconds("platform.probeIntervalS",
            10, 1, 600, "First wait before probing a platform that stopped answering; doubles after each failed probe up to 2 minutes."));
    public static final ConfigKey<Integer> PLATFORM_FAILURE_THRESHOLD = admin(ConfigKey.integer("platform.failureThreshold",
            3, 1, 20, "Transport failures in a row after which the kiosk goes out of service."));

    public static final ConfigKey<Duration> HEARTBEAT_INTERVAL = admin(ConfigKey.seconds("ops.heartbeatIntervalS", 60, 5, 3600,
            "How often the kiosk sends its heartbeat (state, device health, counters; never personal data) and picks up the administrators' commands."));

    // --- hall content (issue 12) -------------------------------------------------------------------------------
    public static final ConfigKey<java.util.List<HallContent.Slide>> HALL_SLIDES = admin(ConfigKey.json("hall.slides", "",
            "JSON array, at most 12; sha256 64 hex, captionZh <= 40, captionEn <= 90, durationS 3 to 120 (default 8)",
            "Attract slides beside the card prompt: [{\"sha256\":...,\"captionZh\":...,\"captionEn\":...,\"durationS\":8}]; images (PNG/JPEG <= 1920x1080) from the platform's /v1/content/{sha256}, checked and cached in <data dir>/content. Empty: no slides.",
            HallContent::slides));
    public static final ConfigKey<Optional<HallContent.Announcement>> HALL_ANNOUNCEMENT = admin(ConfigKey.json("hall.announcement", "",
            "JSON object; zh <= 120, en <= 240, from/until RFC 3339 instants, both optional",
            "Announcement banner on the attract screen: {\"zh\":...,\"en\":...,\"from\":\"2026-12-01T00:00:00Z\",\"until\":...}, shown only within the window. Empty: none.",
            HallContent::announcement));
    public static final ConfigKey<HallContent.Hours> HALL_HOURS = admin(ConfigKey.json("hall.hours", "",
            "JSON object of mon..sun to HH:MM-HH:MM ranges, comma-separated; a day left out or empty is closed",
            "Opening hours, e.g. {\"mon\":\"08:30-12:00,14:00-17:30\",...}; outside them the kiosk shows a calm closed screen with the hours and the service phone. Empty: always open.",
            v -> HallContent.hours(v, "")));
    public static final ConfigKey<java.util.Set<java.time.LocalDate>> HALL_CLOSED_DATES = admin(ConfigKey.parsed("hall.closedDates", "dates", "",
            "comma-separated YYYY-MM-DD",
            "Dates the hall is closed all day (holidays), e.g. 2026-10-01,2026-10-02.",
            HallContent::dates));
    public static final ConfigKey<Boolean> HALL_CLOSED_LIST_SEARCH = admin(ConfigKey.bool("hall.closedListSearch", true,
            "Whether the public red/black list search stays available on the closed screen."));
    public static final ConfigKey<java.time.ZoneId> HALL_TIME_ZONE = admin(ConfigKey.parsed("hall.timeZone", "time zone", "Asia/Shanghai",
            "a time zone id", "Time zone of the opening hours and closed dates.", HallContent::zone));

    // --- configuration rollout (issue 12) --------------------------------------------------------------------
    public static final ConfigKey<Duration> CONFIG_POLL_INTERVAL = admin(ConfigKey.seconds("config.pollIntervalS", 300, 5, 86400,
            "How often the kiosk asks the platform for a newer signed bundle (getKioskConfig with If-None-Match), plus a random jitter; a newer valid one is applied when no visit is in progress."));
    public static final ConfigKey<Duration> CONFIG_POLL_JITTER = admin(ConfigKey.seconds("config.pollJitterS", 60, 0, 3600,
            "Random extra wait, 0 to this, before each poll, so a fleet does not ask at the same moment."));
    public static final ConfigKey<Duration> CONFIG_HEALTH_GATE = admin(ConfigKey.seconds("config.healthGateS", 180, 5, 1800,
            "After a start on a new bundle: time to reach a healthy attract screen (attract state, platform answers); else, or after two crashes, the kiosk returns to the last good bundle and reports the failed version."));

    // --- devices ---------------------------------------------------------------------------------------------
    public static final ConfigKey<Optional<String>> IDCARD_PORT = add(ConfigKey.optionalText("devices.idcard.port",
            "Serial device of the ID card reader, e.g. /dev/kiosk-idcard (udev name). Empty: no reader (kiosk demo uses its simulator)."));
    public static final ConfigKey<Integer> IDCARD_BAUD = add(ConfigKey.integer("devices.idcard.baud", 115200, 9600, 115200,
            "Baud rate of the ID card reader (GA/T 467 readers: 115200 default)."));
    public static final ConfigKey<Duration> IDCARD_POLL = admin(ConfigKey.millis("devices.idcard.pollIntervalMs", 400, 300, 5000,
            "How often the reader is asked for a card."));
    public static final ConfigKey<Optional<String>> RECEIPT_PORT = add(ConfigKey.optionalText("devices.receipt.port",
            "Serial device of the 80 mm ESC/POS receipt printer. Empty: none (simulator in demo mode)."));
    public static final ConfigKey<Integer> RECEIPT_BAUD = add(ConfigKey.integer("devices.receipt.baud", 115200, 9600, 115200,
            "Baud rate of the receipt printer."));
    public static final ConfigKey<Optional<String>> SCANNER_PORT = add(ConfigKey.optionalText("devices.scanner.port",
            "Serial device of the QR scanner. Empty: keyboard-wedge scanner (or none)."));
    public static final ConfigKey<Integer> SCANNER_BAUD = add(ConfigKey.integer("devices.scanner.baud", 9600, 1200, 115200,
            "Baud rate of a serial QR scanner."));
    public static final ConfigKey<String> SCANNER_TERMINATOR = add(ConfigKey.choice("devices.scanner.terminator", "CR",
            List.of("CR", "LF", "CRLF"), "What the serial scanner sends after each code (as programmed on the scanner)."));
    public static final ConfigKey<String> SCANNER_CHARSET = add(ConfigKey.choice("devices.scanner.charset", "UTF_8",
            List.of("UTF_8", "GB18030"), "How the serial scanner encodes text."));
    public static final ConfigKey<String> SCANNER_PREFIX = add(ConfigKey.text("devices.scanner.prefix", "", 16,
            "Text the scanner puts before each code, stripped (empty: none)."));
    public static final ConfigKey<String> SCANNER_SUFFIX = add(ConfigKey.text("devices.scanner.suffix", "", 16,
            "Text the scanner puts after each code before the terminator, stripped (empty: none)."));
    public static final ConfigKey<Integer> SCANNER_MAX_LENGTH = add(ConfigKey.integer("devices.scanner.maxLength", 1024, 64, 8192,
            "Longest code accepted, in bytes; longer input is discarded up to the next terminator."));
    public static final ConfigKey<String> SCANNER_TRIGGER = add(ConfigKey.pattern("devices.scanner.triggerHex", "",
            "([0-9A-Fa-f]{2} ?)+", true, "Bytes (hex) that trigger a scan or switch on the light; empty: the scanner scans by itself."));
    public static final ConfigKey<String> VERIFY_HOST = add(ConfigKey.pattern("platform.verifyHost", "credit-platform.example",
            "[A-Za-z0-9.-]+", false, "Host of the platform's report verification links (https://HOST/v?r=REPORT-NO); a scanned link to another host is not a report code."));
    public static final ConfigKey<Optional<String>> REPORT_PRINTER = add(ConfigKey.optionalText("printer.reportQueue",
            "CUPS queue name of the A4 report printer. Empty in demo mode: reports are written to report.outputDir."));

    // --- reports ---------------------------------------------------------------------------------------------
    public static final ConfigKey<String> REPORT_ISSUER = admin(ConfigKey.text("report.issuer",
            "榆林市公共信用信息中心", 40, "Issuing office printed on reports and on the seal."));
    public static final ConfigKey<Optional<String>> REPORT_OUTPUT_DIR = add(ConfigKey.optionalText("report.outputDir",
            "Demo mode: folder the finished PDF is written to instead of a printer. Empty: <data dir>/demo-reports."));
    public static final ConfigKey<Optional<String>> REPORT_KEYSTORE = add(ConfigKey.optionalText("report.keystore",
            "PKCS#12 keystore with the hall's signing key and certificate chain (required; mode 600). kiosk demo generates a demo keystore in <data dir>/demo."));
    public static final ConfigKey<Optional<String>> REPORT_KEYSTORE_PASS_FILE = add(ConfigKey.optionalText("report.keystorePassFile",
            "File holding the hall keystore's password on one line (mode 600); else KIOSK_REPORT_KEYSTORE_PASSWORD from the service manager."));

    // --- storage ---------------------------------------------------------------------------------------------
    public static final ConfigKey<Optional<String>> DATA_DIR = add(ConfigKey.optionalText("kiosk.dataDir",
            "Folder for the kiosk's own state (demo keystore, accepted config bundle and its version floor). Empty: ~/.local/share/credit-kiosk. Never holds citizen data."));

    public static final ConfigKey<Optional<String>> TRUSTED_KEYS_FILE = add(ConfigKey.optionalText("config.trustedKeysFile",
            "Administrators' Ed25519 public keys for signed configuration bundles ('<keyId> <base64 SPKI>' a line). Empty: bundles are not accepted."));

    public static final ConfigKey<Optional<String>> MAINTENANCE_PIN_HASH = admin(ConfigKey.optionalText("maintenance.pinHash",
            "Hash of the hall staff's maintenance PIN, made with 'kiosk config hash-pin'. Empty: the maintenance screen cannot be opened on the kiosk."));
    public static final ConfigKey<Duration> MAINTENANCE_HOLD = admin(ConfigKey.millis("maintenance.holdMs", 5000, 1000, 20000,
            "How long staff hold the logo (top left) to get the maintenance PIN pad."));

    // --- issue 13 (access): voice prompts ---------------------------------------------------------------------
    public static final ConfigKey<Boolean> VOICE_MUTE = admin(ConfigKey.bool("voice.mute", false,
            "Silences every voice prompt (also in the elderly-friendly mode)."));
    public static final ConfigKey<Integer> VOICE_VOLUME = admin(ConfigKey.integer("voice.volume", 80, 0, 100,
            "Volume of the voice prompts in percent of the sound card's level (0 = silent)."));
    public static final ConfigKey<Boolean> VOICE_ALWAYS = admin(ConfigKey.bool("voice.always", false,
            "Speak the prompts in every visit; false: only in the elderly-friendly mode, where voice is on."));

    // --- session timeouts ------------------------------------------------------------------------------------
    public static final Map<SessionState, ConfigKey<Duration>> SESSION_TIMEOUTS = sessionTimeouts();

    private ConfigKeys() {
    }

    private static Map<SessionState, ConfigKey<Duration>> sessionTimeouts() {
        Map<SessionState, ConfigKey<Duration>> m = new EnumMap<>(SessionState.class);
        org.creditkiosk.session.SessionTimeouts d = org.creditkiosk.session.SessionTimeouts.defaults();
        for (SessionState s : SessionState.values()) {
            String name = "session.timeout." + camel(s.name());
            m.put(s, admin(ConfigKey.seconds(name, d.of(s).toSeconds(), 3, 3600,
                    "Time limit of the " + s + " state (citizen states: without a touch)." )));
        }
        return Collections.unmodifiableMap(m);
    }

    private static String camel(String upper) {
        StringBuilder b = new StringBuilder();
        boolean up = false;
        for (char c : upper.toLowerCase().toCharArray()) {
            if (c == '_') {
                up = true;
            } else {
                b.append(up ? Character.toUpperCase(c) : c);
                up = false;
            }
        }
        return b.toString();
    }

    /** A key the administrators' signed bundle may set as well as the local files. */
    private static <T> ConfigKey<T> admin(ConfigKey<T> key) {
        return add(key.allowInBundle());
    }

    /** A key only the local files and the environment may set. */
    private static <T> ConfigKey<T> add(ConfigKey<T> key) {
        ALL.add(key);
        return key;
    }

    /** Every key, in documentation order. */
    public static List<ConfigKey<?>> all() {
        return Collections.unmodifiableList(ALL);
    }

    /** The keys the administrators' signed bundle may set, in documentation order. */
    public static List<ConfigKey<?>> bundleAllowed() {
        return ALL.stream().filter(ConfigKey::bundleAllowed).toList();
    }

    public static Map<String, ConfigKey<?>> byName() {
        Map<String, ConfigKey<?>> m = new LinkedHashMap<>();
        ALL.forEach(k -> m.put(k.name(), k));
        return m;
    }
}
