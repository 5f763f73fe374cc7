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

    /** The shortest PIN {@link #hash} accepts: six digits (a million guesses, against five tries before a lockout). */
    public static final int MIN_PIN_DIGITS = 6;
    /** The longest PIN: what the PIN pad takes. */
    public static final int MAX_PIN_DIGITS = 12;

    /**
     * {@code pbkdf2-sha256:<iterations>:<salt base64>:<hash base64>} for a PIN of {@value #MIN_PIN_DIGITS} to
     * {@value #MAX_PIN_DIGITS} digits.
     *
     * @throws IllegalArgumentException naming what is wrong with the PIN (never the PIN itself)
     */
    public static String hash(String pin) {
        pinProblem(pin).ifPresent(p -> {
            throw new IllegalArgumentException(p);
        });
        byte[] salt = new byte[16];
        new SecureRandom().nextBytes(salt);
        return SCHEME + ":" + ITERATIONS + ":" + Base64.getEncoder().encodeToString(salt) + ":"
                + Base64.getEncoder().encodeToString(derive(pin, salt, ITERATIONS));
    }

    /** Why a PIN may not be used, in the technician's words; empty when it may. Never repeats the PIN. */
    public static Optional<String> pinProblem(String pin) {
        if (pin == null || pin.isEmpty()) {
            return Optional.of("no PIN given: type " + MIN_PIN_DIGITS + " to " + MAX_PIN_DIGITS + " digits");
        }
        if (!pin.chars().allMatch(c -> c >= '0' && c <= '9')) {
            return Optional.of("a maintenance PIN is digits only (0-9): the PIN pad has no other keys");
        }
        if (pin.length() < MIN_PIN_DIGITS) {
            return Optional.of("a maintenance PIN has at least " + MIN_PIN_DIGITS + " digits (this one has "
                    + pin.length() + ")");
        }
        if (pin.length() > MAX_PIN_DIGITS) {
            return Optional.of("a maintenance PIN has at most " + MAX_PIN_DIGITS + " digits (this one has "
                    + pin.length() + ")");
        }
        return Optional.empty();
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
