package org.creditkiosk.platform;

/**
 * The operations of the contract with what the client needs to know about each: whether a repeat is safe.
 * Only idempotent operations are ever retried; {@code openSession}, {@code allocateReport} and
 * {@code fileObjection} never are (a repeat would open a second session, burn a report number or file twice).
 */
public enum Operation {
    OPEN_SESSION("openSession", false),
    CLOSE_SESSION("closeSession", true),
    GET_OWN_RECORD("getOwnRecord", true),
    GET_ORGANIZATION_RECORD("getOrganizationRecord", true),
    SEARCH_PUBLIC_LISTS("searchPublicLists", true),
    ALLOCATE_REPORT("allocateReport", false),
    REGISTER_REPORT_DIGEST("registerReportDigest", true),
    VERIFY_REPORT("verifyReport", true),
    FILE_OBJECTION("fileObjection", false),
    GET_KIOSK_CONFIG("getKioskConfig", true),
    HEARTBEAT("heartbeat", true),
    REPORT_COMMAND_RESULT("reportCommandResult", true),
    // --- contract 1.1: credit commitments and complaints (issue 15); signing and filing are never repeated ---
    LIST_COMMITMENT_TEMPLATES("listCommitmentTemplates", true),
    SIGN_COMMITMENT("signCommitment", false),
    REGISTER_COMMITMENT_DIGEST("registerCommitmentDigest", true),
    FILE_COMPLAINT("fileComplaint", false),
    // --- contract 1.1: hall content and logs (issue 12) ---
    GET_CONTENT("getContent", true),
    UPLOAD_LOGS("uploadLogs", true);

    private final String operationId;
    private final boolean idempotent;

    Operation(String operationId, boolean idempotent) {
        this.operationId = operationId;
        this.idempotent = idempotent;
    }

    /** The contract's {@code operationId}, as logged. */
    public String operationId() {
        return operationId;
    }

    public boolean idempotent() {
        return idempotent;
    }
}
