package org.creditkiosk.platform;

import java.util.regex.Pattern;

/**
 * Ids of the administrators' remote commands (contract {@code HeartbeatAnswer.commands[].commandId}, used in
 * {@code /v1/kiosks/{kioskId}/commands/{commandId}/result}). The contract gives no form, so the kiosk accepts what
 * is safe as one URL path segment and one file name: 1–64 of {@code A-Z a-z 0-9 . _ -}, starting with a letter or a
 * digit, so never {@code .} or {@code ..} (which OkHttp's {@code addPathSegment} would resolve as a dot segment),
 * a slash, a percent escape, a space or a control character. UUIDs and ids like {@code cmd-1} fit. An answer with
 * another id is a protocol error.
 */
public final class CommandId {

    public static final Pattern PATTERN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");
    public static final int MAX_LENGTH = 64;

    private CommandId() {
    }

    public static boolean isValid(String commandId) {
        return commandId != null && commandId.length() <= MAX_LENGTH && PATTERN.matcher(commandId).matches();
    }

    /** {@code commandId} if valid, else an {@link IllegalArgumentException} that quotes it only made safe for a log. */
    public static String require(String commandId) {
        if (!isValid(commandId)) {
            throw new IllegalArgumentException("not a command id (1-64 of A-Z a-z 0-9 . _ -, starting with a letter "
                    + "or digit): '" + UntrustedText.forLog(commandId, 80) + "'");
        }
        return commandId;
    }
}
