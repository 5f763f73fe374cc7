package org.creditkiosk.scan;

import java.net.IDN;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import org.creditkiosk.platform.ReportNumber;
import org.creditkiosk.platform.api.OpenSessionRequest;

/**
 * What a scanned text is, for the kiosk: the city app's electronic credit ID ({@link AppCode}), the verification
 * code printed on a report ({@link ReportCode}), something that looks like one of ours but is broken
 * ({@link Malformed}), or anything else ({@link Unknown}). The session decides what to do with each; this type
 * only classifies, before anything is sent to the platform.
 */
public sealed interface ScannedCode
        permits ScannedCode.AppCode, ScannedCode.ReportCode, ScannedCode.Malformed, ScannedCode.Unknown {

    /** The app code's fixed prefix (contract {@code OpenSessionRequest.qrPayload}: form {@code XYYL1.<token>}). */
    String APP_PREFIX = "XYYL1.";
    /** Contract {@code OpenSessionRequest.qrPayload.maxLength}. */
    int APP_MAX_LENGTH = 512;
    /** Shortest token we accept: shorter strings carry too little entropy to be a signed or random token. */
    int APP_MIN_TOKEN_LENGTH = 16;

    /**
     * The city app's electronic credit ID: send {@link #payload()} verbatim as {@code qrPayload} with method
     * {@code APP_QR}. The token is a credential: {@link #toString()} masks it.
     */
    record AppCode(String payload) implements ScannedCode {
        public AppCode {
            Objects.requireNonNull(payload, "payload");
        }

        /** The contract request that opens a session with this code (method {@code APP_QR}). */
        public OpenSessionRequest openSessionRequest() {
            return OpenSessionRequest.appQr(payload);
        }

        @Override
        public String toString() {
            return "AppCode[" + APP_PREFIX + "…(" + payload.length() + " chars)]";
        }
    }

    /** A report's verification code: ask the platform {@code verifyReport(reportNo)}. */
    record ReportCode(String reportNo) implements ScannedCode {
        public ReportCode {
            Objects.requireNonNull(reportNo, "reportNo");
        }
    }

    /** Looks like an app code or a report link of this platform, but is broken: tell the citizen to rescan. */
    record Malformed(Reason reason) implements ScannedCode {
        public Malformed {
            Objects.requireNonNull(reason, "reason");
        }
    }

    /** Not a code the kiosk knows ("this code is not a credit report or app code"). */
    record Unknown() implements ScannedCode {
    }

    /** Why a code was {@link Malformed}. */
    enum Reason {
        /** Longer than the contract's 512 characters. */
        APP_CODE_TOO_LONG,
        /** The token is shorter than {@link #APP_MIN_TOKEN_LENGTH}, or empty. */
        APP_CODE_TOO_SHORT,
        /** The token has characters outside base64url and dots (e.g. a space, a cut, a wrong keyboard layout). */
        APP_CODE_BAD_CHARACTERS,
        /** {@code XYYL} with another version or casing than {@code XYYL1.}: the app is newer (or older) than us. */
        APP_CODE_UNSUPPORTED_VERSION,
        /** A link to our verify page whose report number is missing or not of the form {@code YLXY-YYYYMMDD-NNNN-NNNNNN}. */
        REPORT_NUMBER_INVALID,
        /** A link to our verify page in another form than {@code https://HOST/v?r=NUMBER} (http, port, extras). */
        REPORT_LINK_INVALID
    }

    /**
     * Classifies {@code text} (surrounding whitespace ignored).
     *
     * @param verifyHost the host of the platform's verify URL, from configuration (e.g. {@code credit-platform.example});
     *                   on a loopback host (demo platform) http and any port are accepted too
     */
    static ScannedCode classify(String text, String verifyHost) {
        return Classifier.classify(Objects.requireNonNull(text, "text").strip(),
                Objects.requireNonNull(verifyHost, "verifyHost"));
    }

    /** The rules, kept out of the public surface of the interface. */
    final class Classifier {

        private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9_-]+(\\.[A-Za-z0-9_-]+)*");
        private static final Pattern LOOKS_LIKE_APP = Pattern.compile("(?is)xyyl[0-9]*([.:].*)?");

        private Classifier() {
        }

        static ScannedCode classify(String text, String verifyHost) {
            if (text.startsWith(APP_PREFIX)) {
                return appCode(text);
            }
            if (LOOKS_LIKE_APP.matcher(text).matches()) {
                return new Malformed(Reason.APP_CODE_UNSUPPORTED_VERSION);
            }
            if (text.regionMatches(true, 0, "http", 0, 4)) {
                return reportLink(text, verifyHost);
            }
            return new Unknown();
        }

        private static ScannedCode appCode(String text) {
            if (text.length() > APP_MAX_LENGTH) {
                return new Malformed(Reason.APP_CODE_TOO_LONG);
            }
            String token = text.substring(APP_PREFIX.length());
            if (token.length() < APP_MIN_TOKEN_LENGTH) {
                return new Malformed(Reason.APP_CODE_TOO_SHORT);
            }
            if (!TOKEN.matcher(token).matches()) {
                return new Malformed(Reason.APP_CODE_BAD_CHARACTERS);
            }
            return new AppCode(text);
        }

        private static ScannedCode reportLink(String text, String verifyHost) {
            URI uri;
            try {
                uri = new URI(text);
            } catch (URISyntaxException e) {
                return new Unknown();
            }
            String host = uri.getHost();
            if (host == null || !sameHost(host, verifyHost)) {
                return new Unknown(); // someone else's link: not ours to judge
            }
            String scheme = uri.getScheme().toLowerCase(Locale.ROOT);
            boolean loopback = isLoopback(host);
            boolean schemeOk = scheme.equals("https") || (loopback && scheme.equals("http"));
            boolean portOk = uri.getPort() == -1 || loopback || (scheme.equals("https") && uri.getPort() == 443);
            if (!schemeOk || !portOk || uri.getRawUserInfo() != null || uri.getRawFragment() != null
                    || !"/v".equals(uri.getRawPath())) {
                return new Malformed(Reason.REPORT_LINK_INVALID);
            }
            String query = uri.getRawQuery();
            // r= a report, c= a credit commitment (contract 1.1: commitment numbers are verified like reports)
            if (query == null || !(query.startsWith("r=") || query.startsWith("c=")) || query.indexOf('&') >= 0) {
                return new Malformed(Reason.REPORT_LINK_INVALID);
            }
            String reportNo = query.substring(2);
            if (!ReportNumber.isValid(reportNo)) {
                return new Malformed(Reason.REPORT_NUMBER_INVALID);
            }
            return new ReportCode(reportNo);
        }

        private static boolean sameHost(String host, String configured) {
            String a = strip(host);
            String b = strip(configured);
            try {
                return IDN.toASCII(a).equalsIgnoreCase(IDN.toASCII(b));
            } catch (IllegalArgumentException e) {
                return false;
            }
        }

        private static String strip(String host) {
            String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
            return h.endsWith(".") ? h.substring(0, h.length() - 1) : h;
        }

        private static boolean isLoopback(String host) {
            String h = strip(host).toLowerCase(Locale.ROOT);
            return h.equals("localhost") || h.startsWith("127.") || h.equals("::1");
        }
    }
}
