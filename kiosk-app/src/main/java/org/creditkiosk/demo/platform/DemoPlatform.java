package org.creditkiosk.demo.platform;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Queue;
import org.creditkiosk.platform.ErrorCode;
import org.creditkiosk.platform.IdentityNumber;
import org.creditkiosk.platform.UnifiedSocialCreditCode;
import org.creditkiosk.platform.api.AllocateReportRequest;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.Heartbeat;
import org.creditkiosk.platform.api.HeartbeatAnswer;
import org.creditkiosk.platform.api.IdCardData;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.ListSearchPage;
import org.creditkiosk.platform.api.Masking;
import org.creditkiosk.platform.api.ObjectionRequest;
import org.creditkiosk.platform.api.OpenSessionRequest;
import org.creditkiosk.platform.api.ReportDigest;

/**
 * The behaviour of the contract's operations over the fixtures, without HTTP: sessions, access rules, quotas,
 * report numbers, objections, kiosk config and heartbeat. All state is in memory and guarded by {@code this}.
 */
final class DemoPlatform {

    /** An answer: status, optional JSON body, extra headers. */
    record Answer(int status, Optional<Object> body, Map<String, String> headers) {
        static Answer json(int status, Object body) {
            return new Answer(status, Optional.of(body), Map.of());
        }

        static Answer empty(int status) {
            return new Answer(status, Optional.empty(), Map.of());
        }
    }

    private record Session(String token, String idNumber, Instant expiresAt) {
    }

    private record Report(String reportNo, String recordId, String subjectName, Instant issuedAt, LocalDate validUntil,
                          Optional<ReportDigest> digest) {
    }

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    private final DemoSettings settings;
    private final DemoFixtures fixtures;
    private final Clock clock;
    private final String kioskSeq;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, ObjectNode> records;
    private final Map<String, Session> sessions = new HashMap<>();
    private final Map<String, Report> reports = new LinkedHashMap<>();
    private final Map<String, Integer> fullReportsToday = new HashMap<>();
    private final Map<String, Integer> reportSeqByDay = new HashMap<>();
    private final java.util.Set<String> revokedReports = new java.util.HashSet<>();
    private final Map<String, CommandResult> commandResults = new LinkedHashMap<>();
    private final Queue<HeartbeatAnswer.Command> pendingCommands = new ArrayDeque<>();
    private final List<Heartbeat> heartbeats = new ArrayList<>();
    private int objectionSeq;
    // contract 1.1 (issue 15)
    private final DemoCommitments commitments = new DemoCommitments();
    private final Map<String, Integer> commitmentSeqByDay = new HashMap<>();
    private final List<org.creditkiosk.platform.api.ComplaintRequest> complaints = new ArrayList<>();
    private int complaintSeq;
    private Optional<ConfigBundle> bundle = Optional.empty();
    private long bundleVersion;

    DemoPlatform(DemoSettings settings, DemoFixtures fixtures, Clock clock, String kioskId) {
        this.settings = settings;
        this.fixtures = fixtures;
        this.clock = clock;
        this.records = fixtures.recordTrees();
        this.kioskSeq = String.format("%04d", settings.kioskSeq().orElseGet(() -> trailingNumber(kioskId)) % 10000);
    }

    /** {@code YL-ZWDT-01-K03} → 3: the digits the kiosk id ends with, or 1. */
    static int trailingNumber(String kioskId) {
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d{1,4})$").matcher(kioskId);
        return m.find() ? Integer.parseInt(m.group(1)) : 1;
    }

    // ---- sessions --------------------------------------------------------------------------------------------

    synchronized Answer openSession(byte[] body) throws DemoError {
        OpenSessionRequest request = parse(body, OpenSessionRequest.class);
        String idNumber;
        if (request.method() == OpenSessionRequest.Method.ID_CARD) {
            IdCardData card = request.idCard().orElseThrow(() -> invalid("method ID_CARD needs idCard"));
            if (!IdentityNumber.isValid(card.idNumber())) {
                throw invalid("idCard.idNumber fails the GB 11643 check");
            }
            DemoFixtures.PersonFixture person = fixtures.persons().get(card.idNumber());
            if (person == null) {
                throw new DemoError(ErrorCode.SUBJECT_NOT_FOUND, "no record for this card");
            }
            if (person.cardStatus() == DemoFixtures.CardStatus.REVOKED || expired(card.validTo())) {
                throw new DemoError(ErrorCode.CARD_REVOKED, "card reported lost, expired or cancelled");
            }
            idNumber = card.idNumber();
        } else {
            String payload = request.qrPayload().orElseThrow(() -> invalid("method APP_QR needs qrPayload"));
            if (!payload.matches("XYYL1\\.[A-Za-z0-9_-]{8,500}")) {
                throw invalid("qrPayload is not of the form XYYL1.<token>");
            }
            DemoFixtures.QrToken token = fixtures.qrTokens().get(payload);
            if (token == null || token.state() == DemoFixtures.QrState.EXPIRED) {
                throw new DemoError(ErrorCode.QR_EXPIRED, "app code expired or unknown; refresh it in the app");
            }
            if (token.state() == DemoFixtures.QrState.USED) {
                throw new DemoError(ErrorCode.QR_USED, "app code already used");
            }
            idNumber = token.idNumber();
        }
        DemoFixtures.PersonFixture person = fixtures.persons().get(idNumber);
        String token = HexFormat.of().formatHex(bytes(24));
        Instant expires = now().plus(settings.sessionTtl()).truncatedTo(ChronoUnit.SECONDS);
        sessions.put(token, new Session(token, idNumber, expires));
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("sessionToken", token);
        answer.put("expiresAt", expires.toString());
        ObjectNode subject = (ObjectNode) records.get(person.recordId()).get("subject");
        answer.putObject("person").put("name", subject.get("name").asText())
                .put("idNumberMasked", Masking.idNumber(idNumber));
        ArrayNode represents = answer.putArray("represents");
        for (DemoFixtures.Represents r : person.represents()) {
            ObjectNode org = (ObjectNode) records.get(fixtures.subjects().get(r.uscc()).recordId()).get("subject");
            represents.addObject().put("uscc", r.uscc()).put("name", org.get("name").asText())
                    .put("kind", org.get("kind").asText()).put("role", r.role().name());
        }
        return Answer.json(201, answer);
    }

    synchronized Answer closeSession(Optional<String> bearer) {
        bearer.ifPresent(sessions::remove);
        return Answer.empty(204);
    }

    synchronized Answer getOwnRecord(Optional<String> bearer) throws DemoError {
        Session session = session(bearer);
        return Answer.json(200, recordAnswer(fixtures.persons().get(session.idNumber()).recordId()));
    }

    synchronized Answer getOrganizationRecord(Optional<String> bearer, String uscc) throws DemoError {
        Session session = session(bearer);
        if (!UnifiedSocialCreditCode.isValid(uscc)) {
            throw invalid("uscc is malformed or has a wrong check character");
        }
        DemoFixtures.SubjectFixture subject = fixtures.subjects().get(uscc);
        if (subject == null) {
            throw new DemoError(ErrorCode.SUBJECT_NOT_FOUND, "no organisation with this code");
        }
        if (!represents(session, uscc)) {
            throw new DemoError(ErrorCode.NOT_AUTHORIZED, "the session's person does not represent this organisation");
        }
        return Answer.json(200, recordAnswer(subject.recordId()));
    }

    // ---- public lists and verification ----------------------------------------------------------------------

    synchronized Answer searchPublicLists(Map<String, String> query) throws DemoError {
        String q = Optional.ofNullable(query.get("q")).map(String::strip).orElse("");
        if (q.codePointCount(0, q.length()) < 2 || q.length() > 60) {
            throw invalid("q must be 2 to 60 characters");
        }
        Optional<ListSearchPage.ListKind> list;
        try {
            list = Optional.ofNullable(query.get("list")).map(ListSearchPage.ListKind::valueOf);
        } catch (IllegalArgumentException e) {
            throw invalid("list must be RED or BLACK");
        }
        int page = intParam(query, "page", 1, 1, Integer.MAX_VALUE);
        int size = intParam(query, "size", 20, 1, 50);
        List<ListSearchPage.Item> matches = fixtures.publicLists().stream()
                .filter(i -> list.isEmpty() || i.list() == list.get())
                .filter(i -> i.subjectName().contains(q) || i.uscc().map(q::equalsIgnoreCase).orElse(false))
                .sorted(Comparator.comparing(ListSearchPage.Item::listedOn).reversed())
                .toList();
        int from = (int) Math.min((long) (page - 1) * size, matches.size());
        int to = Math.min(from + size, matches.size());
        return Answer.json(200, new ListSearchPage(page, size, matches.size(), matches.subList(from, to)));
    }

    synchronized Answer verifyReport(String reportNo) {
        Optional<DemoCommitments.Signed> commitment = commitments.signed(reportNo);
        if (commitment.isPresent()) {
            return verifyCommitment(commitment.get());
        }
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("reportNo", reportNo);
        Report report = reports.get(reportNo);
        if (report == null) {
            answer.put("status", "UNKNOWN");
            return Answer.json(200, answer);
        }
        String status = revokedReports.contains(reportNo) ? "REVOKED"
                : today().isAfter(report.validUntil()) ? "EXPIRED" : "VALID";
        answer.put("status", status);
        report.digest().ifPresent(d -> answer.put("sha256", d.sha256()).put("pages", d.pages()));
        answer.put("issuedAt", report.issuedAt().toString());
        answer.put("subjectNameMasked", Masking.name(report.subjectName()));
        answer.put("kind", "REPORT");
        return Answer.json(200, answer);
    }

    // ---- reports ---------------------------------------------------------------------------------------------

    synchronized Answer allocateReport(Optional<String> bearer, byte[] body) throws DemoError {
        Session session = session(bearer);
        AllocateReportRequest request = parse(body, AllocateReportRequest.class);
        ObjectNode record = records.get(request.recordId());
        if (record == null || !mayRead(session, record)) {
            throw new DemoError(ErrorCode.NOT_AUTHORIZED, "record is not the session's own nor a represented organisation's");
        }
        if (record.get("recordVersion").asLong() != request.recordVersion()) {
            throw new DemoError(ErrorCode.RECORD_CHANGED, "record version is now " + record.get("recordVersion").asLong());
        }
        LocalDate today = today();
        if (request.kind() == AllocateReportRequest.ReportKind.FULL) {
            String quotaKey = session.idNumber() + "/" + today;
            int used = fullReportsToday.getOrDefault(quotaKey, 0);
            if (used >= settings.fullReportsPerDay()) {
                Duration untilMidnight = Duration.between(now(), today.plusDays(1).atStartOfDay(settings.zone()).toInstant());
                throw new DemoError(ErrorCode.PRINT_QUOTA_EXCEEDED, "daily quota of " + settings.fullReportsPerDay()
                        + " full reports reached", Optional.of(untilMidnight.truncatedTo(ChronoUnit.SECONDS)));
            }
            fullReportsToday.put(quotaKey, used + 1);
        }
        String day = DAY.format(today);
        int seq = reportSeqByDay.merge(day, 1, Integer::sum);
        String reportNo = "YLXY-" + day + "-" + kioskSeq + "-" + String.format("%06d", seq);
        Instant issuedAt = now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate validUntil = today.plusDays(settings.reportValidityDays());
        reports.put(reportNo, new Report(reportNo, request.recordId(), record.get("subject").get("name").asText(),
                issuedAt, validUntil, Optional.empty()));
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("reportNo", reportNo);
        answer.put("verifyUrl", settings.publicVerifyBase() + "/v?r=" + reportNo);
        answer.put("issuedAt", issuedAt.toString());
        answer.put("validUntil", validUntil.toString());
        return Answer.json(201, answer);
    }

    /** The SHA-256 digests registered for reports so far (what a verifier would compare a printed copy with). */
    synchronized java.util.List<String> registeredDigests() {
        return reports.values().stream().flatMap(r -> r.digest().stream()).map(ReportDigest::sha256).toList();
    }

    synchronized Answer registerReportDigest(Optional<String> bearer, String reportNo, byte[] body) throws DemoError {
        Session session = session(bearer);
        ReportDigest digest = parse(body, ReportDigest.class);
        Report report = reports.get(reportNo);
        if (report == null) {
            throw invalid("unknown report number");
        }
        if (!mayRead(session, records.get(report.recordId()))) {
            throw new DemoError(ErrorCode.NOT_AUTHORIZED, "report belongs to another subject");
        }
        if (report.digest().isPresent()) {
            if (report.digest().get().equals(digest)) {
                return Answer.empty(204);
            }
            throw new DemoError(ErrorCode.DIGEST_MISMATCH, "a different digest was registered before");
        }
        reports.put(reportNo, new Report(report.reportNo(), report.recordId(), report.subjectName(), report.issuedAt(),
                report.validUntil(), Optional.of(digest)));
        return Answer.empty(204);
    }

    // ---- objections ------------------------------------------------------------------------------------------

    synchronized Answer fileObjection(Optional<String> bearer, byte[] body) throws DemoError {
        Session session = session(bearer);
        ObjectionRequest request = parse(body, ObjectionRequest.class);
        ObjectNode record;
        if (request.uscc().isPresent()) {
            String uscc = request.uscc().get();
            if (!UnifiedSocialCreditCode.isValid(uscc)) {
                throw invalid("uscc is malformed or has a wrong check character");
            }
            if (!represents(session, uscc)) {
                throw new DemoError(ErrorCode.NOT_AUTHORIZED, "the session's person does not represent this organisation");
            }
            record = records.get(fixtures.subjects().get(uscc).recordId());
        } else {
            record = records.get(fixtures.persons().get(session.idNumber()).recordId());
        }
        if (!hasItem(record, request.itemId())) {
            throw new DemoError(ErrorCode.SUBJECT_NOT_FOUND, "no such item in the record");
        }
        ArrayNode objections = record.has("objections") ? (ArrayNode) record.get("objections") : record.putArray("objections");
        for (JsonNode o : objections) {
            String status = o.path("status").asText();
            if (o.path("itemId").asText().equals(request.itemId()) && (status.equals("RECEIVED") || status.equals("IN_REVIEW"))) {
                throw new DemoError(ErrorCode.OBJECTION_OPEN, "an objection on this item is being handled");
            }
        }
        LocalDate today = today();
        String ticketNo = "YL-YY-" + DAY.format(today) + "-" + String.format("%04d", ++objectionSeq);
        ObjectNode ticket = objections.addObject();
        ticket.put("ticketNo", ticketNo).put("itemId", request.itemId()).put("status", "RECEIVED")
                .put("filedOn", today.toString()).put("dueOn", today.plusDays(settings.objectionDueDays()).toString());
        // The record changed: a report allocated against the old version is refused with RECORD_CHANGED.
        record.put("recordVersion", record.get("recordVersion").asLong() + 1);
        return Answer.json(201, ticket.deepCopy());
    }

    // ---- contract 1.1: credit commitments and complaints (issue 15) -----------------------------------------------

    synchronized Answer listCommitmentTemplates(Optional<String> bearer, Map<String, String> query) throws DemoError {
        Session session = session(bearer);
        Optional<String> uscc = Optional.ofNullable(query.get("uscc"));
        if (uscc.isPresent()) {
            requireRepresents(session, uscc.get());
        }
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.set("templates", Json.mapper().valueToTree(commitments.templatesFor(
                uscc.isPresent() ? DemoCommitments.Audience.ORGANIZATION : DemoCommitments.Audience.PERSON)));
        return Answer.json(200, answer);
    }

    synchronized Answer signCommitment(Optional<String> bearer, byte[] body) throws DemoError {
        Session session = session(bearer);
        org.creditkiosk.platform.api.CommitmentRequest request = parse(body, org.creditkiosk.platform.api.CommitmentRequest.class);
        ObjectNode record;
        if (request.uscc().isPresent()) {
            requireRepresents(session, request.uscc().get());
            record = records.get(fixtures.subjects().get(request.uscc().get()).recordId());
        } else {
            record = records.get(fixtures.persons().get(session.idNumber()).recordId());
        }
        DemoCommitments.Audience who = request.uscc().isPresent() ? DemoCommitments.Audience.ORGANIZATION
                : DemoCommitments.Audience.PERSON;
        if (commitments.audienceOf(request.templateId()).filter(a -> a != who).isPresent()) {
            throw invalid("template is not for " + (who == DemoCommitments.Audience.PERSON ? "persons" : "organisations"));
        }
        org.creditkiosk.platform.api.CommitmentTemplate template = commitments.check(request);
        LocalDate today = today();
        String day = DAY.format(today);
        int seq = commitmentSeqByDay.merge(day, 1, Integer::sum);
        String no = "YLCN-" + day + "-" + kioskSeq + "-" + String.format("%06d", seq);
        Instant signedAt = now().truncatedTo(ChronoUnit.SECONDS);
        LocalDate publicUntil = today.plusDays(template.publicDays().orElse(365));
        String subjectName = record.get("subject").get("name").asText();
        commitments.add(new DemoCommitments.Signed(no, template, record.get("recordId").asText(), subjectName, signedAt,
                publicUntil, Optional.empty()));
        // Published (信用承诺公示): the commitment enters the subject's record, whose version changes.
        ArrayNode list = record.has("commitments") ? (ArrayNode) record.get("commitments") : record.putArray("commitments");
        list.addObject().put("itemId", no).put("title", template.title()).put("authority", template.department())
                .put("madeOn", today.toString());
        record.put("recordVersion", record.get("recordVersion").asLong() + 1);
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("commitmentNo", no).put("templateId", template.templateId()).put("title", template.title())
                .put("subjectNameMasked", Masking.name(subjectName)).put("signedAt", signedAt.toString())
                .put("publicUntil", publicUntil.toString())
                .put("verifyUrl", settings.publicVerifyBase() + "/v?c=" + no);
        return Answer.json(201, answer);
    }

    synchronized Answer registerCommitmentDigest(Optional<String> bearer, String commitmentNo, byte[] body) throws DemoError {
        Session session = session(bearer);
        ReportDigest digest = parse(body, ReportDigest.class);
        DemoCommitments.Signed c = commitments.signed(commitmentNo).orElseThrow(() -> invalid("unknown commitment number"));
        if (!mayRead(session, records.get(c.recordId()))) {
            throw new DemoError(ErrorCode.NOT_AUTHORIZED, "commitment belongs to another subject");
        }
        if (c.digest().isPresent()) {
            if (c.digest().get().equals(digest)) {
                return Answer.empty(204);
            }
            throw new DemoError(ErrorCode.DIGEST_MISMATCH, "a different digest was registered before");
        }
        commitments.put(c.withDigest(digest));
        return Answer.empty(204);
    }

    synchronized Answer fileComplaint(Optional<String> bearer, byte[] body) throws DemoError {
        session(bearer);
        org.creditkiosk.platform.api.ComplaintRequest request = parse(body, org.creditkiosk.platform.api.ComplaintRequest.class);
        if (request.target().uscc().isPresent() && !UnifiedSocialCreditCode.isValid(request.target().uscc().get())) {
            throw invalid("target.uscc has a wrong check character");
        }
        if (request.occurredOn().filter(d -> d.isAfter(today())).isPresent()) {
            throw invalid("occurredOn is in the future");
        }
        complaints.add(request);
        LocalDate today = today();
        String ticketNo = "YL-TS-" + DAY.format(today) + "-" + String.format("%04d", ++complaintSeq);
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("ticketNo", ticketNo).put("receivedAt", now().truncatedTo(ChronoUnit.SECONDS).toString())
                .put("department", department(request.category()))
                .put("dueOn", today.plusDays(15).toString());
        return Answer.json(201, answer);
    }

    private static String department(org.creditkiosk.platform.api.ComplaintRequest.Category category) {
        return switch (category) {
            case UNPAID_WAGES -> "榆林市人力资源和社会保障局";
            case TAX -> "国家税务总局榆林市税务局";
            case FOOD_DRUG_SAFETY, FALSE_ADVERTISING, PRODUCT_QUALITY, CONTRACT_FRAUD -> "榆林市市场监督管理局";
            case OTHER -> "榆林市社会信用体系建设领导小组办公室";
        };
    }

    private Answer verifyCommitment(DemoCommitments.Signed c) {
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("reportNo", c.commitmentNo());
        answer.put("status", today().isAfter(c.publicUntil()) ? "EXPIRED" : "VALID");
        c.digest().ifPresent(d -> answer.put("sha256", d.sha256()).put("pages", d.pages()));
        answer.put("issuedAt", c.signedAt().toString());
        answer.put("subjectNameMasked", Masking.name(c.subjectName()));
        answer.put("kind", "COMMITMENT");
        answer.put("title", c.template().title());
        return Answer.json(200, answer);
    }

    private void requireRepresents(Session session, String uscc) throws DemoError {
        if (!UnifiedSocialCreditCode.isValid(uscc)) {
            throw invalid("uscc is malformed or has a wrong check character");
        }
        if (!represents(session, uscc)) {
            throw new DemoError(ErrorCode.NOT_AUTHORIZED, "the session's person does not represent this organisation");
        }
    }

    /** A department revises a template (new version and text): the next signCommitment with the old one is TEMPLATE_CHANGED. */
    synchronized org.creditkiosk.platform.api.CommitmentTemplate reviseTemplate(String templateId) {
        return commitments.revise(templateId);
    }

    synchronized List<String> registeredCommitmentDigests() {
        return commitments.digests();
    }

    synchronized List<org.creditkiosk.platform.api.ComplaintRequest> complaints() {
        return List.copyOf(complaints);
    }

    // ---- kiosk management ------------------------------------------------------------------------------------

    synchronized Answer getKioskConfig(Optional<String> ifNoneMatch) {
        if (bundle.isEmpty()) {
            return Answer.empty(304);
        }
        String etag = "\"cfg-" + bundleVersion + "\"";
        if (ifNoneMatch.map(etag::equals).orElse(false)) {
            return new Answer(304, Optional.empty(), Map.of("ETag", etag));
        }
        return new Answer(200, Optional.of(bundle.get()), Map.of("ETag", etag));
    }

    synchronized Answer heartbeat(byte[] body) throws DemoError {
        heartbeats.add(parse(body, Heartbeat.class));
        List<HeartbeatAnswer.Command> commands = new ArrayList<>(pendingCommands);
        pendingCommands.clear();
        return Answer.json(200, new HeartbeatAnswer(now().truncatedTo(ChronoUnit.SECONDS), commands));
    }

    synchronized Answer reportCommandResult(String commandId, byte[] body) throws DemoError {
        commandResults.put(commandId, parse(body, CommandResult.class));
        return Answer.empty(204);
    }

    // ---- contract 1.1: hall content (issue 12) -------------------------------------------------------------

    private final Map<String, byte[]> content = new HashMap<>();

    synchronized Answer getContent(String sha256) throws DemoError {
        if (!sha256.matches("[0-9a-f]{64}")) {
            throw new DemoError(ErrorCode.INVALID_ARGUMENT, "sha256 must be 64 lowercase hex digits");
        }
        byte[] bytes = content.get(sha256);
        if (bytes == null) {
            throw new DemoError(ErrorCode.NOT_FOUND, "no content with this SHA-256");
        }
        String type = bytes.length > 3 && bytes[0] == 'R' ? "audio/wav" : (bytes[0] & 0xff) == 0xFF ? "image/jpeg" : "image/png";
        return new Answer(200, Optional.of(bytes.clone()), Map.of("Content-Type", type,
                "Cache-Control", "public, max-age=31536000, immutable"));
    }

    private final Map<String, byte[]> logs = new java.util.LinkedHashMap<>();

    synchronized Answer uploadLogs(String commandId, byte[] gzip) throws DemoError {
        if (gzip.length > 5 * 1024 * 1024) {
            throw new DemoError(ErrorCode.INVALID_ARGUMENT, "logs larger than 5 MiB");
        }
        if (gzip.length < 2 || (gzip[0] & 0xff) != 0x1f || (gzip[1] & 0xff) != 0x8b) {
            throw new DemoError(ErrorCode.INVALID_ARGUMENT, "body is not gzip");
        }
        logs.put(commandId, gzip.clone());
        return Answer.empty(204);
    }

    synchronized Map<String, byte[]> uploadedLogs() {
        return Map.copyOf(logs);
    }

    synchronized String putContent(byte[] bytes) {
        String sha = org.creditkiosk.platform.RequestSigner.sha256Hex(bytes);
        content.put(sha, bytes.clone());
        return sha;
    }

    // ---- hooks for the server owner (tests, demo panel) -----------------------------------------------------

    synchronized void setConfigBundle(ConfigBundle newBundle) {
        bundle = Optional.of(newBundle);
        bundleVersion++;
    }

    synchronized void queueCommand(HeartbeatAnswer.Command command) {
        pendingCommands.add(command);
    }

    synchronized Map<String, CommandResult> commandResults() {
        return Map.copyOf(commandResults);
    }

    synchronized List<Heartbeat> heartbeats() {
        return List.copyOf(heartbeats);
    }

    synchronized void revokeReport(String reportNo) {
        revokedReports.add(reportNo);
    }

    synchronized void bumpRecordVersion(String recordId) {
        ObjectNode record = records.get(recordId);
        record.put("recordVersion", record.get("recordVersion").asLong() + 1);
    }

    synchronized int openSessions() {
        sessions.values().removeIf(s -> !now().isBefore(s.expiresAt()));
        return sessions.size();
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private Session session(Optional<String> bearer) throws DemoError {
        Session session = bearer.map(sessions::get).orElse(null);
        if (session == null || !now().isBefore(session.expiresAt())) {
            if (session != null) {
                sessions.remove(session.token());
            }
            throw new DemoError(ErrorCode.SESSION_EXPIRED, "no open session for this token");
        }
        return session;
    }

    private boolean represents(Session session, String uscc) {
        return fixtures.persons().get(session.idNumber()).represents().stream().anyMatch(r -> r.uscc().equals(uscc));
    }

    private boolean mayRead(Session session, ObjectNode record) {
        String recordId = record.get("recordId").asText();
        DemoFixtures.PersonFixture person = fixtures.persons().get(session.idNumber());
        return person.recordId().equals(recordId) || person.represents().stream()
                .anyMatch(r -> fixtures.subjects().get(r.uscc()).recordId().equals(recordId));
    }

    private static boolean hasItem(ObjectNode record, String itemId) {
        for (String section : List.of("redList", "blackList", "permits", "penalties", "commitments", "judicial")) {
            for (JsonNode item : record.path(section)) {
                if (item.path("itemId").asText().equals(itemId)) {
                    return true;
                }
            }
        }
        return false;
    }

    private ObjectNode recordAnswer(String recordId) {
        ObjectNode copy = records.get(recordId).deepCopy();
        copy.put("generatedAt", now().truncatedTo(ChronoUnit.SECONDS).toString());
        return copy;
    }

    private boolean expired(String validTo) {
        if ("LONG".equals(validTo)) {
            return false;
        }
        try {
            return LocalDate.parse(validTo).isBefore(today());
        } catch (java.time.format.DateTimeParseException e) {
            return true;
        }
    }

    private static int intParam(Map<String, String> query, String name, int fallback, int min, int max) throws DemoError {
        String value = query.get(name);
        if (value == null) {
            return fallback;
        }
        try {
            int v = Integer.parseInt(value);
            if (v < min || v > max) {
                throw invalid(name + " is outside " + min + ".." + max);
            }
            return v;
        } catch (NumberFormatException e) {
            throw invalid(name + " is not an integer");
        }
    }

    private static <T> T parse(byte[] body, Class<T> type) throws DemoError {
        try {
            return Json.mapper().readValue(body, type);
        } catch (IOException e) {
            throw invalid("body is not a valid " + type.getSimpleName());
        }
    }

    private static DemoError invalid(String message) {
        return new DemoError(ErrorCode.INVALID_ARGUMENT, message);
    }

    private byte[] bytes(int n) {
        byte[] b = new byte[n];
        random.nextBytes(b);
        return b;
    }

    private Instant now() {
        return clock.instant();
    }

    private LocalDate today() {
        return LocalDate.ofInstant(now(), settings.zone());
    }
}
