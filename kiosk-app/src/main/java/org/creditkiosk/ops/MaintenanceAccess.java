package org.creditkiosk.ops;

import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Who may open the maintenance screen: hall staff with the maintenance PIN. The PIN is configured only as a salted
 * PBKDF2 hash ({@code maintenance.pinHash}, made with {@code kiosk config hash-pin}); wrong PINs lock the entry for
 * growing times, remembered in the data folder across restarts and shared by every instance on that folder
 * ({@link MaintenanceLockout}). Every attempt leaves an audit line ({@link MaintenanceAudit}; 等保: authenticated
 * maintenance access, audit trail); no PIN is ever logged.
 */
public final class MaintenanceAccess {

    private static final Logger log = LoggerFactory.getLogger(MaintenanceAccess.class);
    private static final String SCHEME = "pbkdf2-sha256";
    private static final int ITERATIONS = 120_000;

    /** The answer to a PIN. */
    public enum Result { GRANTED, WRONG, LOCKED, NOT_CONFIGURED }

    private final Optional<String> pinHash;
    private final MaintenanceLockout lockout;

    /** The kiosk's entry: the lockout state in {@code dataDir} (see {@code ConfigLoader.dataDir}). */
    public MaintenanceAccess(Optional<String> pinHash, Path dataDir, Clock clock) {
        this(pinHash, new MaintenanceLockout(dataDir, clock));
    }

    public MaintenanceAccess(Optional<String> pinHash, MaintenanceLockout lockout) {
        this.pinHash = pinHash.filter(h -> !h.isBlank());
        this.lockout = lockout;
    }

    public boolean configured() {
        return pinHash.isPresent();
    }

    /** The lockout state this entry keeps (also the heartbeat's {@link HeartbeatCounters} for wrong PINs). */
    public MaintenanceLockout lockout() {
        return lockout;
    }

    public Result check(String pin) {
        if (pinHash.isEmpty()) {
            MaintenanceAudit.refusedNotConfigured("no maintenance.pinHash is configured");
            return Result.NOT_CONFIGURED;
        }
        Optional<String> broken = hashProblem(pinHash.get());
        if (broken.isPresent()) {
            log.error("maintenance.pinHash is unusable ({}): make a new one with 'kiosk config hash-pin'", broken.get());
            MaintenanceAudit.refusedNotConfigured("maintenance.pinHash is unusable");
            return Result.NOT_CONFIGURED;
        }
        MaintenanceLockout.Attempt a = lockout.attempt(() -> matches(pin == null ? "" : pin, pinHash.get()));
        if (a instanceof MaintenanceLockout.Attempt.Granted g) {
            MaintenanceAudit.entered(g.wrongBefore());
            return Result.GRANTED;
        } else if (a instanceof MaintenanceLockout.Attempt.Wrong w) {
            MaintenanceAudit.pinWrong(w.wrongInRow());
            return Result.WRONG;
        } else if (a instanceof MaintenanceLockout.Attempt.LockedNow l) {
            MaintenanceAudit.lockedNow(l.wrongInRow(), l.lockout(), l.until());
            return Result.LOCKED;
        } else {
            MaintenanceLockout.Attempt.Refused r = (MaintenanceLockout.Attempt.Refused) a;
            MaintenanceAudit.refusedLocked(r.wrongInRow(), r.until());
            return Result.LOCKED;
        }
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

    /** Why a configured hash cannot be checked against, if it cannot. */
    static Optional<String> hashProblem(String stored) {
        String[] p = stored.split(":");
        if (p.length != 4 || !p[0].equals(SCHEME)) {
            return Optional.of("not a " + SCHEME + " hash");
        }
        try {
            if (Integer.parseInt(p[1]) < 1 || Base64.getDecoder().decode(p[2]).length == 0
                    || Base64.getDecoder().decode(p[3]).length == 0) {
                return Optional.of("empty salt or hash, or no iterations");
            }
        } catch (IllegalArgumentException e) {
            return Optional.of("iterations, salt or hash unreadable");
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
