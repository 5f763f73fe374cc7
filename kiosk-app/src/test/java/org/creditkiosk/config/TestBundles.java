package org.creditkiosk.config;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import org.creditkiosk.platform.api.ConfigBundle;

/** Test helpers: administrators' keys, signed bundles as the platform serves them, trusted keys files. */
public final class TestBundles {

    /** The issue time the helpers put in a bundle. */
    public static final Instant ISSUED = Instant.parse("2026-11-27T03:00:00Z");
    /** A kiosk clock ten minutes after {@link #ISSUED}. */
    public static final Instant NOW = ISSUED.plusSeconds(600);
    public static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private TestBundles() {
    }

    public static KeyPair ed25519() {
        try {
            return KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** Signs {@code json} (the KioskConfig payload) with {@code key}. */
    public static ConfigBundle bundle(KeyPair key, String keyId, String json) {
        try {
            byte[] payload = json.getBytes(StandardCharsets.UTF_8);
            Signature s = Signature.getInstance("Ed25519");
            s.initSign(key.getPrivate());
            s.update(payload);
            return new ConfigBundle(keyId, Base64.getEncoder().encodeToString(payload), Base64.getEncoder().encodeToString(s.sign()));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    /** A KioskConfig payload issued at {@link #ISSUED}; {@code kioskIds} is "" or {@code ,"kioskIds":[...]}. */
    public static String config(long version, String kioskIds, String settings) {
        return config(version, ISSUED, kioskIds, settings);
    }

    public static String config(long version, Instant issuedAt, String kioskIds, String settings) {
        return "{\"version\":" + version + ",\"issuedAt\":\"" + issuedAt + "\"" + kioskIds + ",\"settings\":{" + settings + "}}";
    }

    /** Writes a trusted keys file naming {@code key} as {@code keyId}. */
    public static Path trustedKeysFile(Path dir, String keyId, KeyPair key) throws java.io.IOException {
        Path keys = dir.resolve("trusted-keys");
        Files.writeString(keys, "# administrators\n" + keyId + " " + Base64.getEncoder().encodeToString(key.getPublic().getEncoded()) + "\n");
        return keys;
    }
}
