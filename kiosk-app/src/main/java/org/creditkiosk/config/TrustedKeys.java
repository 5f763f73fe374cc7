package org.creditkiosk.config;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.PublicKey;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The administrators' Ed25519 public keys the kiosk trusts for signed configuration bundles (platform contract,
 * {@code ConfigBundle}). File format, one key a line: {@code <keyId> <Base64 of the X.509 SubjectPublicKeyInfo>};
 * blank lines and lines starting with {@code #} are ignored.
 */
public final class TrustedKeys {

    private final Map<String, PublicKey> keys;

    private TrustedKeys(Map<String, PublicKey> keys) {
        this.keys = Map.copyOf(keys);
    }

    public static TrustedKeys of(Map<String, PublicKey> keys) {
        return new TrustedKeys(keys);
    }

    /** Reads the file; a line that is not a valid Ed25519 key is an error naming the line. */
    public static TrustedKeys load(Path file) throws IOException {
        Map<String, PublicKey> keys = new LinkedHashMap<>();
        int n = 0;
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            n++;
            String t = line.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            String[] parts = t.split("\\s+");
            if (parts.length != 2) {
                throw new IOException(file + " line " + n + ": expected '<keyId> <base64 public key>'");
            }
            try {
                keys.put(parts[0], KeyFactory.getInstance("Ed25519")
                        .generatePublic(new X509EncodedKeySpec(Base64.getDecoder().decode(parts[1]))));
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IOException(file + " line " + n + ": not an Ed25519 public key (" + e.getMessage() + ")");
            }
        }
        return new TrustedKeys(keys);
    }

    public Optional<PublicKey> get(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }
}
