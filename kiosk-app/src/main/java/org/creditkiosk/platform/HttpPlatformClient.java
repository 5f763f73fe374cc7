package org.creditkiosk.platform;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.net.SocketTimeoutException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Date;
import java.util.EnumMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;
import okhttp3.CertificatePinner;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;
import okhttp3.ResponseBody;
import okio.BufferedSource;
import org.creditkiosk.platform.api.AllocateReportRequest;
import org.creditkiosk.platform.api.CommitmentRequest;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.CommitmentTemplates;
import org.creditkiosk.platform.api.ComplaintRequest;
import org.creditkiosk.platform.api.ComplaintTicket;
import org.creditkiosk.platform.api.SignedCommitment;
import org.creditkiosk.platform.api.ApiError;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.ConfigAnswer;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.Heartbeat;
import org.creditkiosk.platform.api.HeartbeatAnswer;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.ListSearchPage;
import org.creditkiosk.platform.api.ObjectionRequest;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.platform.api.OpenSessionRequest;
import org.creditkiosk.platform.api.PlatformSession;
import org.creditkiosk.platform.api.ReportAllocation;
import org.creditkiosk.platform.api.ReportDigest;
import org.creditkiosk.platform.api.ReportVerification;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The contract over HTTPS with OkHttp: signed by {@link RequestSigner}, bounded by per-operation time limits,
 * retried only where a repeat is harmless, parsed strictly. Every answer is logged with its operation,
 * status, {@code X-Request-Id} and latency; never a body, a token or a citizen's data.
 */
public final class HttpPlatformClient implements PlatformClient, PlatformOps, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(HttpPlatformClient.class);
    private static final MediaType JSON = MediaType.get("application/json; charset=utf-8");
    /** Wait before a retry when a 503/429 carries no Retry-After. */
    private static final Duration DEFAULT_BACKOFF = Duration.ofMillis(500);

    /** How the client waits between attempts; tests record instead of sleeping. */
    @FunctionalInterface
    public interface Sleeper {
        Sleeper REAL = d -> Thread.sleep(d.toMillis());

        void sleep(Duration duration) throws InterruptedException;
    }

    private final PlatformSettings settings;
    private final HttpUrl base;
    private final Clock clock;
    private final CallObserver observer;
    private final Sleeper sleeper;
    private final OkHttpClient root;
    private final Map<Operation, OkHttpClient> clients = new EnumMap<>(Operation.class);
    private final AtomicReference<Duration> lastClockOffset = new AtomicReference<>();
    /** When the last clock-skew warning was logged (nanoTime), so a skewed kiosk warns every 10 minutes, not per call. */
    private final java.util.concurrent.atomic.AtomicLong lastSkewWarning = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE);
    /** The contract's window; beyond it the platform refuses every request with CLOCK_SKEW. */
    static final Duration CLOCK_WINDOW = Duration.ofSeconds(300);
    /** A technician is told well before the window is reached. */
    static final Duration CLOCK_WARNING = Duration.ofSeconds(60);

    /**
     * @param secret   raw kiosk secret bytes
     * @param clock    for X-Timestamp and the clock offset (the system UTC clock in production)
     * @param nonces   {@link RequestSigner#secureNonces()} in production
     * @param observer e.g. the {@link CircuitBreaker}; {@link CallObserver#NONE} when none
     */
    public HttpPlatformClient(PlatformSettings settings, byte[] secret, Clock clock, Supplier<String> nonces,
                              CallObserver observer, Sleeper sleeper) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.base = settings.url();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.observer = Objects.requireNonNull(observer, "observer");
        this.sleeper = Objects.requireNonNull(sleeper, "sleeper");
        OkHttpClient.Builder builder = new OkHttpClient.Builder()
                .connectTimeout(settings.connectTimeout())
                .readTimeout(settings.readTimeout())
                .writeTimeout(settings.readTimeout())
                .callTimeout(settings.callTimeout())
                .followRedirects(false)
                .addNetworkInterceptor(new RequestSigner(settings.kioskId(), secret, clock, nonces));
        configureTls(builder, settings);
        this.root = builder.build();
        for (Operation op : Operation.values()) {
            PlatformSettings.TimeLimits limits = settings.limits(op);
            clients.put(op, root.newBuilder()
                    .connectTimeout(limits.connect())
                    .readTimeout(limits.read())
                    .writeTimeout(limits.read())
                    .callTimeout(limits.call())
                    // OkHttp may silently resend a request on a stale pooled connection; only where a repeat is harmless.
                    .retryOnConnectionFailure(op.idempotent())
                    .build());
        }
    }

    /** Production wiring: secret from the settings' file (permissions checked), system clock, secure nonces. */
    public static HttpPlatformClient create(PlatformSettings settings, CallObserver observer) throws IOException {
        Path file = settings.secretFile().orElseThrow(() -> new IOException(
                "no kiosk secret file configured (KIOSK_SECRET_FILE or the platform.secretFile setting)"));
        byte[] secret = KioskSecret.read(file);
        try {
            return new HttpPlatformClient(settings, secret, Clock.systemUTC(), RequestSigner.secureNonces(), observer,
                    Sleeper.REAL);
        } finally {
            Arrays.fill(secret, (byte) 0);
        }
    }

    public PlatformSettings settings() {
        return settings;
    }

    /** Server {@code Date} minus the local clock at the last answer (± 1 s resolution); empty before any answer. */
    public Optional<Duration> lastClockOffset() {
        return Optional.ofNullable(lastClockOffset.get());
    }

    // ---- citizen operations ----------------------------------------------------------------------------------

    @Override
    public PlatformSession openSession(OpenSessionRequest request) throws PlatformException {
        return call(Operation.OPEN_SESSION, post(url("v1", "sessions"), request), Optional.empty(),
                r -> parse(Operation.OPEN_SESSION, r, PlatformSession.class));
    }

    @Override
    public void closeSession(SessionToken token) throws PlatformException {
        call(Operation.CLOSE_SESSION, new Request.Builder().url(url("v1", "sessions", "current")).delete(),
                Optional.of(token), r -> null);
    }

    @Override
    public CreditRecord getOwnRecord(SessionToken token) throws PlatformException {
        return call(Operation.GET_OWN_RECORD, get(url("v1", "sessions", "current", "record")), Optional.of(token),
                r -> parse(Operation.GET_OWN_RECORD, r, CreditRecord.class));
    }

    @Override
    public CreditRecord getOrganizationRecord(SessionToken token, String uscc) throws PlatformException {
        if (!UnifiedSocialCreditCode.isValid(uscc)) {
            // The screens validate first; a bad code here is a programming error, not a platform call.
            throw new IllegalArgumentException("not a valid unified social credit code: " + uscc);
        }
        return call(Operation.GET_ORGANIZATION_RECORD, get(url("v1", "organizations", uscc, "record")),
                Optional.of(token), r -> parse(Operation.GET_ORGANIZATION_RECORD, r, CreditRecord.class));
    }

    @Override
    public ListSearchPage searchPublicLists(String query, Optional<ListSearchPage.ListKind> list, int page, int size)
            throws PlatformException {
        HttpUrl.Builder url = url("v1", "public", "lists").newBuilder().addQueryParameter("q", query);
        list.ifPresent(l -> url.addQueryParameter("list", l.name()));
        url.addQueryParameter("page", Integer.toString(page)).addQueryParameter("size", Integer.toString(size));
        return call(Operation.SEARCH_PUBLIC_LISTS, get(url.build()), Optional.empty(),
                r -> parse(Operation.SEARCH_PUBLIC_LISTS, r, ListSearchPage.class));
    }

    @Override
    public ReportAllocation allocateReport(SessionToken token, AllocateReportRequest request) throws PlatformException {
        return call(Operation.ALLOCATE_REPORT, post(url("v1", "reports"), request), Optional.of(token), r -> {
            ReportAllocation a = parse(Operation.ALLOCATE_REPORT, r, ReportAllocation.class);
            // The number goes into the next URL path, a file name and onto paper.
            requireReportNo(Operation.ALLOCATE_REPORT, a.reportNo());
            // The link becomes the report's QR code: it must lead to the platform's verification host.
            Optional<String> link = VerifyUrl.problem(a.verifyUrl(), settings.verifyHost());
            if (link.isPresent()) {
                throw new PlatformException.Protocol(Operation.ALLOCATE_REPORT.operationId() + ": verifyUrl "
                        + link.get(), null);
            }
            return a;
        });
    }

    /** @throws IllegalArgumentException when {@code reportNo} is not of the form {@link ReportNumber#FORM} */
    @Override
    public void registerReportDigest(SessionToken token, String reportNo, ReportDigest digest) throws PlatformException {
        ReportNumber.require(reportNo);
        call(Operation.REGISTER_REPORT_DIGEST,
                new Request.Builder().url(url("v1", "reports", reportNo, "digest")).put(json(digest)),
                Optional.of(token), r -> null);
    }

    /** @throws IllegalArgumentException when {@code reportNo} is not of the form {@link ReportNumber#FORM} */
    @Override
    public ReportVerification verifyReport(String reportNo) throws PlatformException {
        // Scanned codes are classified first (ScannedCode); a bad number here is a programming error, never a path.
        ReportNumber.require(reportNo);
        return call(Operation.VERIFY_REPORT, get(url("v1", "reports", reportNo, "verification")), Optional.empty(), r -> {
            ReportVerification v = parse(Operation.VERIFY_REPORT, r, ReportVerification.class);
            requireReportNo(Operation.VERIFY_REPORT, v.reportNo());
            if (!v.reportNo().equals(reportNo)) {
                throw new PlatformException.Protocol(Operation.VERIFY_REPORT.operationId()
                        + ": answer is about another report number than the one asked for", null);
            }
            return v;
        });
    }

    @Override
    public ObjectionTicket fileObjection(SessionToken token, ObjectionRequest request) throws PlatformException {
        return call(Operation.FILE_OBJECTION, post(url("v1", "objections"), request), Optional.of(token),
                r -> parse(Operation.FILE_OBJECTION, r, ObjectionTicket.class));
    }

    // ---- contract 1.1: credit commitments and complaints (issue 15) ---------------------------------------------

    @Override
    public java.util.List<CommitmentTemplate> listCommitmentTemplates(SessionToken token, Optional<String> uscc)
            throws PlatformException {
        Operation op = Operation.LIST_COMMITMENT_TEMPLATES;
        HttpUrl.Builder url = url("v1", "commitments", "templates").newBuilder();
        if (uscc.isPresent()) {
            if (!UnifiedSocialCreditCode.isValid(uscc.get())) {
                throw new IllegalArgumentException("not a valid unified social credit code: " + uscc.get());
            }
            url.addQueryParameter("uscc", uscc.get());
        }
        return call(op, get(url.build()), Optional.of(token), r -> {
            CommitmentTemplates answer = parse(op, r, CommitmentTemplates.class);
            for (int i = 0; i < answer.templates().size(); i++) {
                // The citizen signs the hash of what they were shown: a template whose hash is not of its own text
                // would make them sign something else.
                if (!answer.templates().get(i).textMatches()) {
                    throw new PlatformException.Protocol(op.operationId() + ": templates[" + i
                            + "].textSha256 is not the SHA-256 of its paragraphs", null);
                }
            }
            return answer.templates();
        });
    }

    @Override
    public SignedCommitment signCommitment(SessionToken token, CommitmentRequest request) throws PlatformException {
        Operation op = Operation.SIGN_COMMITMENT;
        return call(op, post(url("v1", "commitments"), request), Optional.of(token), r -> {
            SignedCommitment c = parse(op, r, SignedCommitment.class);
            // The number goes into the digest's URL path and onto paper, the link into the QR code.
            if (!ReportNumber.isValid(c.commitmentNo())) {
                throw new PlatformException.Protocol(op.operationId() + ": commitmentNo is not a number of the form "
                        + ReportNumber.FORM, null);
            }
            Optional<String> link = VerifyUrl.problem(c.verifyUrl(), settings.verifyHost());
            if (link.isPresent()) {
                throw new PlatformException.Protocol(op.operationId() + ": verifyUrl " + link.get(), null);
            }
            if (!c.templateId().equals(request.templateId())) {
                throw new PlatformException.Protocol(op.operationId() + ": answer is about another template", null);
            }
            return c;
        });
    }

    /** @throws IllegalArgumentException when {@code commitmentNo} is not of the form {@link ReportNumber#FORM} */
    @Override
    public void registerCommitmentDigest(SessionToken token, String commitmentNo, ReportDigest digest)
            throws PlatformException {
        ReportNumber.require(commitmentNo);
        call(Operation.REGISTER_COMMITMENT_DIGEST,
                new Request.Builder().url(url("v1", "commitments", commitmentNo, "digest")).put(json(digest)),
                Optional.of(token), r -> null);
    }

    @Override
    public ComplaintTicket fileComplaint(SessionToken token, ComplaintRequest request) throws PlatformException {
        return call(Operation.FILE_COMPLAINT, post(url("v1", "complaints"), request), Optional.of(token),
                r -> parse(Operation.FILE_COMPLAINT, r, ComplaintTicket.class));
    }

    // ---- kiosk operations ------------------------------------------------------------------------------------

    @Override
    public ConfigAnswer getKioskConfig(Optional<String> etag) throws PlatformException {
        Request.Builder request = get(url("v1", "kiosks", settings.kioskId(), "config"));
        etag.ifPresent(e -> request.header("If-None-Match", e));
        return call(Operation.GET_KIOSK_CONFIG, request, Optional.empty(), r -> {
            if (r.code() == 304) {
                return new ConfigAnswer(Optional.empty(), etag);
            }
            ConfigBundle bundle = parse(Operation.GET_KIOSK_CONFIG, r, ConfigBundle.class);
            return new ConfigAnswer(Optional.of(bundle), Optional.ofNullable(r.header("ETag")));
        });
    }

    @Override
    public HeartbeatAnswer heartbeat(Heartbeat heartbeat) throws PlatformException {
        return call(Operation.HEARTBEAT, post(url("v1", "kiosks", settings.kioskId(), "heartbeat"), heartbeat),
                Optional.empty(), r -> {
                    HeartbeatAnswer a = parse(Operation.HEARTBEAT, r, HeartbeatAnswer.class);
                    for (int i = 0; i < a.commands().size(); i++) {
                        // Each id goes back into reportCommandResult's URL path.
                        if (!CommandId.isValid(a.commands().get(i).commandId())) {
                            throw new PlatformException.Protocol(Operation.HEARTBEAT.operationId() + ": commands[" + i
                                    + "].commandId is not a safe command id (1-64 of A-Z a-z 0-9 . _ -)", null);
                        }
                    }
                    return a;
                });
    }

    /** @throws IllegalArgumentException when {@code commandId} is not a {@link CommandId} */
    @Override
    public void reportCommandResult(String commandId, CommandResult result) throws PlatformException {
        CommandId.require(commandId);
        call(Operation.REPORT_COMMAND_RESULT,
                post(url("v1", "kiosks", settings.kioskId(), "commands", commandId, "result"), result),
                Optional.empty(), r -> null);
    }

    // ---- contract 1.1: hall content (issue 12) -----------------------------------------------------------------

    /** Contract: content files are at most 5 MiB. */
    public static final int MAX_CONTENT_BYTES = 5 * 1024 * 1024;

    @Override
    public byte[] getContent(String sha256) throws PlatformException {
        if (sha256 == null || !sha256.matches("[0-9a-f]{64}")) {
            throw new IllegalArgumentException("not a SHA-256 in lowercase hex");
        }
        return call(Operation.GET_CONTENT, get(url("v1", "content", sha256)), Optional.empty(), r -> {
            ResponseBody body = r.body();
            if (body == null) {
                throw new PlatformException.Protocol("getContent: no body", null);
            }
            BufferedSource source = body.source();
            if (body.contentLength() > MAX_CONTENT_BYTES || source.request(MAX_CONTENT_BYTES + 1L)) {
                throw new PlatformException.Protocol("getContent: file exceeds the contract's 5 MiB", null);
            }
            byte[] bytes = source.getBuffer().readByteArray();
            String got = java.util.HexFormat.of().formatHex(sha256(bytes));
            if (!got.equals(sha256)) {
                throw new PlatformException.Protocol("getContent: the bytes' SHA-256 is " + got + ", not the one asked for", null);
            }
            return bytes;
        });
    }

    @Override
    public void uploadLogs(String commandId, byte[] gzip) throws PlatformException {
        CommandId.require(commandId);
        if (gzip.length > MAX_CONTENT_BYTES) {
            throw new IllegalArgumentException("logs of " + gzip.length + " bytes exceed the contract's 5 MiB");
        }
        call(Operation.UPLOAD_LOGS, new Request.Builder().url(url("v1", "kiosks", settings.kioskId(), "logs", commandId))
                .put(RequestBody.create(gzip, MediaType.get("application/gzip"))), Optional.empty(), r -> null);
    }

    private static byte[] sha256(byte[] bytes) {
        try {
            return java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * After a visit (on a session worker, after the platform session was closed): kept-alive connections go, since
     * their TLS record buffers still hold the last answers in plain text, and Okio's pooled segments are zeroed.
     * The next visit opens a fresh connection (one handshake, tens of milliseconds on a hall network).
     */
    @Override
    public void forgetVisit() {
        root.connectionPool().evictAll();
        ReusedBuffers.overwriteOkioPool();
    }

    @Override
    public void close() {
        root.dispatcher().executorService().shutdown();
        root.connectionPool().evictAll();
    }

    // ---- the one call path -----------------------------------------------------------------------------------

    @FunctionalInterface
    private interface AnswerReader<T> {
        T read(Response response) throws IOException, PlatformException;
    }

    private <T> T call(Operation op, Request.Builder builder, Optional<SessionToken> token, AnswerReader<T> reader)
            throws PlatformException {
        token.ifPresent(t -> builder.header("Authorization", "Bearer " + t.value()));
        builder.header("Accept", "application/json");
        Request request = builder.build();
        long budgetEnd = System.nanoTime() + settings.retryBudget().toNanos();
        OkHttpClient client = clients.get(op);
        try {
            return attempts(op, request, reader, client, budgetEnd);
        } catch (PlatformException.Api e) {
            observer.rejected(op, e);
            ErrorCatalog.log(LOG, op, e);
            throw e;
        } catch (PlatformException.Protocol e) {
            observer.malformed(op, e);
            ErrorCatalog.log(LOG, op, e);
            throw e;
        }
    }

    private <T> T attempts(Operation op, Request request, AnswerReader<T> reader, OkHttpClient client, long budgetEnd)
            throws PlatformException {
        for (int attempt = 1; ; attempt++) {
            if (!observer.admit(op)) {
                throw new PlatformException.Transport(PlatformException.Transport.Kind.UNREACHABLE,
                        op.operationId() + " not sent: the platform is marked unavailable (circuit open)", null);
            }
            long started = System.nanoTime();
            PlatformException.Api error;
            try (Response response = client.newCall(request).execute()) {
                Duration latency = Duration.ofNanos(System.nanoTime() - started);
                String requestId = Optional.ofNullable(response.header("X-Request-Id"))
                        .map(r -> UntrustedText.forLog(r, PlatformException.Api.MAX_ID_CHARS)).orElse("-");
                Optional<Duration> offset = clockOffset(response);
                offset.ifPresent(this::noteClockOffset);
                LOG.info("platform {} -> {} request-id {} in {} ms (attempt {})", op.operationId(), response.code(),
                        requestId, latency.toMillis(), attempt);
                if (response.isSuccessful() || response.code() == 304) {
                    observer.answered(op, response.code(), latency, offset);
                    return reader.read(response);
                }
                try {
                    error = apiError(op, response);
                } catch (PlatformException.Transport gateway) {
                    // A gateway answered, not the platform: counts as a transport failure for the breaker.
                    observer.failed(op, gateway);
                    LOG.atLevel(ErrorCatalog.of(gateway).logLevel()).log("platform {}: {}", op.operationId(),
                            gateway.getMessage());
                    throw gateway;
                }
                observer.answered(op, response.code(), latency, offset);
            } catch (IOException e) {
                PlatformException.Transport failure = transport(op, e);
                observer.failed(op, failure);
                LOG.atLevel(ErrorCatalog.of(failure).logLevel()).log("platform {} failed after {} ms (attempt {}): {}",
                        op.operationId(), Duration.ofNanos(System.nanoTime() - started).toMillis(), attempt,
                        failure.getMessage());
                throw failure;
            }
            if (!retryable(op, error, attempt, budgetEnd)) {
                throw error;
            }
            Duration wait = error.retryAfter().orElse(DEFAULT_BACKOFF);
            LOG.info("platform {} answered {} {}; retrying in {} ms", op.operationId(), error.httpStatus(),
                    error.rawCode(), wait.toMillis());
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw error;
            }
        }
    }

    private boolean retryable(Operation op, PlatformException.Api error, int attempt, long budgetEnd) {
        if (!op.idempotent() || attempt >= settings.maxAttempts()) {
            return false;
        }
        if (error.httpStatus() != 503 && error.httpStatus() != 429) {
            return false;
        }
        Duration wait = error.retryAfter().orElse(DEFAULT_BACKOFF);
        return wait.compareTo(settings.maxRetryAfter()) <= 0 && System.nanoTime() + wait.toNanos() < budgetEnd;
    }

    private PlatformException.Api apiError(Operation op, Response response) throws IOException, PlatformException {
        Optional<String> requestId = Optional.ofNullable(response.header("X-Request-Id"));
        Optional<Duration> retryAfter = retryAfter(response.header("Retry-After"));
        byte[] body = readLimited(op, response);
        ApiError error;
        try {
            error = Json.mapper().readValue(body, ApiError.class);
        } catch (IOException e) {
            if (response.code() == 502 || response.code() == 503 || response.code() == 504) {
                // A gateway in front of the platform answered, not the platform: the platform is unreachable.
                throw new PlatformException.Transport(PlatformException.Transport.Kind.UNREACHABLE,
                        op.operationId() + ": HTTP " + response.code() + " without a contract Error body", null);
            }
            throw new PlatformException.Protocol(op.operationId() + ": HTTP " + response.code()
                    + " with a body that is not a contract Error (" + describe(e) + ")", null);
        }
        return new PlatformException.Api(response.code(), error.code(), error.message(),
                error.requestId().or(() -> requestId), retryAfter);
    }

    private <T> T parse(Operation op, Response response, Class<T> type) throws IOException, PlatformException {
        byte[] body = readLimited(op, response);
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw new PlatformException.Protocol(op.operationId() + ": answer does not match the contract's "
                    + type.getSimpleName() + " (" + describe(e) + ")", null);
        }
    }

    private byte[] readLimited(Operation op, Response response) throws IOException, PlatformException {
        ResponseBody body = response.body();
        if (body == null) {
            return new byte[0];
        }
        long max = settings.maxBodyBytes();
        if (body.contentLength() > max) {
            throw new PlatformException.Protocol(op.operationId() + ": answer of " + body.contentLength()
                    + " bytes exceeds the limit of " + max, null);
        }
        BufferedSource source = body.source();
        if (source.request(max + 1)) {
            throw new PlatformException.Protocol(op.operationId() + ": answer exceeds the limit of " + max + " bytes", null);
        }
        return source.getBuffer().readByteArray();
    }

    /** A report number in an answer that breaks {@link ReportNumber#PATTERN}: a protocol error (never its value). */
    private static void requireReportNo(Operation op, String reportNo) throws PlatformException.Protocol {
        if (!ReportNumber.isValid(reportNo)) {
            throw new PlatformException.Protocol(op.operationId() + ": reportNo is not a report number of the form "
                    + ReportNumber.FORM, null);
        }
    }

    /**
     * A parse failure described by where it happened, never by the offending value (which could be a name or a
     * number). The Jackson exception is deliberately not kept as the cause for the same reason.
     */
    static String describe(IOException e) {
        if (e instanceof JsonMappingException m) {
            String path = m.getPath().stream()
                    .map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            String what = m instanceof ValueInstantiationException && m.getCause() instanceof IllegalArgumentException iae
                    ? iae.getMessage() : m.getClass().getSimpleName();
            // Field names are the answer's own (map keys too): untrusted like any other text of the answer.
            return (path.isEmpty() ? "at top level" : "at " + UntrustedText.forLog(path)) + ": " + what;
        }
        if (e instanceof JsonProcessingException p) {
            return "malformed JSON" + (p.getLocation() != null ? " near byte " + p.getLocation().getByteOffset() : "");
        }
        return e.getClass().getSimpleName();
    }

    private PlatformException.Transport transport(Operation op, IOException e) {
        PlatformException.Transport.Kind kind;
        if (e instanceof SSLException) {
            kind = PlatformException.Transport.Kind.TLS;
        } else if (e instanceof SocketTimeoutException
                || (e instanceof InterruptedIOException && "timeout".equals(e.getMessage()))) {
            kind = PlatformException.Transport.Kind.TIMEOUT;
        } else {
            kind = PlatformException.Transport.Kind.UNREACHABLE;
        }
        // An IOException's message may quote the server (a status line, a certificate's names): untrusted text.
        return new PlatformException.Transport(kind, op.operationId() + ": " + e.getClass().getSimpleName()
                + (e.getMessage() == null ? "" : " " + UntrustedText.forLog(e.getMessage())), e);
    }

    /** The maintenance side hears of a drifting clock before citizens do (the contract refuses ±300 s). */
    private void noteClockOffset(Duration offset) {
        lastClockOffset.set(offset);
        if (offset.abs().compareTo(CLOCK_WARNING) <= 0) {
            return;
        }
        long now = System.nanoTime();
        long last = lastSkewWarning.get();
        if (last != Long.MIN_VALUE && now - last < Duration.ofMinutes(10).toNanos()) {
            return;
        }
        if (lastSkewWarning.compareAndSet(last, now)) {
            boolean outside = offset.abs().compareTo(CLOCK_WINDOW) > 0;
            LOG.atLevel(outside ? org.slf4j.event.Level.ERROR : org.slf4j.event.Level.WARN).log(
                    "kiosk clock is {} s {} the platform's Date ({}); check time synchronisation (timedatectl)",
                    offset.abs().toSeconds(), offset.isNegative() ? "ahead of" : "behind", outside ? "outside the contract's ±300 s: requests are refused with CLOCK_SKEW"
                            : "within the contract's ±300 s, but drifting");
        }
    }

    private Optional<Duration> clockOffset(Response response) {
        Date date = response.headers().getDate("Date");
        if (date == null) {
            return Optional.empty();
        }
        return Optional.of(Duration.between(clock.instant(), date.toInstant()));
    }

    /** {@code Retry-After} as seconds (the contract) or, tolerated, an HTTP date. */
    private Optional<Duration> retryAfter(String value) {
        if (value == null || value.isBlank()) {
            return Optional.empty();
        }
        try {
            long seconds = Long.parseLong(value.strip());
            return seconds < 0 ? Optional.empty() : Optional.of(Duration.ofSeconds(seconds));
        } catch (NumberFormatException e) {
            Date date = okhttp3.internal.http.DatesKt.toHttpDateOrNull(value);
            if (date == null) {
                return Optional.empty();
            }
            Duration d = Duration.between(clock.instant(), date.toInstant());
            return Optional.of(d.isNegative() ? Duration.ZERO : d);
        }
    }

    private HttpUrl url(String... segments) {
        HttpUrl.Builder b = base.newBuilder();
        for (String s : segments) {
            b.addPathSegment(s);
        }
        return b.build();
    }

    private static Request.Builder get(HttpUrl url) {
        return new Request.Builder().url(url).get();
    }

    private static Request.Builder post(HttpUrl url, Object body) throws PlatformException {
        return new Request.Builder().url(url).post(json(body));
    }

    private static RequestBody json(Object body) throws PlatformException {
        try {
            return RequestBody.create(Json.mapper().writeValueAsBytes(body), JSON);
        } catch (JsonProcessingException e) {
            throw new PlatformException.Protocol("cannot write " + body.getClass().getSimpleName() + " as JSON", null);
        }
    }

    private static void configureTls(OkHttpClient.Builder builder, PlatformSettings settings) {
        if (settings.truststore().isPresent()) {
            Path path = settings.truststore().get();
            try (InputStream in = Files.newInputStream(path)) {
                KeyStore store = KeyStore.getInstance("PKCS12");
                store.load(in, settings.truststorePassword().map(String::toCharArray).orElse(null));
                TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
                tmf.init(store);
                X509TrustManager tm = Arrays.stream(tmf.getTrustManagers())
                        .filter(X509TrustManager.class::isInstance).map(X509TrustManager.class::cast)
                        .findFirst().orElseThrow(() -> new GeneralSecurityException("no X509 trust manager"));
                SSLContext context = SSLContext.getInstance("TLS");
                context.init(null, new TrustManager[] {tm}, null);
                builder.sslSocketFactory(context.getSocketFactory(), tm);
            } catch (IOException | GeneralSecurityException e) {
                throw new IllegalArgumentException("platform trust store " + path + " cannot be used: " + e.getMessage(), e);
            }
        }
        if (!settings.pins().isEmpty()) {
            CertificatePinner.Builder pinner = new CertificatePinner.Builder();
            String host = settings.url().host();
            settings.pins().forEach(pin -> pinner.add(host, pin));
            builder.certificatePinner(pinner.build());
        }
    }

}
