package org.creditkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.PublicKey;
import java.security.Signature;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.KioskConfig;

/**
 * Checks an administrators' configuration bundle exactly as the platform contract says: the Ed25519 signature over
 * the payload bytes (not the Base64 text) with a trusted key named by {@code keyId}, the kiosk named in
 * {@code kioskIds} (or none named), a version greater than the running one; and then, as DESIGN.md §5 asks, every
 * setting valid by the kiosk's own rules. Anything else is rejected whole: the previous configuration stays in force.
 */
public final class SignedConfig {

    /** The outcome of a check. */
    public sealed interface Verdict permits Accepted, Rejected {
    }

    /**
     * @param config      the decoded bundle
     * @param values      its settings as configuration values (known keys only, all valid)
     * @param unknownKeys keys the kiosk does not understand (ignored, reported in the heartbeat)
     */
    public record Accepted(KioskConfig config, Map<String, String> values, List<String> unknownKeys) implements Verdict {
    }

    /** {@code code}: UNKNOWN_KEY, BAD_SIGNATURE, MALFORMED, NOT_FOR_THIS_KIOSK, NOT_NEWER, INVALID_SETTINGS. */
    public record Rejected(String code, String detail) implements Verdict {
    }

    private SignedConfig() {
    }

    public static Verdict verify(ConfigBundle bundle, TrustedKeys keys, String kioskId, long runningVersion) {
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
        if (!config.targets(kioskId)) {
            return new Rejected("NOT_FOR_THIS_KIOSK", "bundle v" + config.version() + " names other kiosks");
        }
        if (config.version() <= runningVersion) {
            return new Rejected("NOT_NEWER", "bundle v" + config.version() + " is not newer than the running v" + runningVersion);
        }
        Map<String, String> values = new LinkedHashMap<>();
        List<String> unknown = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        Map<String, ConfigKey<?>> known = ConfigKeys.byName();
        for (Map.Entry<String, JsonNode> e : config.settings().entrySet()) {
            JsonNode v = e.getValue();
            if (!known.containsKey(e.getKey())) {
                unknown.add(e.getKey());
            } else if (v.isValueNode() && !v.isNull()) {
                values.put(e.getKey(), v.asText());
            } else {
                problems.add(e.getKey() + ": not a single value");
            }
        }
        try {
            new ConfigLoader().values(values, "bundle v" + config.version()).load();
        } catch (ConfigException e) {
            problems.addAll(e.problems());
        }
        if (!problems.isEmpty()) {
            return new Rejected("INVALID_SETTINGS", String.join("; ", problems));
        }
        return new Accepted(config, values, unknown);
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
