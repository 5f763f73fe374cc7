package org.creditkiosk.platform.api;

import java.util.Optional;

/** Contract {@code OpenSessionRequest}. */
public record OpenSessionRequest(Method method, Optional<IdCardData> idCard, Optional<String> qrPayload) {

    public enum Method { ID_CARD, APP_QR }

    public OpenSessionRequest {
        Require.present(method, "method");
        idCard = Require.optional(idCard);
        qrPayload = Require.optional(qrPayload);
    }

    public static OpenSessionRequest idCard(IdCardData card) {
        return new OpenSessionRequest(Method.ID_CARD, Optional.of(card), Optional.empty());
    }

    public static OpenSessionRequest appQr(String payload) {
        return new OpenSessionRequest(Method.APP_QR, Optional.empty(), Optional.of(payload));
    }

    @Override
    public String toString() {
        return "OpenSessionRequest[" + method + "]";
    }
}
