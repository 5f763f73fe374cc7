package org.creditkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.slf4j.event.Level;

class ErrorCatalogTest {

    static final Set<String> OUT_OF_SERVICE = Set.of("BAD_SIGNATURE", "CLOCK_SKEW", "KIOSK_DISABLED", "MAINTENANCE", "TLS",
            "PLATFORM_DOWN", "REMOTE_ORDER", "CONFIGURATION_REFUSED", "HALL_CLOSED");

    /**
     * Every value of the sealed {@link Notice}, found from the type itself (not from the catalogue): each permitted
     * enum's constants, each record over one enum (ErrorCode, transport kind, device kind) with every constant, and
     * each record without components.
     */
    static List<Notice> everyNotice() throws ReflectiveOperationException {
        List<Notice> all = new ArrayList<>();
        for (Class<?> variant : Notice.class.getPermittedSubclasses()) {
            if (variant.isEnum()) {
                for (Object c : variant.getEnumConstants()) {
                    all.add((Notice) c);
                }
            } else if (variant.isRecord()) {
                RecordComponent[] parts = variant.getRecordComponents();
                if (parts.length == 0) {
                    all.add((Notice) variant.getDeclaredConstructor().newInstance());
                } else {
                    assertThat(parts).as(variant + " wraps one enum").hasSize(1);
                    Class<?> type = parts[0].getType();
                    assertThat(type.isEnum()).as(variant + " wraps one enum").isTrue();
                    for (Object c : type.getEnumConstants()) {
                        all.add((Notice) variant.getDeclaredConstructor(type).newInstance(c));
                    }
                }
            } else {
                throw new AssertionError("a Notice variant this test cannot list: " + variant);
            }
        }
        return all;
    }

    @Test
    void everyNoticeHasAChineseAndAnEnglishTextAndAStaffDetail() throws Exception {
        List<Notice> all = everyNotice();
        assertThat(all).hasSizeGreaterThan(ErrorCode.values().length + 10);
        Set<String> codes = new HashSet<>();
        for (Notice n : all) {
            ErrorCatalog.Entry e = ErrorCatalog.of(n);
            assertThat(e.notice()).as(n.code() + " has a row of its own").isEqualTo(n);
            assertComplete(e, n.code());
            assertThat(e.titleZh()).as(n.code()).matches(".*\\p{IsHan}.*");
            assertThat(e.titleEn()).as(n.code()).isNotBlank().matches("[ -~]+");
            assertThat(codes.add(n.code())).as("code " + n.code() + " is unique").isTrue();
            assertThat(n.code()).matches("[A-Z][A-Z_]*");
        }
        assertThat(ErrorCatalog.entries()).extracting(ErrorCatalog.Entry::notice).containsExactlyInAnyOrderElementsOf(all);
    }

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
        // The kiosk's own notices keep the texts the screens showed before they moved into the table.
        assertThat(ErrorCatalog.of(Notice.CardProblem.CARD_UNREADABLE).citizenZh()).isEqualTo("请将身份证平放在感应区中央，待读取完成前不要移动。");
        assertThat(ErrorCatalog.of(Notice.PrintProblem.PAPER_OUT).titleEn()).isEqualTo("The printer is out of paper");
        assertThat(ErrorCatalog.forCode(ErrorCode.CARD_REVOKED).titleZh()).isEqualTo("无法继续办理");
        assertThat(ErrorCatalog.forCode(ErrorCode.KIOSK_DISABLED).titleZh()).isEqualTo("暂停服务");
        assertThat(ErrorCatalog.of(Notice.PrintProblem.SIGNING_FAILED).staffDetail()).contains("report.keystore");
        assertThat(Notice.PrintProblem.PAPER_OUT.reprintable()).isTrue();
        assertThat(Notice.PrintProblem.PRINT_FAILED.reprintable()).isFalse();
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
