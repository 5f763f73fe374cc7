package org.creditkiosk.platform;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Objects;
import java.util.function.Supplier;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import okhttp3.HttpUrl;
import okhttp3.Interceptor;
import okhttp3.Request;
import okhttp3.Response;
import okio.Buffer;

/**
 * Signs every request exactly as the contract's "Transport and authentication" section says:
 * {@code X-Kiosk-Id}, {@code X-Timestamp}, {@code X-Nonce}, {@code X-Body-SHA256} and {@code X-Signature} =
 * Base64(HMAC-SHA256(secret, METHOD \n PATH_AND_QUERY \n timestamp \n nonce \n bodySha256)).
 *
 * <p>Installed as a <em>network</em> interceptor, so each attempt on the wire (including OkHttp's own silent
 * reconnects) gets a fresh nonce and timestamp and is never rejected as a replay.
 */
public final class RequestSigner implements Interceptor {

    public static final String KIOSK_ID = "X-Kiosk-Id";
    public static final String TIMESTAMP = "X-Timestamp";
    public static final String NONCE = "X-Nonce";
    public static final String BODY_SHA256 = "X-Body-SHA256";
    public static final String SIGNATURE = "X-Signature";

    /** RFC 3339 UTC with whole seconds, e.g. {@code 2026-11-27T03:00:00Z}. */
    public static final DateTimeFormatter TIMESTAMP_FORMAT = DateTimeFormatter.ISO_INSTANT;

    private final String kioskId;
    private final SecretKeySpec key;
    private final Clock clock;
    private final Supplier<String> nonces;

    /**
     * @param secret the raw secret bytes (the secret file holds them Base64-encoded)
     * @param nonces 32 lowercase hex characters per call; {@link #secureNonces()} in production, fixed in test vectors
     */
    public RequestSigner(String kioskId, byte[] secret, Clock clock, Supplier<String> nonces) {
        this.kioskId = Objects.requireNonNull(kioskId, "kioskId");
        if (secret == null || secret.length == 0) {
            throw new IllegalArgumentException("kiosk secret is empty");
        }
        this.key = new SecretKeySpec(secret.clone(), "HmacSHA256");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.nonces = Objects.requireNonNull(nonces, "nonces");
    }

    /** 16 bytes from {@link SecureRandom} as 32 lowercase hex characters. */
    public static Supplier<String> secureNonces() {
        SecureRandom random = new SecureRandom();
        return () -> {
            byte[] bytes = new byte[16];
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        };
    }

    public static String timestamp(Instant instant) {
        return TIMESTAMP_FORMAT.format(instant.truncatedTo(ChronoUnit.SECONDS));
    }

    /** The request target as it stands on the HTTP request line: encoded path incl. base path, and encoded query. */
    public static String pathAndQuery(HttpUrl url) {
        String query = url.encodedQuery();
        return query == null ? url.encodedPath() : url.encodedPath() + "?" + query;
    }

    public static String canonical(String method, String pathAndQuery, String timestamp, String nonce, String bodySha256) {
        return method.toUpperCase(java.util.Locale.ROOT) + "\n" + pathAndQuery + "\n" + timestamp + "\n" + nonce + "\n" + bodySha256;
    }

    public static String sha256Hex(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("SHA-256 missing from the JDK", e);
        }
    }

    /** Base64 (standard, padded) of HMAC-SHA256(secret, canonical). */
    public static String sign(byte[] secret, String canonical) {
        return sign(new SecretKeySpec(secret, "HmacSHA256"), canonical);
    }

    private static String sign(SecretKeySpec key, String canonical) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return Base64.getEncoder().encodeToString(mac.doFinal(canonical.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 missing from the JDK", e);
        }
    }

    /** Adds the five contract headers to {@code request}. */
    public Request sign(Request request) throws IOException {
        byte[] body = new byte[0];
        if (request.body() != null) {
            Buffer buffer = new Buffer();
            request.body().writeTo(buffer);
            body = buffer.readByteArray();
        }
        String ts = timestamp(clock.instant());
        String nonce = nonces.get();
        String bodySha = sha256Hex(body);
        String canonical = canonical(request.method(), pathAndQuery(request.url()), ts, nonce, bodySha);
        return request.newBuilder()
                .header(KIOSK_ID, kioskId)
                .header(TIMESTAMP, ts)
                .header(NONCE, nonce)
                .header(BODY_SHA256, bodySha)
                .header(SIGNATURE, sign(key, canonical))
                .build();
    }

    @Override
    public Response intercept(Chain chain) throws IOException {
        return chain.proceed(sign(chain.request()));
    }
}
