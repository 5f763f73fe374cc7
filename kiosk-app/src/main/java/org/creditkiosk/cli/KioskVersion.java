package org.creditkiosk.cli;

import picocli.CommandLine.IVersionProvider;

/** Version from the jar manifest (Implementation-Version), or "dev" when run from classes. */
public final class KioskVersion implements IVersionProvider {

    public static String current() {
        String v = KioskVersion.class.getPackage().getImplementationVersion();
        return v == null ? "dev" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"credit-kiosk " + current()};
    }
}
