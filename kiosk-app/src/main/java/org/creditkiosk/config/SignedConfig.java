package org.creditkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.KioskConfig;

/**
 * Checks an administrators' configuration bundle exactly as the platform contract says: the Ed25519 signature over
 * the payload bytes (not the Base64 text) with a trusted key named by {@code keyId}, the kiosk named in
 * {@code kioskIds} (or none named), a version greater than the highest one accepted; and then, as DESIGN.md §5 asks,
 * an {@code issuedAt} not later than the kiosk's clock plus the contract's clock window, only keys that
 * administrators own ({@link ConfigKey#bundleAllowed()}), and every setting valid by the kiosk's own rules. Anything
 * else is rejected whole: the previous configuration stays in force.
 *
 * <p>Two entry points, one per moment: {@link #verify} for a bundle offered by the platform (RELOAD_CONFIG), whose
 * version must be above the {@link VersionFloor}; {@link #verifyStored} for the stored bundle at start, whose version
 * must be exactly the floor.
 */
public final class SignedConfig {

    /** The contract's clock-skew window (requests are accepted within +/- 300 s of the platform clock). */
    public static final Duration CLOCK_WINDOW = Duration.ofSeconds(300);

    /** The outcome of a check. */
    public sealed interface Verdict permits Accepted, Rejected {
    }

    /**
     * @param config      the decoded bundle
     * @param values      its settings as configuration values (known keys only, all administrators' keys, all valid)
     * @param unknownKeys keys the kiosk does not understand (ignored, reported in the heartbeat)
     */
    public record Accepted(KioskConfig config, Map<String, String> values, List<String> unknownKeys) implements Verdict {

        public long version() {
            return config.version();
        }
    }

    /**
     * {@code code}: UNKNOWN_KEY, BAD_SIGNATURE, MALFORMED, NOT_FOR_THIS_KIOSK, ISSUED_IN_FUTURE, NOT_NEWER (offered
     * bundle not above the floor), ROLLED_BACK (stored bundle below the floor), NOT_RECORDED (stored bundle above the
     * floor, e.g. the floor file is missing), LOCAL_ONLY_KEYS (sets keys only the local files may set; the detail
     * names them), INVALID_SETTINGS.
     */
    public record Rejected(String code, String detail) implements Verdict {
    }

    private SignedConfig() {
    }

    /**
     * A bundle offered by the platform (RELOAD_CONFIG): accepted only when its version is greater than {@code floor},
     * the highest version this kiosk accepted before ({@link VersionFloor#read()}), and every other check passes.
     */
    public static Verdict verify(ConfigBundle bundle, TrustedKeys keys, String kioskId, long floor, Instant now) {
        return check(bundle, keys, kioskId, floor, now, false);
    }

    /**
     * The stored bundle at start: accepted only when its version equals {@code floor} (an older validly signed bundle
     * put in its place is ROLLED_BACK) and every other check passes, exactly as when it was accepted.
     */
    public static Verdict verifyStored(ConfigBundle bundle, TrustedKeys keys, String kioskId, long floor, Instant now) {
        return check(bundle, keys, kioskId, floor, now, true);
    }

    /**
     * The version a bundle's payload claims, read without checking the signature: only for messages to technicians
     * about a bundle that was refused.
     */
    public static OptionalLong claimedVersion(ConfigBundle bundle) {
        try {
            JsonNode v = Json.mapper().readTree(Base64.getDecoder().decode(bundle.payload())).get("version");
            return v != null && v.canConvertToLong() ? OptionalLong.of(v.asLong()) : OptionalLong.empty();
        } catch (java.io.IOException | RuntimeException e) {
            return OptionalLong.empty();
        }
    }

    private static Verdict check(ConfigBundle bundle, TrustedKeys keys, String kioskId, long floor, Instant now, boolean stored) {
        Objects.requireNonNull(now, "now");
        Optional<PublicKey> key = keys.get(bundle.keyId());
        if (key.isEmpty()) {
            return new Rejected("UNKNOWN_KEY", "bundle signed with key '" + bundle.keyId() + "', which this kiosk does not trust");
        }
        byte[] payload;
        byte[] signature;
        try {
            payload = Base64.getDecoder().decode(bundle.payload());
            signature = Base64.getDecoder().decode(bundle.signature());
        } catch (IllegalArgumentException e) {
            return new Rejected("MALFORMED", "payload or signature is not Base64");
        }
        try {
            Signature v = Signature.getInstance("Ed25519");
            v.initVerify(key.get());
            v.update(payload);
            if (!v.verify(signature)) {
                return new Rejected("BAD_SIGNATURE", "signature of key '" + bundle.keyId() + "' does not match the payload");
            }
        } catch (GeneralSecurityException e) {
            return new Rejected("BAD_SIGNATURE", "signature cannot be checked: " + e.getMessage());
        }
        KioskConfig config;
        try {
            config = Json.mapper().readValue(new String(payload, StandardCharsets.UTF_8), KioskConfig.class);
        } catch (java.io.IOException e) {
            return new Rejected("MALFORMED", "payload is not a KioskConfig: " + firstLine(e.getMessage()));
        }
        long version = config.version();
        if (!config.targets(kioskId)) {
            return new Rejected("NOT_FOR_THIS_KIOSK", "bundle v" + version + " names other kiosks");
        }
        if (config.issuedAt().isAfter(now.plus(CLOCK_WINDOW))) {
            return new Rejected("ISSUED_IN_FUTURE", "bundle v" + version + " was issued at " + config.issuedAt()
                    + ", later than the kiosk clock " + now + " plus " + CLOCK_WINDOW.toSeconds()
                    + " s; check the kiosk's and the signer's clocks");
        }
        if (stored && version < floor) {
            return new Rejected("ROLLED_BACK", "stored bundle v" + version + " is older than v" + floor
                    + ", the highest version this kiosk accepted (" + VersionFloor.FILE + "): it was replaced");
        }
        if (stored && version > floor) {
            return new Rejected("NOT_RECORDED", "stored bundle v" + version + " is newer than v" + floor
                    + ", the highest version this kiosk recorded as accepted (" + VersionFloor.FILE
                    + " missing, replaced, or the kiosk stopped while storing): send RELOAD_CONFIG again");
        }
        if (!stored && version <= floor) {
            return new Rejected("NOT_NEWER", "bundle v" + version + " is not newer than v" + floor
                    + ", the highest version this kiosk accepted; sign a higher version");
        }
        SettingsCheck c = checkSettings(config.settings(), "bundle v" + version);
        if (!c.localOnly().isEmpty()) {
            return new Rejected("LOCAL_ONLY_KEYS", "bundle v" + version + " sets " + String.join(", ", c.localOnly())
                    + ", which only the kiosk's local configuration may set (see config/README.md, column 'bundle')");
        }
        if (!c.problems().isEmpty()) {
            return new Rejected("INVALID_SETTINGS", String.join("; ", c.problems()));
        }
        Map<String, String> values = c.values();
        List<String> unknown = c.unknownKeys();
        return new Accepted(config, values, unknown);
    }

    /**
     * What a bundle's settings hold, checked by the kiosk's own rules: {@code values} the known administrators' keys
     * as configuration text (a structured value, an array or object, as its JSON text), {@code unknownKeys} keys the
     * kiosk does not know, {@code localOnly} keys only the local files may set, {@code problems} one line per invalid
     * value (key, value, reason). Used to verify a bundle and, by {@code kiosk admin sign}, before signing one.
     */
    public record SettingsCheck(Map<String, String> values, List<String> unknownKeys, List<String> localOnly,
            List<String> problems) {

        public boolean ok() {
            return localOnly.isEmpty() && problems.isEmpty();
        }
    }

    /** Checks {@code settings} (a KioskConfig's) against the allow-list and every key's rules; {@code source} names them. */
    public static SettingsCheck checkSettings(Map<String, JsonNode> settings, String source) {
        Map<String, String> values = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> localOnly = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, ConfigKey<?>> known = ConfigKeys.byName();
        for (Map.Entry<String, JsonNode> e : settings.entrySet()) {
            JsonNode v = e.getValue();
            ConfigKey<?> k = known.get(e.getKey());
            if (k == null) {
                unknown.add(e.getKey());
            } else if (!k.bundleAllowed()) {
                localOnly.add(e.getKey());
            } else if (v.isValueNode() && !v.isNull()) {
                values.put(e.getKey(), v.asText());
            } else if (k.structured() && (v.isArray() || v.isObject())) {
                values.put(e.getKey(), v.toString());
            } else {
                problems.add(e.getKey() + ": not a single value");
            }
        }
        if (localOnly.isEmpty()) {
            try {
                new ConfigLoader().values(values, source).load();
            } catch (ConfigException e) {
                problems.addAll(e.problems());
            }
        }
        return new SettingsCheck(values, unknown, localOnly, problems);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
