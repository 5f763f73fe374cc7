package org.creditkiosk.config;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.TreeMap;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.Json;

/**
 * The administrators' side of signed configuration ({@code kiosk admin keygen|sign}): Ed25519 keys as PKCS#8 PEM and
 * trusted-keys lines, settings files read into a KioskConfig's {@code settings}, and bundles made exactly as the
 * contract's {@code ConfigBundle} says (payload: Base64 of the UTF-8 JSON bytes of a KioskConfig; signature: Ed25519
 * over exactly those bytes). The kiosk's side is {@link SignedConfig}.
 */
public final class BundleSigner {

    private static final String PEM_BEGIN = "-----BEGIN PRIVATE KEY-----";
    private static final String PEM_END = "-----END PRIVATE KEY-----";

    private BundleSigner() {
    }

    /** A new Ed25519 key pair. */
    public static KeyPair newKeyPair() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this Java has no Ed25519", e);
        }
    }

    /** The private key as PKCS#8 PEM ({@code BEGIN PRIVATE KEY}, 64 characters a line), as OpenSSL writes it. */
    public static String privatePem(PrivateKey key) {
        return PEM_BEGIN + "\n" + Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(key.getEncoded()) + "\n" + PEM_END + "\n";
    }

    /** A trusted-keys line: {@code <keyId> <Base64 of the X.509 SubjectPublicKeyInfo>} ({@link TrustedKeys}). */
    public static String trustedKeysLine(String keyId, PublicKey key) {
        return keyId + " " + Base64.getEncoder().encodeToString(key.getEncoded());
    }

    /** Reads a PKCS#8 PEM Ed25519 private key (as {@link #privatePem} or {@code openssl genpkey -algorithm ed25519} write it). */
    public static PrivateKey readPrivateKey(Path pem) throws IOException {
        String text = Files.readString(pem, StandardCharsets.US_ASCII);
        int b = text.indexOf(PEM_BEGIN);
        int e = text.indexOf(PEM_END);
        if (b < 0 || e < b) {
            throw new IOException(pem + ": not a PKCS#8 PEM private key (no '" + PEM_BEGIN + "')");
        }
        try {
            byte[] der = Base64.getMimeDecoder().decode(text.substring(b + PEM_BEGIN.length(), e));
            return KeyFactory.getInstance("Ed25519").generatePrivate(new PKCS8EncodedKeySpec(der));
        } catch (GeneralSecurityException | IllegalArgumentException ex) {
            throw new IOException(pem + ": not an Ed25519 private key (" + ex.getMessage() + ")");
        }
    }

    /**
     * A settings file as a KioskConfig's {@code settings}: {@code .properties} (UTF-8; every value a string, a
     * structured key's value its JSON text, which becomes the array or object) or {@code .json} (one object; values
     * as they stand).
     */
    public static Map<String, JsonNode> readSettings(Path file) throws IOException {
        String name = file.getFileName().toString().toLowerCase(java.util.Locale.ROOT);
        Map<String, JsonNode> out = new LinkedHashMap<>();
        if (name.endsWith(".json")) {
            JsonNode root = Json.mapper().readTree(file.toFile());
            if (root == null || !root.isObject()) {
                throw new IOException(file + ": expected one JSON object of settings");
            }
            for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext();) {
                Map.Entry<String, JsonNode> e = it.next();
                out.put(e.getKey(), e.getValue());
            }
            return out;
        }
        if (!name.endsWith(".properties")) {
            throw new IOException(file + ": settings must be a .properties or a .json file");
        }
        Properties p = new Properties();
        try (Reader r = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            p.load(r);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": cannot be read (" + e.getMessage() + ")");
        }
        Map<String, ConfigKey<?>> known = ConfigKeys.byName();
        for (String key : new TreeMap<>(Map.copyOf(toMap(p))).keySet()) {
            String v = p.getProperty(key).strip();
            ConfigKey<?> k = known.get(key);
            if (k != null && k.structured() && (v.startsWith("[") || v.startsWith("{"))) {
                try {
                    out.put(key, Json.mapper().readTree(v));
                    continue;
                } catch (IOException e) {
                    // left as text: the key's own rules name the problem
                }
            }
            out.put(key, JsonNodeFactory.instance.textNode(v));
        }
        return out;
    }

    private static Map<String, String> toMap(Properties p) {
        Map<String, String> m = new LinkedHashMap<>();
        p.stringPropertyNames().forEach(k -> m.put(k, p.getProperty(k)));
        return m;
    }

    /** The UTF-8 JSON bytes of a KioskConfig (contract): version, issuedAt, kioskIds when given, settings. */
    public static byte[] payload(long version, Instant issuedAt, List<String> kioskIds, Map<String, JsonNode> settings) {
        ObjectNode root = JsonNodeFactory.instance.objectNode();
        root.put("version", version);
        root.put("issuedAt", issuedAt.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toString());
        if (!kioskIds.isEmpty()) {
            kioskIds.forEach(root.putArray("kioskIds")::add);
        }
        ObjectNode s = root.putObject("settings");
        settings.forEach(s::set);
        try {
            return Json.mapper().writeValueAsBytes(root);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs {@code payload} with {@code key}: the contract's ConfigBundle. */
    public static ConfigBundle sign(PrivateKey key, String keyId, byte[] payload) {
        try {
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key);
            s.update(payload);
            return new ConfigBundle(keyId, Base64.getEncoder().encodeToString(payload), Base64.getEncoder().encodeToString(s.sign()));
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("cannot sign with this key: " + e.getMessage(), e);
        }
    }
}
