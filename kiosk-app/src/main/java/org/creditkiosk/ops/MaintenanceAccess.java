package org.creditkiosk.ops;

import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may open the maintenance screen: hall staff with the maintenance PIN. The PIN is configured only as a salted
 * PBKDF2 hash ({@code maintenance.pinHash}, made with {@code kiosk config hash-pin}); five wrong PINs in a row lock
 * the entry for five minutes. Every attempt leaves an audit line in the log (等保: authenticated maintenance access,
 * audit trail); no PIN is ever logged.
 */
public final class MaintenanceAccess {

    private static final Logger audit = LoggerFactory.getLogger("org.creditkiosk.audit");
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 120_000;
    private static final int MAX_FAILURES = 5;
    private static final Duration LOCKOUT = Duration.ofMinutes(5);

    /** The answer to a PIN. */
    public enum Result { GRANTED, WRONG, LOCKED, NOT_CONFIGURED }

    private final Optional<String> pinHash;
    private final Clock clock;
    private int failures;
    private Instant lockedUntil = Instant.MIN;

    public MaintenanceAccess(Optional<String> pinHash, Clock clock) {
        this.pinHash = pinHash.filter(h -> !h.isBlank());
        this.clock = clock;
    }

    public boolean configured() {
        return pinHash.isPresent();
    }

    public synchronized Result check(String pin) {
        if (pinHash.isEmpty()) {
            audit.warn("maintenance entry refused: no maintenance.pinHash is configured");
            return Result.NOT_CONFIGURED;
        }
        Instant now = clock.instant();
        if (now.isBefore(lockedUntil)) {
            audit.warn("maintenance entry refused: locked until {} after {} wrong PINs", lockedUntil, MAX_FAILURES);
            return Result.LOCKED;
        }
        if (matches(pin, pinHash.get())) {
            failures = 0;
            audit.info("maintenance entered with the PIN");
            return Result.GRANTED;
        }
        failures++;
        if (failures >= MAX_FAILURES) {
            failures = 0;
            lockedUntil = now.plus(LOCKOUT);
            audit.warn("maintenance PIN wrong {} times: entry locked for {} min", MAX_FAILURES, LOCKOUT.toMinutes());
            return Result.LOCKED;
        }
        audit.warn("maintenance PIN wrong ({} of {})", failures, MAX_FAILURES);
        return Result.WRONG;
    }

    /** {@code pbkdf2-sha256:<iterations>:<salt base64>:<hash base64>} for a PIN (4 to 12 digits). */
    public static String hash(String pin) {
        if (!pin.matches("\\d{4,12}")) {
            throw new IllegalArgumentException("a maintenance PIN is 4 to 12 digits");
        }
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return SCHEME + ":" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(derive(pin, salt, ITERATIONS));
    }

    static boolean matches(String pin, String stored) {
        String[] p = stored.split(":");
        if (p.length != 4 || !p[0].equals(SCHEME)) {
            throw new IllegalArgumentException("maintenance.pinHash is not a " + SCHEME + " hash (use 'kiosk config hash-pin')");
        }
        byte[] salt = Base64.getDecoder().decode(p[2]);
        byte[] expected = Base64.getDecoder().decode(p[3]);
        return MessageDigest.isEqual(expected, derive(pin, salt, Integer.parseInt(p[1])));
    }

    private static byte[] derive(String pin, byte[] salt, int iterations) {
        try {
            PBEKeySpec spec = new PBEKeySpec(pin.toCharArray(), salt, iterations, 256);
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256").generateSecret(spec).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("PBKDF2WithHmacSHA256 is not available", e);
        }
    }
}
