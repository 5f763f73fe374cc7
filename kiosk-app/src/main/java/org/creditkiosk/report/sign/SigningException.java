package org.creditkiosk.report.sign;

/** The report could not be signed: keystore missing, unreadable, wrong password, or a cryptographic failure. */
public final class SigningException extends RuntimeException {

    public SigningException(String message) {
        super(message);
    }

    public SigningException(String message, Throwable cause) {
        super(message, cause);
    }
}
