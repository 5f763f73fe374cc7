package org.creditkiosk.report;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.Optional;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.JudicialItem;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.platform.api.Penalty;
import org.creditkiosk.platform.api.SubjectKind;

/** Chinese wording and formats shared by the A4 report and the receipt slip. */
public final class ReportText {

    public static final String TITLE = "公共信用信息报告";
    public static final String NONE = "无";
    public static final String REPAIRED = "已修复";

    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd");
    private static final DateTimeFormatter DATE_CN = DateTimeFormatter.ofPattern("yyyy年M月d日");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
    private static final DateTimeFormatter TIME_CN = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

    private ReportText() {
    }

    /** 自然人 / 法人和非法人组织: the two kinds of the national report format. */
    public static String subjectClass(SubjectKind kind) {
        return kind.isOrganization() ? "法人和非法人组织" : "自然人";
    }

    public static String subjectKind(SubjectKind kind) {
        return switch (kind) {
            case PERSON -> "自然人";
            case ENTERPRISE -> "企业";
            case SOCIAL_ORGANIZATION -> "社会组织";
            case PUBLIC_INSTITUTION -> "事业单位";
            case GOVERNMENT_AGENCY -> "机关";
        };
    }

    public static String judicialKind(JudicialItem.Kind kind) {
        return switch (kind) {
            case DISHONEST_JUDGMENT_DEBTOR -> "失信被执行人";
            case CONSUMPTION_RESTRICTION -> "限制消费";
            case OTHER -> "其他司法信息";
        };
    }

    public static String objectionStatus(ObjectionTicket.Status status) {
        return switch (status) {
            case RECEIVED -> "已受理";
            case IN_REVIEW -> "核查中";
            case CORRECTED -> "已更正";
            case UPHELD -> "维持原信息";
        };
    }

    public static String date(LocalDate d) {
        return DATE.format(d);
    }

    public static String date(Optional<LocalDate> d) {
        return d.map(ReportText::date).orElse("—");
    }

    public static String dateCn(LocalDate d) {
        return DATE_CN.format(d);
    }

    public static String time(Instant t, ZoneId zone) {
        return TIME.format(t.atZone(zone));
    }

    public static String timeCn(Instant t, ZoneId zone) {
        return TIME_CN.format(t.atZone(zone));
    }

    /** Fen to "1,234.50 元". */
    public static String yuan(long fen) {
        DecimalFormat f = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
        return f.format(fen / 100.0) + " 元";
    }

    /** Status of a penalty in the report: 已修复, else whether it is still published. */
    public static String penaltyStatus(Penalty p, LocalDate asOf) {
        if (p.isRepaired()) {
            return REPAIRED;
        }
        return p.publicUntil().filter(u -> u.isBefore(asOf)).map(u -> "公示期满").orElse("公示中");
    }

    /** The date the record speaks for: dataAsOf, else the day it was generated. */
    public static LocalDate asOf(CreditRecord record, ZoneId zone) {
        return record.dataAsOf().orElseGet(() -> record.generatedAt().atZone(zone).toLocalDate());
    }

    /** Chinese ordinal for section numbers 1..20 (一 ... 二十). */
    public static String ordinal(int n) {
        String[] d = {"", "一", "二", "三", "四", "五", "六", "七", "八", "九"};
        if (n < 10) {
            return d[n];
        }
        if (n == 10) {
            return "十";
        }
        if (n < 20) {
            return "十" + d[n - 10];
        }
        return d[n / 10] + "十" + d[n % 10];
    }
}
