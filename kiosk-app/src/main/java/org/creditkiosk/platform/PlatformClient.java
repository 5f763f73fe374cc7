package org.creditkiosk.platform;

import java.util.Optional;
import java.util.List;
import org.creditkiosk.platform.api.AllocateReportRequest;
import org.creditkiosk.platform.api.CommitmentRequest;
import org.creditkiosk.platform.api.CommitmentTemplate;
import org.creditkiosk.platform.api.ComplaintRequest;
import org.creditkiosk.platform.api.ComplaintTicket;
import org.creditkiosk.platform.api.SignedCommitment;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.ListSearchPage;
import org.creditkiosk.platform.api.ObjectionRequest;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.platform.api.OpenSessionRequest;
import org.creditkiosk.platform.api.PlatformSession;
import org.creditkiosk.platform.api.ReportAllocation;
import org.creditkiosk.platform.api.ReportDigest;
import org.creditkiosk.platform.api.ReportVerification;

/**
 * The city's public credit platform, one method per operation of {@code shared/platform-api/openapi.yaml}.
 * Every call is blocking, signed, bounded in time, and fails only with a {@link PlatformException}. Callers
 * never run it on the JavaFX thread.
 */
public interface PlatformClient {

    /**
     * After a visit: drops what the transport keeps of the platform's answers (kept-alive connections with their TLS
     * record buffers, pooled I/O buffers), so nothing of the citizen outlives the visit in the kiosk's memory.
     */
    default void forgetVisit() {
    }

    /** {@code POST /v1/sessions}. Never retried: a second card read opens a new session. */
    PlatformSession openSession(OpenSessionRequest request) throws PlatformException;

    /** {@code DELETE /v1/sessions/current}. Idempotent. */
    void closeSession(SessionToken token) throws PlatformException;

    /** {@code GET /v1/sessions/current/record}. */
    CreditRecord getOwnRecord(SessionToken token) throws PlatformException;

    /**
     * {@code GET /v1/organizations/{uscc}/record}. The code is checked first ({@link UnifiedSocialCreditCode});
     * an invalid one is a caller error ({@link IllegalArgumentException}), never sent.
     */
    CreditRecord getOrganizationRecord(SessionToken token, String uscc) throws PlatformException;

    /** {@code GET /v1/public/lists}. No session. */
    ListSearchPage searchPublicLists(String query, Optional<ListSearchPage.ListKind> list, int page, int size)
            throws PlatformException;

    /** {@code POST /v1/reports}. Never retried blindly. */
    ReportAllocation allocateReport(SessionToken token, AllocateReportRequest request) throws PlatformException;

    /**
     * {@code PUT /v1/reports/{reportNo}/digest}. Idempotent for the same digest.
     *
     * @throws IllegalArgumentException when {@code reportNo} is not a {@link ReportNumber} (it goes into the path)
     */
    void registerReportDigest(SessionToken token, String reportNo, ReportDigest digest) throws PlatformException;

    /**
     * {@code GET /v1/reports/{reportNo}/verification}. No session. An answer about another number is a protocol error.
     *
     * @throws IllegalArgumentException when {@code reportNo} is not a {@link ReportNumber} (it goes into the path)
     */
    ReportVerification verifyReport(String reportNo) throws PlatformException;

    /** {@code POST /v1/objections}. Never retried blindly. */
    ObjectionTicket fileObjection(SessionToken token, ObjectionRequest request) throws PlatformException;

    // --- contract 1.1: credit commitments and complaints (issue 15) ---------------------------------------------

    /**
     * {@code GET /v1/commitments/templates}: the templates the person may sign, for themselves ({@code uscc} empty)
     * or for an organisation they represent. A template whose {@code textSha256} is not the hash of its paragraphs is
     * a protocol error: the text shown must be the text signed.
     *
     * @throws IllegalArgumentException when {@code uscc} is present and not a valid {@link UnifiedSocialCreditCode}
     */
    List<CommitmentTemplate> listCommitmentTemplates(SessionToken token, Optional<String> uscc) throws PlatformException;

    /**
     * {@code POST /v1/commitments}. Never retried blindly (a repeat would sign twice). The answer's number must be of
     * the {@link ReportNumber} form and its verifyUrl lead to the verification host, or it is a protocol error.
     */
    SignedCommitment signCommitment(SessionToken token, CommitmentRequest request) throws PlatformException;

    /**
     * {@code PUT /v1/commitments/{commitmentNo}/digest}. Idempotent for the same digest.
     *
     * @throws IllegalArgumentException when {@code commitmentNo} is not of the {@link ReportNumber} form
     */
    void registerCommitmentDigest(SessionToken token, String commitmentNo, ReportDigest digest) throws PlatformException;

    /** {@code POST /v1/complaints}. Never retried blindly. */
    ComplaintTicket fileComplaint(SessionToken token, ComplaintRequest request) throws PlatformException;
}
