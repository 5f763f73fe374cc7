package org.creditkiosk.platform;

import java.util.Optional;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.ConfigAnswer;
import org.creditkiosk.platform.api.Heartbeat;
import org.creditkiosk.platform.api.HeartbeatAnswer;

/** The kiosk-management operations of the contract (no citizen, no session). Used by ops, never by screens. */
public interface PlatformOps {

    /** {@code GET /v1/kiosks/{kioskId}/config} with {@code If-None-Match: etag} when given; 304 → unchanged. */
    ConfigAnswer getKioskConfig(Optional<String> etag) throws PlatformException;

    /** {@code POST /v1/kiosks/{kioskId}/heartbeat}. */
    HeartbeatAnswer heartbeat(Heartbeat heartbeat) throws PlatformException;

    /**
     * {@code POST /v1/kiosks/{kioskId}/commands/{commandId}/result}. Idempotent per command id.
     *
     * @throws IllegalArgumentException when {@code commandId} is not a {@link CommandId} (it goes into the path)
     */
    void reportCommandResult(String commandId, CommandResult result) throws PlatformException;

    // --- contract 1.1: hall content (issue 12) ------------------------------------------------------------------

    /**
     * {@code GET /v1/content/{sha256}}: a hall content file named by a signed bundle, at most 5 MiB. The bytes are
     * checked against {@code sha256} before they are returned; a mismatch is a protocol error.
     *
     * @throws IllegalArgumentException when {@code sha256} is not 64 lowercase hex digits (it goes into the path)
     */
    byte[] getContent(String sha256) throws PlatformException;

    /**
     * {@code PUT /v1/kiosks/{kioskId}/logs/{commandId}}: the answer to an UPLOAD_LOGS command, gzip of the log lines
     * (UTF-8, oldest first), at most 5 MiB.
     *
     * @throws IllegalArgumentException when {@code commandId} is not a {@link CommandId} or the body is too large
     */
    void uploadLogs(String commandId, byte[] gzip) throws PlatformException;
}
