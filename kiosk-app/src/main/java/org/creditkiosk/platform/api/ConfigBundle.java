package org.creditkiosk.platform.api;

/**
 * Contract {@code ConfigBundle}: {@code payload} is Base64 of the UTF-8 JSON of a {@link KioskConfig};
 * {@code signature} is Base64 Ed25519 over exactly those payload bytes, by the administrators' key {@code keyId}.
 * Verifying it is the config package's job; this record only carries it.
 */
public record ConfigBundle(String keyId, String payload, String signature) {

    public ConfigBundle {
        Require.text(keyId, "keyId");
        Require.text(payload, "payload");
        Require.text(signature, "signature");
    }

    @Override
    public String toString() {
        return "ConfigBundle[key " + keyId + ", " + payload.length() + " chars]";
    }
}
