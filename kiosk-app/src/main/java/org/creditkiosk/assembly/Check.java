package org.creditkiosk.assembly;

import java.util.List;
import java.util.Objects;

/**
 * One line of a start check or of {@code kiosk doctor}: what was checked, the verdict, and the reason in words a
 * technician acts on (which file, which key, what to run).
 */
public record Check(String name, Status status, String detail) {

    public enum Status { OK, WARN, FAIL }

    public Check {
        Objects.requireNonNull(name);
        Objects.requireNonNull(status);
        Objects.requireNonNull(detail);
    }

    public static Check ok(String name, String detail) {
        return new Check(name, Status.OK, detail);
    }

    public static Check warn(String name, String detail) {
        return new Check(name, Status.WARN, detail);
    }

    public static Check fail(String name, String detail) {
        return new Check(name, Status.FAIL, detail);
    }

    public boolean failed() {
        return status == Status.FAIL;
    }

    public static boolean anyFailed(List<Check> checks) {
        return checks.stream().anyMatch(Check::failed);
    }
}
