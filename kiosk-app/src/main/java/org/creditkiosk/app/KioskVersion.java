package org.creditkiosk.app;

/** Version from the jar manifest (Implementation-Version), or "dev" when run from classes. */
public final class KioskVersion {

    private KioskVersion() {
    }

    public static String current() {
        String v = KioskVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }
}
