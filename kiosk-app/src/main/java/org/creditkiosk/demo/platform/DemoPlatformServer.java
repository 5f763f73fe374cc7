package org.creditkiosk.demo.platform;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.HttpPlatformClient;
import org.creditkiosk.platform.PlatformSettings;
import org.creditkiosk.platform.RequestSigner;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.Heartbeat;
import org.creditkiosk.platform.api.HeartbeatAnswer;
import org.creditkiosk.platform.api.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded demo platform: the whole contract of {@code shared/platform-api/openapi.yaml} on a loopback port,
 * over the fixtures of {@link DemoFixtures}. It checks request signatures like the real platform (BAD_SIGNATURE,
 * CLOCK_SKEW ±300 s, REPLAYED_NONCE within 10 minutes), so the kiosk's real client is exercised in demo mode.
 *
 * <p>Fault injection for tests and demonstrations: the demo-only request header {@code X-Demo-Fault} or
 * {@link #injectNextFault(String)} with comma-separated items: an error code ({@code MAINTENANCE},
 * {@code RATE_LIMITED}, ...; optionally {@code retry=<s>} for its Retry-After), {@code delay=<ms>},
 * {@code malformed} (a 200 whose body is not JSON), {@code truncated} (the real answer cut in half, with a
 * matching Content-Length), {@code status=<n>} (a bare gateway-style answer with that status and no contract body).
 *
 * <p>The kiosk secret is handed in by the owner (generated in memory by {@link #newSecret()}), never stored.
 */
public final class DemoPlatformServer implements AutoCloseable {

    private final java.util.concurrent.atomic.AtomicInteger answered = new java.util.concurrent.atomic.AtomicInteger();

    private static final Logger LOG = LoggerFactory.getLogger(DemoPlatformServer.class);
    public static final String FAULT_HEADER = "X-Demo-Fault";
    /** Contract 1.1: uploadLogs bodies are at most 5 MiB; every other request is small. */
    private static final int MAX_REQUEST_BYTES = 5 * (1 << 20) + 1024;
    private static final Pattern TIMESTAMP = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}Z");

    static {
        // The JDK server writes headers and body separately; with Nagle on, the body waits for the client's delayed
        // ACK and every call costs ~40 ms on loopback. Read once by sun.net.httpserver.ServerConfig.
        if (System.getProperty("sun.net.httpserver.nodelay") == null) {
            System.setProperty("sun.net.httpserver.nodelay", "true");
        }
    }

    private final DemoSettings settings;
    private final String kioskId;
    private final byte[] secret;
    private final Clock clock;
    private final DemoPlatform platform;
    private final HttpServer server;
    private final ExecutorService executor;
    private final Map<String, Instant> nonces = new HashMap<>();
    private final Deque<String> faults = new ArrayDeque<>();
    private final AtomicLong requestIds = new AtomicLong();
    private volatile boolean kioskDisabled;
    private volatile boolean offline;
    private volatile Optional<Duration> maintenance = Optional.empty();

    private DemoPlatformServer(DemoSettings settings, DemoFixtures fixtures, String kioskId, byte[] secret, Clock clock,
            Optional<javax.net.ssl.SSLContext> tls) throws IOException {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.kioskId = Objects.requireNonNull(kioskId, "kioskId");
        this.secret = secret.clone();
        this.clock = Objects.requireNonNull(clock, "clock");
        this.platform = new DemoPlatform(settings, fixtures, clock, kioskId);
        InetSocketAddress address = new InetSocketAddress(InetAddress.getLoopbackAddress(), settings.port());
        if (tls.isPresent()) {
            com.sun.net.httpserver.HttpsServer https = com.sun.net.httpserver.HttpsServer.create(address, 0);
            https.setHttpsConfigurator(new com.sun.net.httpserver.HttpsConfigurator(tls.get()));
            this.server = https;
        } else {
            this.server = HttpServer.create(address, 0);
        }
        this.executor = Executors.newFixedThreadPool(8, r -> {
            Thread t = new Thread(r, "demo-platform");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext(settings.basePath().isEmpty() ? "/" : settings.basePath() + "/", this::handle);
    }

    /** Starts on the loopback interface; {@link #baseUrl()} tells where. */
    public static DemoPlatformServer start(DemoSettings settings, String kioskId, byte[] secret, Clock clock)
            throws IOException {
        return start(settings, kioskId, secret, clock, Optional.empty());
    }

    /**
     * Starts on the loopback interface over TLS with {@code tls}'s server certificate: the platform stand-in of
     * the configured kiosk's tests (trust store, pins). The kiosk's demo mode uses plain HTTP on loopback.
     */
    public static DemoPlatformServer start(DemoSettings settings, String kioskId, byte[] secret, Clock clock,
            Optional<javax.net.ssl.SSLContext> tls) throws IOException {
        DemoPlatformServer s = new DemoPlatformServer(settings, DemoFixtures.load(), kioskId, secret, clock, tls);
        s.server.start();
        LOG.info("demo platform listening on {} for kiosk {}", s.baseUrl(), kioskId);
        return s;
    }

    /** 32 random bytes for one demo run; hand the same array to the server and to the client. */
    public static byte[] newSecret() {
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        return secret;
    }

    /** e.g. {@code http://127.0.0.1:41234/api}: the server URL the kiosk's client is given. */
    public String baseUrl() {
        return (server instanceof com.sun.net.httpserver.HttpsServer ? "https://" : "http://")
                + server.getAddress().getAddress().getHostAddress() + ":" + server.getAddress().getPort()
                + settings.basePath();
    }

    /**
     * Platform settings pointing at this server (no secret file: the secret is passed in memory), expecting the
     * verification links of its {@link DemoSettings#publicVerifyBase()}.
     */
    public PlatformSettings clientSettings() {
        return PlatformSettings.of(baseUrl(), kioskId, Optional.empty())
                .withVerifyHost(java.net.URI.create(settings.publicVerifyBase()).getHost());
    }

    /** The kiosk's real client, wired to this server with the shared in-memory secret. */
    public HttpPlatformClient client(CallObserver observer) {
        return new HttpPlatformClient(clientSettings(), secret, Clock.systemUTC(), RequestSigner.secureNonces(),
                observer, HttpPlatformClient.Sleeper.REAL);
    }

    // ---- controls for tests and the demo panel ---------------------------------------------------------------

    /** The next request (of any operation) gets this fault; see the class comment for the syntax. */
    public void injectNextFault(String spec) {
        synchronized (faults) {
            faults.add(spec);
        }
    }

    /**
     * While set, every connection is dropped without an answer: to the kiosk the platform is unreachable (transport
     * failures, the circuit breaker opens). For the "platform down → out-of-service → back" demonstrations and tests.
     */
    public void setOffline(boolean offline) {
        this.offline = offline;
    }

    public void setKioskDisabled(boolean disabled) {
        this.kioskDisabled = disabled;
    }

    /** While set, every request is answered 503 MAINTENANCE with this Retry-After. */
    public void setMaintenance(Optional<Duration> retryAfter) {
        this.maintenance = retryAfter;
    }

    /** Contract 1.1 uploadLogs: the gzip bodies received, by command id. */
    public Map<String, byte[]> uploadedLogs() {
        return platform.uploadedLogs();
    }

    /** Contract 1.1: serves {@code bytes} at {@code /v1/content/<their SHA-256>}; returns the hash. */
    public String putContent(byte[] bytes) {
        return platform.putContent(bytes);
    }

    public void setConfigBundle(ConfigBundle bundle) {
        platform.setConfigBundle(bundle);
    }

    public void queueCommand(HeartbeatAnswer.Command command) {
        platform.queueCommand(command);
    }

    public Map<String, CommandResult> commandResults() {
        return platform.commandResults();
    }

    public List<Heartbeat> heartbeats() {
        return platform.heartbeats();
    }

    public void revokeReport(String reportNo) {
        platform.revokeReport(reportNo);
    }

    /** Simulates a department changing a record while a citizen looks at it. */
    public void bumpRecordVersion(String recordId) {
        platform.bumpRecordVersion(recordId);
    }

    public int openSessions() {
        return platform.openSessions();
    }

    /** How many requests the server has answered (any status) since it started. */
    public int requestsAnswered() {
        return answered.get();
    }

    /** The SHA-256 digests (hex) registered for reports so far. */
    public List<String> registeredDigests() {
        return platform.registeredDigests();
    }

    // contract 1.1 (issue 15)

    /** A department revises a commitment template: new version and text (TEMPLATE_CHANGED for the old one). */
    public org.creditkiosk.platform.api.CommitmentTemplate reviseCommitmentTemplate(String templateId) {
        return platform.reviseTemplate(templateId);
    }

    /** The SHA-256 digests (hex) registered for printed commitments so far. */
    public List<String> registeredCommitmentDigests() {
        return platform.registeredCommitmentDigests();
    }

    /** The complaints received so far (for tests: what the kiosk sent). */
    public List<org.creditkiosk.platform.api.ComplaintRequest> complaints() {
        return platform.complaints();
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
        Arrays.fill(secret, (byte) 0);
    }

    // ---- HTTP ------------------------------------------------------------------------------------------------

    private void handle(HttpExchange exchange) throws IOException {
        String requestId = "demo-" + requestIds.incrementAndGet();
        String[] name = {"?"};
        if (offline) {
            exchange.close();  // no status line: the client sees the connection end without an answer
            return;
        }
        try (exchange) {
            byte[] body = readBody(exchange);
            String fault = exchange.getRequestHeaders().getFirst(FAULT_HEADER);
            if (fault == null) {
                synchronized (faults) {
                    fault = faults.poll();
                }
            }
            DemoPlatform.Answer answer;
            Fault f = Fault.parse(fault);
            try {
                if (body == null) {
                    throw new DemoError(ErrorCode.INVALID_ARGUMENT, "request body larger than " + MAX_REQUEST_BYTES);
                }
                verifySignature(exchange, body);
                if (kioskDisabled) {
                    throw new DemoError(ErrorCode.KIOSK_DISABLED, "kiosk disabled by the administrators");
                }
                if (maintenance.isPresent()) {
                    throw new DemoError(ErrorCode.MAINTENANCE, "platform under maintenance", maintenance);
                }
                f.delay();
                if (f.code.isPresent()) {
                    throw new DemoError(f.code.get(), "injected fault", Optional.of(f.retryAfter));
                }
                if (f.unknown.isPresent()) {
                    throw new DemoError(ErrorCode.INVALID_ARGUMENT, "unknown " + FAULT_HEADER + " item '" + f.unknown.get() + "'");
                }
                answer = answerOrInternal(exchange, body, name);
            } catch (DemoError e) {
                Map<String, Object> error = new LinkedHashMap<>();
                error.put("code", e.code.name());
                error.put("message", e.getMessage());
                error.put("requestId", requestId);
                Map<String, String> headers = new HashMap<>();
                e.retryAfter.ifPresent(r -> headers.put("Retry-After", Long.toString(r.toSeconds())));
                if (e.retryAfter.isEmpty() && (e.status() == 429 || e.status() == 503)) {
                    headers.put("Retry-After", "1");
                }
                answer = new DemoPlatform.Answer(e.status(), Optional.of(error), headers);
            }
            write(exchange, requestId, answer, f);
            answered.incrementAndGet();
            LOG.info("demo platform {} -> {}{} request-id {}", name[0], answer.status(),
                    answer.status() >= 400 ? " " + errorCode(answer) : "", requestId);
        } catch (RuntimeException e) {
            LOG.warn("demo platform request {} failed: {}", requestId, e.toString());
        }
    }

    private record Routed(String route, DemoPlatform.Answer answer) {
    }

    private static final Pattern ORG = Pattern.compile("/v1/organizations/([^/]+)/record");
    private static final Pattern DIGEST = Pattern.compile("/v1/reports/([^/]+)/digest");
    private static final Pattern COMMITMENT_DIGEST = Pattern.compile("/v1/commitments/([^/]+)/digest");
    private static final Pattern VERIFY = Pattern.compile("/v1/reports/([^/]+)/verification");
    private static final Pattern CONTENT = Pattern.compile("/v1/content/([^/]+)");
    private static final Pattern LOGS = Pattern.compile("/v1/kiosks/([^/]+)/logs/([^/]+)");
    private static final Pattern KIOSK = Pattern.compile("/v1/kiosks/([^/]+)/(config|heartbeat|commands/([^/]+)/result)");

    /** A bug in the demo must still end in a contract answer (500 INTERNAL), not a dropped connection. */
    private DemoPlatform.Answer answerOrInternal(HttpExchange exchange, byte[] body, String[] name) throws DemoError {
        try {
            return route(exchange, body, name).answer;
        } catch (RuntimeException e) {
            LOG.warn("demo platform {} failed: {}", name[0], e.toString());
            throw new DemoError(ErrorCode.INTERNAL, "demo platform fault: " + e.getClass().getSimpleName());
        }
    }

    @SuppressWarnings("unchecked")
    private static String errorCode(DemoPlatform.Answer answer) {
        return answer.body().filter(Map.class::isInstance).map(b -> String.valueOf(((Map<String, Object>) b).get("code")))
                .orElse("");
    }

    /** Finds the operation; {@code name[0]} is set to its operationId before it runs, for the log line. */
    private Routed route(HttpExchange exchange, byte[] body, String[] name) throws DemoError {
        String method = exchange.getRequestMethod();
        String path = exchange.getRequestURI().getPath().substring(settings.basePath().length());
        Optional<String> bearer = Optional.ofNullable(exchange.getRequestHeaders().getFirst("Authorization"))
                .filter(a -> a.startsWith("Bearer ")).map(a -> a.substring(7).strip());
        Matcher m;
        switch (method + " " + path) {
            case "POST /v1/sessions":
                name[0] = "openSession";
                return new Routed("openSession", platform.openSession(body));
            case "DELETE /v1/sessions/current":
                name[0] = "closeSession";
                return new Routed("closeSession", platform.closeSession(bearer));
            case "GET /v1/sessions/current/record":
                name[0] = "getOwnRecord";
                return new Routed("getOwnRecord", platform.getOwnRecord(bearer));
            case "GET /v1/public/lists":
                name[0] = "searchPublicLists";
                return new Routed("searchPublicLists", platform.searchPublicLists(query(exchange)));
            case "POST /v1/reports":
                name[0] = "allocateReport";
                return new Routed("allocateReport", platform.allocateReport(bearer, body));
            case "POST /v1/objections":
                name[0] = "fileObjection";
                return new Routed("fileObjection", platform.fileObjection(bearer, body));
            // contract 1.1: credit commitments and complaints (issue 15)
            case "GET /v1/commitments/templates":
                name[0] = "listCommitmentTemplates";
                return new Routed("listCommitmentTemplates", platform.listCommitmentTemplates(bearer, query(exchange)));
            case "POST /v1/commitments":
                name[0] = "signCommitment";
                return new Routed("signCommitment", platform.signCommitment(bearer, body));
            case "POST /v1/complaints":
                name[0] = "fileComplaint";
                return new Routed("fileComplaint", platform.fileComplaint(bearer, body));
            default:
                break;
        }
        if (method.equals("GET") && (m = ORG.matcher(path)).matches()) {
            name[0] = "getOrganizationRecord";
                return new Routed("getOrganizationRecord", platform.getOrganizationRecord(bearer, m.group(1)));
        }
        if (method.equals("PUT") && (m = DIGEST.matcher(path)).matches()) {
            name[0] = "registerReportDigest";
                return new Routed("registerReportDigest", platform.registerReportDigest(bearer, m.group(1), body));
        }
        if (method.equals("PUT") && (m = COMMITMENT_DIGEST.matcher(path)).matches()) {
            name[0] = "registerCommitmentDigest";
            return new Routed("registerCommitmentDigest", platform.registerCommitmentDigest(bearer, m.group(1), body));
        }
        if (method.equals("GET") && (m = VERIFY.matcher(path)).matches()) {
            name[0] = "verifyReport";
                return new Routed("verifyReport", platform.verifyReport(m.group(1)));
        }
        // --- contract 1.1: hall content and logs (issue 12) ---
        if (method.equals("PUT") && (m = LOGS.matcher(path)).matches()) {
            if (!m.group(1).equals(kioskId)) {
                throw new DemoError(ErrorCode.NOT_AUTHORIZED, "a kiosk may only use its own kiosk resources");
            }
            name[0] = "uploadLogs";
            return new Routed("uploadLogs", platform.uploadLogs(m.group(2), body));
        }
        if (method.equals("GET") && (m = CONTENT.matcher(path)).matches()) {
            name[0] = "getContent";
            return new Routed("getContent", platform.getContent(m.group(1)));
        }
        if ((m = KIOSK.matcher(path)).matches()) {
            if (!m.group(1).equals(kioskId)) {
                throw new DemoError(ErrorCode.NOT_AUTHORIZED, "a kiosk may only use its own kiosk resources");
            }
            if (method.equals("GET") && m.group(2).equals("config")) {
                name[0] = "getKioskConfig";
                return new Routed("getKioskConfig", platform.getKioskConfig(
                        Optional.ofNullable(exchange.getRequestHeaders().getFirst("If-None-Match"))));
            }
            if (method.equals("POST") && m.group(2).equals("heartbeat")) {
                name[0] = "heartbeat";
                return new Routed("heartbeat", platform.heartbeat(body));
            }
            if (method.equals("POST") && m.group(3) != null) {
                name[0] = "reportCommandResult";
                return new Routed("reportCommandResult", platform.reportCommandResult(m.group(3), body));
            }
        }
        throw new DemoError(ErrorCode.INVALID_ARGUMENT, "no operation " + method + " " + path);
    }

    /** The contract's signature check, in the order a careful platform would do it. */
    private void verifySignature(HttpExchange exchange, byte[] body) throws DemoError {
        var h = exchange.getRequestHeaders();
        String kiosk = h.getFirst(RequestSigner.KIOSK_ID);
        String ts = h.getFirst(RequestSigner.TIMESTAMP);
        String nonce = h.getFirst(RequestSigner.NONCE);
        String bodySha = h.getFirst(RequestSigner.BODY_SHA256);
        String signature = h.getFirst(RequestSigner.SIGNATURE);
        if (kiosk == null || ts == null || nonce == null || bodySha == null || signature == null) {
            throw new DemoError(ErrorCode.BAD_SIGNATURE, "signature headers missing");
        }
        if (!kiosk.equals(kioskId)) {
            throw new DemoError(ErrorCode.BAD_SIGNATURE, "unknown kiosk id");
        }
        if (!nonce.matches("[0-9a-f]{32}") || !TIMESTAMP.matcher(ts).matches()) {
            throw new DemoError(ErrorCode.BAD_SIGNATURE, "malformed nonce or timestamp");
        }
        if (!bodySha.equals(RequestSigner.sha256Hex(body))) {
            throw new DemoError(ErrorCode.BAD_SIGNATURE, "X-Body-SHA256 does not match the body");
        }
        String rawQuery = exchange.getRequestURI().getRawQuery();
        String target = exchange.getRequestURI().getRawPath() + (rawQuery == null ? "" : "?" + rawQuery);
        String expected = RequestSigner.sign(secret,
                RequestSigner.canonical(exchange.getRequestMethod(), target, ts, nonce, bodySha));
        if (!MessageDigest.isEqual(expected.getBytes(StandardCharsets.US_ASCII), signature.getBytes(StandardCharsets.US_ASCII))) {
            throw new DemoError(ErrorCode.BAD_SIGNATURE, "signature does not verify");
        }
        Instant now = clock.instant();
        Instant sent;
        try {
            sent = Instant.parse(ts);
        } catch (DateTimeParseException e) {
            throw new DemoError(ErrorCode.BAD_SIGNATURE, "malformed timestamp");
        }
        if (Duration.between(sent, now).abs().compareTo(settings.clockSkewWindow()) > 0) {
            throw new DemoError(ErrorCode.CLOCK_SKEW, "X-Timestamp is " + Duration.between(now, sent).toSeconds()
                    + " s off the platform clock (window ±" + settings.clockSkewWindow().toSeconds() + " s)");
        }
        synchronized (nonces) {
            nonces.values().removeIf(seen -> seen.isBefore(now.minus(settings.nonceWindow())));
            if (nonces.putIfAbsent(nonce, now) != null) {
                throw new DemoError(ErrorCode.REPLAYED_NONCE, "nonce used before within " + settings.nonceWindow());
            }
        }
    }

    private void write(HttpExchange exchange, String requestId, DemoPlatform.Answer answer, Fault fault)
            throws IOException {
        var headers = exchange.getResponseHeaders();
        headers.set("X-Request-Id", requestId);
        // No Date here: the JDK server always sets it from the host clock, whatever the injected clock says.
        answer.headers().forEach(headers::set);
        if (fault.status.isPresent()) {
            byte[] html = ("<html><body>" + fault.status.get() + " gateway</body></html>").getBytes(StandardCharsets.UTF_8);
            headers.set("Content-Type", "text/html");
            exchange.sendResponseHeaders(fault.status.get(), html.length);
            exchange.getResponseBody().write(html);
            return;
        }
        if (answer.body().isEmpty()) {
            exchange.sendResponseHeaders(answer.status(), -1);
            return;
        }
        if (answer.body().get() instanceof byte[] raw) {
            // contract 1.1 getContent: the file's bytes as they are (the answer's headers carry the type)
            exchange.sendResponseHeaders(answer.status(), raw.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(raw);
            }
            return;
        }
        byte[] bytes = Json.mapper().writeValueAsBytes(answer.body().get());
        if (fault.malformed) {
            bytes = "{\"recordId\": \"R1\", oops".getBytes(StandardCharsets.UTF_8);
        } else if (fault.truncated) {
            bytes = Arrays.copyOf(bytes, bytes.length / 2);
        }
        headers.set("Content-Type", "application/json; charset=utf-8");
        exchange.sendResponseHeaders(answer.status(), bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    private static byte[] readBody(HttpExchange exchange) throws IOException {
        try (InputStream in = exchange.getRequestBody()) {
            byte[] bytes = in.readNBytes(MAX_REQUEST_BYTES + 1);
            return bytes.length > MAX_REQUEST_BYTES ? null : bytes;
        }
    }

    private static Map<String, String> query(HttpExchange exchange) {
        Map<String, String> out = new HashMap<>();
        String raw = exchange.getRequestURI().getRawQuery();
        if (raw == null) {
            return out;
        }
        for (String pair : raw.split("&")) {
            int eq = pair.indexOf('=');
            String k = URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String v = eq < 0 ? "" : URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            out.putIfAbsent(k, v);
        }
        return out;
    }

    /** A parsed {@code X-Demo-Fault}. */
    private static final class Fault {
        Optional<ErrorCode> code = Optional.empty();
        Duration retryAfter = Duration.ofSeconds(1);
        long delayMs;
        boolean malformed;
        boolean truncated;
        Optional<Integer> status = Optional.empty();
        Optional<String> unknown = Optional.empty();

        static Fault parse(String spec) {
            Fault f = new Fault();
            if (spec == null) {
                return f;
            }
            for (String item : spec.split("[,|]")) {
                String s = item.strip();
                if (s.isEmpty()) {
                    continue;
                }
                try {
                    if (s.startsWith("delay=")) {
                        f.delayMs = Long.parseLong(s.substring(6));
                    } else if (s.startsWith("status=")) {
                        int status = Integer.parseInt(s.substring(7));
                        if (status < 200 || status > 599) {
                            throw new IllegalArgumentException("status outside 200..599");
                        }
                        f.status = Optional.of(status);
                    } else if (s.startsWith("retry=")) {
                        f.retryAfter = Duration.ofSeconds(Long.parseLong(s.substring(6)));
                    } else if (s.equals("malformed")) {
                        f.malformed = true;
                    } else if (s.equals("truncated")) {
                        f.truncated = true;
                    } else {
                        f.code = Optional.of(ErrorCode.valueOf(s));
                    }
                } catch (IllegalArgumentException e) {
                    f.unknown = Optional.of(s);
                }
            }
            return f;
        }

        void delay() {
            if (delayMs > 0) {
                try {
                    Thread.sleep(delayMs);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        }
    }
}
