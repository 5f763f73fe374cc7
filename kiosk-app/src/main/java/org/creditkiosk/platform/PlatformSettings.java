package org.creditkiosk.platform;

import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import okhttp3.HttpUrl;

/**
 * Where the platform is and how patiently to talk to it. Environment variables override the config files
 * ({@link #withEnvironment(Map)}): service managers set them without touching files.
 *
 * @param baseUrl            the contract's server URL including its base path, e.g. {@code https://credit-platform.example/api}
 * @param kioskId            registered id, e.g. {@code YL-ZWDT-01-K03}
 * @param secretFile         file holding the kiosk secret Base64-encoded on one line, readable by the owner only
 * @param truststore         PKCS12 trust store for the platform's certificate; empty = the JDK's default trust
 * @param truststorePassword password of {@code truststore}
 * @param pins               SPKI SHA-256 pins as OkHttp writes them ({@code sha256/<base64>}); empty = no pinning
 * @param connectTimeout     TCP + TLS connect, per attempt (1 s .. 60 s)
 * @param readTimeout        between two reads of an answer, per attempt (1 s .. 120 s)
 * @param callTimeout        a whole call incl. body, per attempt (1 s .. 300 s)
 * @param limits             per-operation overrides of the three time limits above
 * @param maxAttempts        attempts of an idempotent call answered with 503/429 (1 .. 5)
 * @param maxRetryAfter      a {@code Retry-After} longer than this is not waited for: the error goes to the caller
 * @param retryBudget        the whole patience of one idempotent operation, all attempts and waits included
 * @param maxBodyBytes       a larger answer is a protocol error (64 KiB .. 64 MiB)
 * @param verifyHost         the host every {@code verifyUrl} the platform hands out must point at (config key
 *                           {@code platform.verifyHost}); default {@value #DEFAULT_VERIFY_HOST}, the demo platform's
 */
public record PlatformSettings(
        String baseUrl,
        String kioskId,
        Optional<Path> secretFile,
        Optional<Path> truststore,
        Optional<String> truststorePassword,
        List<String> pins,
        Duration connectTimeout,
        Duration readTimeout,
        Duration callTimeout,
        Map<Operation, TimeLimits> limits,
        int maxAttempts,
        Duration maxRetryAfter,
        Duration retryBudget,
        long maxBodyBytes,
        String verifyHost) {

    public static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(5);
    public static final Duration DEFAULT_READ_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration DEFAULT_CALL_TIMEOUT = Duration.ofSeconds(15);
    public static final long DEFAULT_MAX_BODY_BYTES = 4L * 1024 * 1024;
    /** The contract's example host and the default of {@code platform.verifyHost} (and of the demo platform). */
    public static final String DEFAULT_VERIFY_HOST = "credit-platform.example";

    public PlatformSettings {
        HttpUrl url = HttpUrl.parse(baseUrl == null ? "" : baseUrl);
        if (url == null) {
            throw new IllegalArgumentException("platform URL '" + baseUrl + "' is not an http(s) URL");
        }
        if (!url.isHttps() && !isLoopback(url.host())) {
            throw new IllegalArgumentException("platform URL '" + baseUrl
                    + "' uses plain HTTP; only https is allowed, except to a loopback address (demo)");
        }
        // The id is a URL path segment (/v1/kiosks/{kioskId}/...): starting with a letter or digit it is never "..".
        if (kioskId == null || !kioskId.matches("[A-Za-z0-9][A-Za-z0-9._-]{0,63}")) {
            throw new IllegalArgumentException("kiosk id '" + UntrustedText.forLog(kioskId, 80)
                    + "' must be 1-64 characters of A-Z a-z 0-9 . _ -, starting with a letter or digit");
        }
        secretFile = secretFile == null ? Optional.empty() : secretFile;
        truststore = truststore == null ? Optional.empty() : truststore;
        truststorePassword = truststorePassword == null ? Optional.empty() : truststorePassword;
        pins = pins == null ? List.of() : pins.stream().map(PlatformSettings::normalisePin).toList();
        connectTimeout = bounded("connectTimeout", connectTimeout, DEFAULT_CONNECT_TIMEOUT, Duration.ofSeconds(1), Duration.ofSeconds(60));
        readTimeout = bounded("readTimeout", readTimeout, DEFAULT_READ_TIMEOUT, Duration.ofSeconds(1), Duration.ofSeconds(120));
        callTimeout = bounded("callTimeout", callTimeout, DEFAULT_CALL_TIMEOUT, Duration.ofSeconds(1), Duration.ofSeconds(300));
        limits = limits == null ? Map.of() : Map.copyOf(limits);
        if (maxAttempts < 1 || maxAttempts > 5) {
            throw new IllegalArgumentException("maxAttempts " + maxAttempts + " is outside 1..5");
        }
        maxRetryAfter = bounded("maxRetryAfter", maxRetryAfter, Duration.ofSeconds(5), Duration.ZERO, Duration.ofSeconds(60));
        retryBudget = bounded("retryBudget", retryBudget, Duration.ofSeconds(20), Duration.ZERO, Duration.ofSeconds(300));
        if (maxBodyBytes < 64 * 1024 || maxBodyBytes > 64L * 1024 * 1024) {
            throw new IllegalArgumentException("maxBodyBytes " + maxBodyBytes + " is outside 64 KiB..64 MiB");
        }
        verifyHost = verifyHost == null ? DEFAULT_VERIFY_HOST : verifyHost;
        if (!verifyHost.matches("[A-Za-z0-9.-]{1,253}|\\[[0-9A-Fa-f:.]+\\]")) {
            throw new IllegalArgumentException("verify host '" + UntrustedText.forLog(verifyHost, 80)
                    + "' is not a host name (A-Z a-z 0-9 . -) or a bracketed IPv6 literal");
        }
    }

    /** The settings before {@code verifyHost} existed: it takes its default, {@value #DEFAULT_VERIFY_HOST}. */
    public PlatformSettings(String baseUrl, String kioskId, Optional<Path> secretFile, Optional<Path> truststore,
                            Optional<String> truststorePassword, List<String> pins, Duration connectTimeout,
                            Duration readTimeout, Duration callTimeout, Map<Operation, TimeLimits> limits,
                            int maxAttempts, Duration maxRetryAfter, Duration retryBudget, long maxBodyBytes) {
        this(baseUrl, kioskId, secretFile, truststore, truststorePassword, pins, connectTimeout, readTimeout,
                callTimeout, limits, maxAttempts, maxRetryAfter, retryBudget, maxBodyBytes, DEFAULT_VERIFY_HOST);
    }

    /** Defaults for everything but the three things every kiosk must name. */
    public static PlatformSettings of(String baseUrl, String kioskId, Optional<Path> secretFile) {
        return new PlatformSettings(baseUrl, kioskId, secretFile, Optional.empty(), Optional.empty(), List.of(),
                null, null, null, Map.of(), 3, null, null, DEFAULT_MAX_BODY_BYTES, DEFAULT_VERIFY_HOST);
    }

    /**
     * Applies {@code KIOSK_PLATFORM_URL}, {@code KIOSK_ID}, {@code KIOSK_SECRET_FILE}, {@code KIOSK_TRUSTSTORE},
     * {@code KIOSK_TRUSTSTORE_PASSWORD} and {@code KIOSK_PINS} (comma separated) over these settings; the
     * environment wins over the files. Blank variables are ignored.
     */
    public PlatformSettings withEnvironment(Map<String, String> env) {
        return new PlatformSettings(
                env(env, "KIOSK_PLATFORM_URL").orElse(baseUrl),
                env(env, "KIOSK_ID").orElse(kioskId),
                env(env, "KIOSK_SECRET_FILE").map(Path::of).or(() -> secretFile),
                env(env, "KIOSK_TRUSTSTORE").map(Path::of).or(() -> truststore),
                env(env, "KIOSK_TRUSTSTORE_PASSWORD").or(() -> truststorePassword),
                env(env, "KIOSK_PINS").map(PlatformSettings::splitPins).orElse(pins),
                connectTimeout, readTimeout, callTimeout, limits, maxAttempts, maxRetryAfter, retryBudget,
                maxBodyBytes, verifyHost);
    }

    public PlatformSettings withTimeouts(Duration connect, Duration read, Duration call) {
        return new PlatformSettings(baseUrl, kioskId, secretFile, truststore, truststorePassword, pins, connect, read,
                call, limits, maxAttempts, maxRetryAfter, retryBudget, maxBodyBytes, verifyHost);
    }

    public PlatformSettings withRetries(int attempts, Duration maxRetryAfter, Duration budget) {
        return new PlatformSettings(baseUrl, kioskId, secretFile, truststore, truststorePassword, pins, connectTimeout,
                readTimeout, callTimeout, limits, attempts, maxRetryAfter, budget, maxBodyBytes, verifyHost);
    }

    /** The host of the platform's verification links ({@code platform.verifyHost}; the demo platform's in demo mode). */
    public PlatformSettings withVerifyHost(String host) {
        return new PlatformSettings(baseUrl, kioskId, secretFile, truststore, truststorePassword, pins, connectTimeout,
                readTimeout, callTimeout, limits, maxAttempts, maxRetryAfter, retryBudget, maxBodyBytes, host);
    }

    /** Connect, read and whole-call limits of one attempt of an operation (100 ms .. 300 s each). */
    public record TimeLimits(Duration connect, Duration read, Duration call) {
        public TimeLimits {
            for (Duration d : new Duration[] {connect, read, call}) {
                if (d == null || d.compareTo(Duration.ofMillis(100)) < 0 || d.compareTo(Duration.ofSeconds(300)) > 0) {
                    throw new IllegalArgumentException("time limit " + d + " is outside 100 ms..300 s");
                }
            }
        }
    }

    /** The limits of one attempt of {@code op}: its override, or the three defaults. */
    public TimeLimits limits(Operation op) {
        return limits.getOrDefault(op, new TimeLimits(connectTimeout, readTimeout, callTimeout));
    }

    public PlatformSettings withLimits(Operation op, TimeLimits opLimits) {
        Map<Operation, TimeLimits> m = new EnumMap<>(Operation.class);
        m.putAll(limits);
        m.put(op, opLimits);
        return new PlatformSettings(baseUrl, kioskId, secretFile, truststore, truststorePassword, pins, connectTimeout,
                readTimeout, callTimeout, m, maxAttempts, maxRetryAfter, retryBudget, maxBodyBytes, verifyHost);
    }

    public HttpUrl url() {
        return HttpUrl.get(baseUrl);
    }

    /** Loopback by name or literal address; no DNS lookup of other names (a name that resolves to 127.0.0.1 is not enough). */
    static boolean isLoopback(String host) {
        if (host.equalsIgnoreCase("localhost")) {
            return true;
        }
        if (!host.matches("[0-9.]+") && !host.contains(":")) {
            return false;
        }
        try {
            return InetAddress.getByName(host).isLoopbackAddress();
        } catch (java.net.UnknownHostException e) {
            return false;
        }
    }

    private static Optional<String> env(Map<String, String> env, String name) {
        return Optional.ofNullable(env.get(name)).map(String::strip).filter(s -> !s.isEmpty());
    }

    private static List<String> splitPins(String value) {
        List<String> out = new ArrayList<>();
        Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(out::add);
        return out;
    }

    private static String normalisePin(String pin) {
        String p = pin.strip();
        String base64 = p.toLowerCase(Locale.ROOT).startsWith("sha256/") ? p.substring(7) : p;
        byte[] raw;
        try {
            raw = java.util.Base64.getDecoder().decode(base64);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("pin '" + pin + "' is not Base64 of a SHA-256 (sha256/...)");
        }
        if (raw.length != 32) {
            throw new IllegalArgumentException("pin '" + pin + "' is not 32 bytes (a SHA-256 of the SPKI)");
        }
        return "sha256/" + base64;
    }

    private static Duration bounded(String name, Duration value, Duration fallback, Duration min, Duration max) {
        Duration d = value == null ? fallback : value;
        if (d.compareTo(min) < 0 || d.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + " " + d + " is outside " + min + ".." + max);
        }
        return d;
    }
}
