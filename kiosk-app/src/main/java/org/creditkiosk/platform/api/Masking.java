package org.creditkiosk.platform.api;

/**
 * Display masking after GB/T 35273 practice: the only forms of identifiers that may reach a log line or a
 * screen other than the citizen's own record.
 */
public final class Masking {

    private Masking() {
    }

    /** {@code 610802199001011234} → {@code 610802********1234}; short or odd input is masked whole. */
    public static String idNumber(String id) {
        if (id == null || id.isEmpty()) {
            return "";
        }
        if (id.length() < 11) {
            return "*".repeat(id.length());
        }
        return id.substring(0, 6) + "*".repeat(id.length() - 10) + id.substring(id.length() - 4);
    }

    /** {@code 13800000000} → {@code 138****0000}. */
    public static String phone(String phone) {
        if (phone == null || phone.length() < 7) {
            return "****";
        }
        return phone.substring(0, 3) + "*".repeat(phone.length() - 7) + phone.substring(phone.length() - 4);
    }

    /** A third party's name: first character kept, the rest starred ({@code 张三丰} → {@code 张**}). */
    public static String name(String name) {
        if (name == null || name.isEmpty()) {
            return "";
        }
        int first = name.offsetByCodePoints(0, 1);
        return name.substring(0, first) + "*".repeat(Math.max(1, name.codePointCount(first, name.length())));
    }
}
