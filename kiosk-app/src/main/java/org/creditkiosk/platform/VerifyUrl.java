package org.creditkiosk.platform;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Optional;

/**
 * The platform's verification link (contract {@code ReportAllocation.verifyUrl}) is printed as the report's QR code
 * and in its text, where a citizen or a bank trusts it: it must lead to the configured verification host
 * ({@code platform.verifyHost}, {@link PlatformSettings#verifyHost()}) over https, and cannot carry anything a
 * printer, a PDF viewer or a phone would read differently. The same rules as a scanned report link
 * ({@code ScannedCode}): https on the default port; http and any port only when the host is a loopback address (the
 * demo platform); no user info; printable ASCII only (an IDN host in its {@code xn--} form).
 */
public final class VerifyUrl {

    /** Longest link accepted: it is printed in full under the QR code. */
    public static final int MAX_LENGTH = 256;

    private VerifyUrl() {
    }

    /** Why {@code url} is not a verification link of {@code verifyHost}, never quoting it; empty when it is one. */
    public static Optional<String> problem(String url, String verifyHost) {
        if (url == null || url.isEmpty()) {
            return Optional.of("is empty");
        }
        if (url.length() > MAX_LENGTH) {
            return Optional.of("is longer than " + MAX_LENGTH + " characters");
        }
        for (int i = 0; i < url.length(); i++) {
            char c = url.charAt(i);
            if (c <= 0x20 || c >= 0x7F) {
                return Optional.of("has a character outside printable ASCII");
            }
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            return Optional.of("is not a URI");
        }
        if (!uri.isAbsolute() || uri.isOpaque() || uri.getHost() == null) {
            return Optional.of("is not an absolute http(s) URL with a host");
        }
        String host = bare(uri.getHost());
        if (!host.equalsIgnoreCase(bare(verifyHost))) {
            return Optional.of("does not point at the configured verification host " + verifyHost);
        }
        boolean loopback = PlatformSettings.isLoopback(host);
        String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("https") && !(loopback && scheme.equals("http"))) {
            return Optional.of("does not use https (plain http only to a loopback host)");
        }
        if (!loopback && uri.getPort() != -1 && uri.getPort() != 443) {
            return Optional.of("names a port other than 443");
        }
        if (uri.getRawUserInfo() != null) {
            return Optional.of("carries user info");
        }
        return Optional.empty();
    }

    /** Without IPv6 brackets and a trailing root dot. */
    private static String bare(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
    }
}
