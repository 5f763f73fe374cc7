package org.creditkiosk.assembly;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.URI;
import java.net.UnknownHostException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.creditkiosk.config.ConfigKey;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.config.TrustedKeys;
import org.creditkiosk.platform.KioskSecret;
import org.creditkiosk.platform.PlatformSettings;
import org.creditkiosk.report.ReportSettings;
import org.creditkiosk.report.sign.HallCredentials;
import org.creditkiosk.report.sign.SigningException;

/**
 * What must hold before a kiosk opens its window (issue 10 item 2): a hall keystore that opens, has a key with a
 * certificate chain and a certificate that has not expired; a platform URL with https outside loopback, and pins or
 * a dedicated trust store; secret files only their owner can read; the administrators' trusted keys; a maintenance
 * PIN hash; no misspelt key in a local file. One {@link Check} a topic; the kiosk refuses to start (exit 2) when
 * any fails. The same checks lead {@code kiosk doctor}'s table, and the demo's sources pass them too.
 */
public final class Preflight {

    /** A certificate expiring within this is a warning: renew it before the kiosk must refuse to start. */
    public static final Duration CERTIFICATE_WARNING = Duration.ofDays(30);
    private static final Set<PosixFilePermission> GROUP_OR_OTHERS = EnumSet.of(
            PosixFilePermission.GROUP_READ, PosixFilePermission.GROUP_WRITE, PosixFilePermission.GROUP_EXECUTE,
            PosixFilePermission.OTHERS_READ, PosixFilePermission.OTHERS_WRITE, PosixFilePermission.OTHERS_EXECUTE);

    private Preflight() {
    }

    public static List<Check> check(KioskSettings s, Map<String, String> env, Clock clock) {
        List<Check> out = new ArrayList<>();
        out.add(keys(s));
        out.addAll(platform(s, env));
        out.add(secret(s));
        out.add(keystore(s, env, clock));
        out.add(trustedKeys(s));
        out.add(s.get(ConfigKeys.MAINTENANCE_PIN_HASH).filter(h -> !h.isBlank()).isPresent()
                ? Check.ok("maintenance PIN", "hash set")
                : Check.fail("maintenance PIN", key(ConfigKeys.MAINTENANCE_PIN_HASH) + " is not set: hall staff could "
                + "never open maintenance. Run 'kiosk config hash-pin' and put the line in the technician file"));
        return out;
    }

    /** A key the kiosk does not know in a local file is a typo that would silently drop a setting. */
    static Check keys(KioskSettings s) {
        List<String> bad = new ArrayList<>();
        s.unknownKeySources().forEach((name, source) -> {
            if (!source.startsWith("signed bundle")) {
                bad.add("unknown key '" + org.creditkiosk.platform.UntrustedText.forLog(name, 80) + "' in " + source + closest(name).map(k -> " (did you mean '" + k + "'?)").orElse(""));
            }
        });
        return bad.isEmpty() ? Check.ok("configuration keys", "all known")
                : Check.fail("configuration keys", String.join("; ", bad));
    }

    static List<Check> platform(KioskSettings s, Map<String, String> env) {
        Optional<String> url = s.get(ConfigKeys.PLATFORM_URL);
        if (url.isEmpty()) {
            return List.of(Check.fail("platform URL", key(ConfigKeys.PLATFORM_URL) + " is not set (only 'kiosk demo' runs "
                    + "without a platform); set it in the technician file or KIOSK_PLATFORM_URL"));
        }
        URI uri;
        try {
            uri = URI.create(url.get());
        } catch (IllegalArgumentException e) {
            return List.of(Check.fail("platform URL", key(ConfigKeys.PLATFORM_URL) + " = '" + url.get() + "' is not a URL"));
        }
        String scheme = Optional.ofNullable(uri.getScheme()).orElse("");
        boolean https = scheme.equals("https");
        if (uri.getHost() == null || !(https || scheme.equals("http"))) {
            return List.of(Check.fail("platform URL", key(ConfigKeys.PLATFORM_URL) + " = '" + url.get() + "' is not an http(s) URL"));
        }
        if (!https && !loopback(uri.getHost())) {
            return List.of(Check.fail("platform URL", key(ConfigKeys.PLATFORM_URL) + " = '" + url.get()
                    + "': plain http is allowed only to this machine (loopback); use https"));
        }
        List<Check> out = new ArrayList<>();
        out.add(Check.ok("platform URL", url.get()));
        if (!https) {
            return out;
        }
        Optional<String> store = s.get(ConfigKeys.PLATFORM_TRUSTSTORE);
        Optional<String> pins = s.get(ConfigKeys.PLATFORM_PINS);
        if (store.isEmpty() && pins.filter(p -> !p.isBlank()).isEmpty()) {
            out.add(Check.fail("platform TLS", "neither " + key(ConfigKeys.PLATFORM_PINS) + " nor " + key(ConfigKeys.PLATFORM_TRUSTSTORE)
                    + " is set: any public CA could impersonate the platform. Set the platform's SPKI pins "
                    + "(sha256/...) and/or a trust store holding only the platform's CA"));
            return out;
        }
        try {
            PlatformSettings ps = HallSettings.platform(s, env);
            if (ps.truststore().isPresent()) {
                Path p = ps.truststore().get();
                try (InputStream in = Files.newInputStream(p)) {
                    KeyStore ks = KeyStore.getInstance("PKCS12");
                    ks.load(in, ps.truststorePassword().map(String::toCharArray).orElse(null));
                    if (ks.size() == 0) {
                        out.add(Check.fail("platform TLS", "trust store " + p + " holds no certificate"));
                        return out;
                    }
                }
            }
            Optional<Check> passFile = s.get(ConfigKeys.PLATFORM_TRUSTSTORE_PASS_FILE)
                    .flatMap(f -> ownerOnly("platform TLS", Path.of(f), ConfigKeys.PLATFORM_TRUSTSTORE_PASS_FILE));
            if (passFile.isPresent()) {
                out.add(passFile.get());
                return out;
            }
            out.add(Check.ok("platform TLS", ps.truststore().map(p -> "trust store " + p).orElse("JDK trust")
                    + (ps.pins().isEmpty() ? "" : ", " + ps.pins().size() + " SPKI pin(s)")));
        } catch (IOException | java.security.GeneralSecurityException | RuntimeException e) {
            out.add(Check.fail("platform TLS", "trust store or pins cannot be used: " + e.getMessage()));
        }
        return out;
    }

    static Check secret(KioskSettings s) {
        Optional<String> file = s.get(ConfigKeys.PLATFORM_SECRET_FILE);
        if (file.isEmpty()) {
            return Check.fail("kiosk secret", key(ConfigKeys.PLATFORM_SECRET_FILE) + " is not set (the secret issued at enrolment)");
        }
        try {
            byte[] secret = KioskSecret.read(Path.of(file.get()));
            Arrays.fill(secret, (byte) 0);
            return Check.ok("kiosk secret", file.get() + " (owner only)");
        } catch (IOException e) {
            return Check.fail("kiosk secret", e.getMessage());
        }
    }

    static Check keystore(KioskSettings s, Map<String, String> env, Clock clock) {
        String name = "hall keystore";
        Optional<String> file = s.get(ConfigKeys.REPORT_KEYSTORE);
        if (file.isEmpty()) {
            return Check.fail(name, key(ConfigKeys.REPORT_KEYSTORE) + " is not set: reports would carry no hall signature. "
                    + "Put the hall's PKCS#12 keystore under /etc/credit-kiosk (mode 600) and name it there");
        }
        Path p12 = Path.of(file.get());
        if (!Files.isRegularFile(p12)) {
            return Check.fail(name, "keystore " + p12 + " does not exist");
        }
        Optional<Check> perms = ownerOnly(name, p12, ConfigKeys.REPORT_KEYSTORE)
                .or(() -> s.get(ConfigKeys.REPORT_KEYSTORE_PASS_FILE)
                        .flatMap(f -> ownerOnly(name, Path.of(f), ConfigKeys.REPORT_KEYSTORE_PASS_FILE)));
        if (perms.isPresent()) {
            return perms.get();
        }
        ReportSettings rs = HallSettings.report(s);
        if (rs.keystorePassword() instanceof ReportSettings.KeystorePassword.FromEnvironment v && env.get(v.variable()) == null) {
            return Check.fail(name, "no password: set " + key(ConfigKeys.REPORT_KEYSTORE_PASS_FILE) + " or " + v.variable());
        }
        HallCredentials hall;
        try {
            hall = HallCredentials.load(rs, env);
        } catch (SigningException e) {
            return Check.fail(name, e.getMessage());
        }
        X509Certificate cert = hall.certificate();
        Instant now = clock.instant();
        Instant notAfter = cert.getNotAfter().toInstant();
        String subject = cert.getSubjectX500Principal().getName();
        if (!now.isBefore(notAfter)) {
            return Check.fail(name, "certificate " + subject + " expired on " + notAfter + ": reports cannot be signed; "
                    + "install the renewed keystore");
        }
        if (now.isBefore(cert.getNotBefore().toInstant())) {
            return Check.fail(name, "certificate " + subject + " is valid only from " + cert.getNotBefore().toInstant()
                    + " (check the clock)");
        }
        if (Duration.between(now, notAfter).compareTo(CERTIFICATE_WARNING) < 0) {
            return Check.warn(name, "certificate " + subject + " expires on " + notAfter + " (within "
                    + CERTIFICATE_WARNING.toDays() + " days): renew it now");
        }
        return Check.ok(name, subject + ", valid until " + notAfter);
    }

    static Check trustedKeys(KioskSettings s) {
        String name = "administrators' keys";
        Optional<String> file = s.get(ConfigKeys.TRUSTED_KEYS_FILE);
        if (file.isEmpty()) {
            return Check.fail(name, key(ConfigKeys.TRUSTED_KEYS_FILE) + " is not set: the kiosk could never accept a "
                    + "signed configuration from its administrators");
        }
        Path p = Path.of(file.get());
        if (!Files.isRegularFile(p)) {
            return Check.fail(name, "trusted keys file " + p + " does not exist");
        }
        try {
            TrustedKeys.load(p);
            return Check.ok(name, p.toString());
        } catch (IOException | RuntimeException e) {
            return Check.fail(name, "trusted keys file " + p + " cannot be read: " + e.getMessage());
        }
    }

    /** A FAIL when group or others may read or write {@code file}. */
    static Optional<Check> ownerOnly(String name, Path file, ConfigKey<?> key) {
        try {
            PosixFileAttributeView view = Files.getFileAttributeView(file, PosixFileAttributeView.class);
            if (view == null) {
                return Optional.empty();
            }
            Set<PosixFilePermission> open = EnumSet.copyOf(GROUP_OR_OTHERS);
            open.retainAll(view.readAttributes().permissions());
            return open.isEmpty() ? Optional.empty() : Optional.of(Check.fail(name, file + " (" + key.name()
                    + ") is accessible to group/others " + open + ": run chmod 600 " + file));
        } catch (IOException e) {
            return Optional.of(Check.fail(name, file + " (" + key.name() + ") cannot be read: " + e.getMessage()));
        }
    }

    static boolean loopback(String host) {
        String h = host.startsWith("[") ? host.substring(1, host.length() - 1) : host;
        if (h.equalsIgnoreCase("localhost")) {
            return true;
        }
        try {
            // Literal addresses only: a name is never resolved here (a DNS answer must not decide about TLS).
            if (h.matches("[0-9.]+") || h.contains(":")) {
                return InetAddress.getByName(h).isLoopbackAddress();
            }
        } catch (UnknownHostException e) {
            return false;
        }
        return false;
    }

    private static String key(ConfigKey<?> k) {
        return k.name();
    }

    /** The known key nearest to a misspelt one (edit distance at most 3). */
    static Optional<String> closest(String name) {
        return ConfigKeys.all().stream().map(ConfigKey::name)
                .map(k -> Map.entry(k, distance(k.toLowerCase(), name.toLowerCase())))
                .filter(e -> e.getValue() <= 3)
                .min(Comparator.comparingInt(Map.Entry::getValue))
                .map(Map.Entry::getKey);
    }

    private static int distance(String a, String b) {
        int[] prev = new int[b.length() + 1];
        int[] cur = new int[b.length() + 1];
        for (int j = 0; j <= b.length(); j++) {
            prev[j] = j;
        }
        for (int i = 1; i <= a.length(); i++) {
            cur[0] = i;
            for (int j = 1; j <= b.length(); j++) {
                int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
                cur[j] = Math.min(Math.min(cur[j - 1] + 1, prev[j] + 1), prev[j - 1] + cost);
            }
            int[] t = prev;
            prev = cur;
            cur = t;
        }
        return prev[b.length()];
    }
}
