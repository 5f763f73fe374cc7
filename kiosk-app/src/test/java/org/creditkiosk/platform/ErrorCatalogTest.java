package org.creditkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.event.Level;

class ErrorCatalogTest {

    static final Set<String> OUT_OF_SERVICE = Set.of("BAD_SIGNATURE", "CLOCK_SKEW", "KIOSK_DISABLED", "MAINTENANCE", "TLS");

    @ParameterizedTest
    @EnumSource(ErrorCode.class)
    void everyErrorCodeHasACompleteRow(ErrorCode code) {
        ErrorCatalog.Entry e = ErrorCatalog.forCode(code);
        assertThat(e).as(code.name()).isNotNull();
        assertComplete(e, code.name());
        assertThat(ErrorCatalog.of(new PlatformException.Api(400, code.name(), "m", Optional.empty(), Optional.empty())))
                .isSameAs(e);
    }

    @ParameterizedTest
    @EnumSource(PlatformException.Transport.Kind.class)
    void everyTransportKindHasACompleteRow(PlatformException.Transport.Kind kind) {
        ErrorCatalog.Entry e = ErrorCatalog.forTransport(kind);
        assertComplete(e, kind.name());
        assertThat(ErrorCatalog.of(new PlatformException.Transport(kind, "x", null))).isSameAs(e);
    }

    @Test
    void protocolHasARow() {
        assertComplete(ErrorCatalog.protocol(), "PROTOCOL");
        assertThat(ErrorCatalog.of(new PlatformException.Protocol("x", null))).isSameAs(ErrorCatalog.protocol());
        assertThat(ErrorCatalog.entries()).hasSize(ErrorCode.values().length + PlatformException.Transport.Kind.values().length + 1);
    }

    @Test
    void rowsSayWhatTheIssueAsksFor() {
        assertThat(ErrorCatalog.forCode(ErrorCode.CARD_REVOKED).citizenZh()).isEqualTo("此身份证已挂失、过期或注销，请使用有效证件或到人工窗口办理");
        assertThat(ErrorCatalog.forCode(ErrorCode.CARD_REVOKED).citizenEn()).startsWith("This ID card is reported lost, expired or cancelled");
        // Clock skew is the technician's problem: citizens see the out-of-service notice, not a blame message.
        ErrorCatalog.Entry skew = ErrorCatalog.forCode(ErrorCode.CLOCK_SKEW);
        assertThat(skew.maintenance()).isTrue();
        assertThat(skew.citizenZh()).doesNotContain("时钟").doesNotContain("时间");
        assertThat(skew.staffDetail()).contains("300 s");
        assertThat(ErrorCatalog.forCode(ErrorCode.RECORD_CHANGED).recovery()).isEqualTo(ErrorCatalog.Recovery.REFETCH_RECORD);
        assertThat(ErrorCatalog.forCode(ErrorCode.SESSION_EXPIRED).recovery()).isEqualTo(ErrorCatalog.Recovery.END_SESSION);
        assertThat(ErrorCatalog.forCode(ErrorCode.QR_USED).recovery()).isEqualTo(ErrorCatalog.Recovery.RESCAN);
        assertThat(ErrorCatalog.forCode(ErrorCode.INTERNAL).logLevel()).isEqualTo(Level.ERROR);
        assertThat(ErrorCatalog.forCode(ErrorCode.CARD_REVOKED).logLevel()).isEqualTo(Level.INFO);
    }

    static void assertComplete(ErrorCatalog.Entry e, String key) {
        assertThat(e.key()).isEqualTo(key);
        assertThat(e.citizenZh()).as(key).isNotBlank().matches(".*\\p{IsHan}.*");
        assertThat(e.citizenEn()).as(key).isNotBlank().matches("[ -~]+");
        assertThat(e.staffDetail()).as(key).isNotBlank();
        assertThat(e.logLevel()).as(key).isNotNull();
        assertThat(e.outOfService()).as(key).isEqualTo(OUT_OF_SERVICE.contains(key));
        assertThat(e.recovery() == ErrorCatalog.Recovery.OUT_OF_SERVICE).as(key).isEqualTo(e.outOfService());
    }
}
