package org.creditkiosk.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.creditkiosk.device.DeviceKind;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * The one table from every {@link Notice} - each way a platform call can fail (each contract {@link ErrorCode}, each
 * transport {@link PlatformException.Transport.Kind}, a protocol breach) and each of the kiosk's own (card, scanned
 * code, printing, devices, out of service) - to what the kiosk does about it: a short, calm citizen title and message
 * in Chinese and English saying what to do next, a detail for staff and technicians, a log level, whether the kiosk
 * must go out of service, and how the session recovers. Nothing else maps a notice to a text.
 *
 * <p>Failures that are the kiosk's or the platform's business (bad signature, clock skew, TLS) never blame the
 * citizen: they see the out-of-service notice, the technician sees the detail in the log and on the maintenance
 * screen.
 */
public final class ErrorCatalog {

    /** What the session does after showing the message. */
    public enum Recovery {
        /** Show the message; the citizen may simply try the same thing again. */
        TRY_AGAIN,
        /** The record changed: fetch it again and show it before printing. */
        REFETCH_RECORD,
        /** The session is gone: back to the attract screen. */
        END_SESSION,
        /** Ask for a fresh app code. */
        RESCAN,
        /** Show the message and return to the previous screen; nothing to retry. */
        NONE,
        /** The kiosk cannot serve anyone: out-of-service notice until the platform is fine again. */
        OUT_OF_SERVICE,
        /** A commitment template changed since it was shown: fetch the templates again and say so (issue 15). */
        REFETCH_TEMPLATES
    }

    /**
     * One row.
     *
     * @param notice       what the row is about
     * @param titleZh      the notice screen's heading, Chinese
     * @param titleEn      the notice screen's heading, English
     * @param citizenZh    for the screen (notice body or banner), Chinese
     * @param citizenEn    for the screen (notice body or banner), English
     * @param staffDetail  for technicians: log line and maintenance screen; never shown to citizens
     * @param logLevel     how loud the log line is
     * @param outOfService the kiosk stops serving citizens until the cause is gone
     * @param maintenance  a technician must look (reported on the maintenance side, not as a citizen error)
     */
    public record Entry(Notice notice, String titleZh, String titleEn, String citizenZh, String citizenEn,
                        String staffDetail, Level logLevel, boolean outOfService, boolean maintenance, Recovery recovery) {

        /** {@link Notice#code()}: the ErrorCode name, the transport kind name, {@code PROTOCOL}, or a kiosk code. */
        public String key() {
            return notice.code();
        }
    }

    private static final String STOPPED_ZH = "暂停服务";
    private static final String STOPPED_EN = "Out of service";
    private static final String FAILED_ZH = "无法继续办理";
    private static final String FAILED_EN = "This could not be completed";

    private static final String OOS_ZH = "本机暂停服务，请到人工窗口办理。给您带来不便，敬请谅解";
    private static final String OOS_EN = "This kiosk is temporarily out of service. Please go to a staffed counter. We apologise for the inconvenience.";
    private static final String SYSTEM_ZH = "系统暂时无法处理，请稍后重试或到人工窗口办理";
    private static final String SYSTEM_EN = "The system cannot handle this right now. Please try again later or go to a staffed counter.";

    private static final Map<Notice, Entry> TABLE;

    static {
        Map<Notice, Entry> t = new LinkedHashMap<>();
        row(t, api(ErrorCode.BAD_SIGNATURE), OOS_ZH, OOS_EN,
                "The platform rejected the request signature: wrong kiosk id or secret, or a signing fault. Check KIOSK_ID and "
                        + "the secret file, then run 'kiosk platform check'.", Level.ERROR, true, true, Recovery.OUT_OF_SERVICE);
        row(t, api(ErrorCode.CLOCK_SKEW), OOS_ZH, OOS_EN,
                "The kiosk clock differs from the platform clock by more than 300 s. Check time synchronisation "
                        + "(timedatectl, NTP); 'kiosk platform check' shows the offset.", Level.ERROR, true, true, Recovery.OUT_OF_SERVICE);
        row(t, api(ErrorCode.REPLAYED_NONCE), "操作未成功，请重试", "That did not work. Please try again.",
                "The platform saw a nonce twice: a request was repeated with its old signature, or the random source is broken.",
                Level.WARN, false, true, Recovery.TRY_AGAIN);
        row(t, api(ErrorCode.KIOSK_DISABLED), OOS_ZH, OOS_EN,
                "The administrators disabled this kiosk on the platform. Ask the platform operator to enable it.",
                Level.WARN, true, true, Recovery.OUT_OF_SERVICE);
        row(t, api(ErrorCode.CARD_REVOKED), "此身份证已挂失、过期或注销，请使用有效证件或到人工窗口办理",
                "This ID card is reported lost, expired or cancelled. Please use a valid card or go to a staffed counter.",
                "The platform refused the card (lost, expired or cancelled).", Level.INFO, false, false, Recovery.NONE);
        row(t, api(ErrorCode.QR_EXPIRED), "二维码已过期，请在“信用榆林”APP中刷新后重新扫码",
                "This code has expired. Please refresh it in the city app and scan it again.",
                "App code expired or unknown to the platform.", Level.INFO, false, false, Recovery.RESCAN);
        row(t, api(ErrorCode.QR_USED), "此二维码已使用，请在“信用榆林”APP中刷新后重新扫码",
                "This code has already been used. Please refresh it in the city app and scan it again.",
                "App code was used before.", Level.INFO, false, false, Recovery.RESCAN);
        row(t, api(ErrorCode.SESSION_EXPIRED), "本次查询已超时结束，如需继续请重新放置身份证或扫码",
                "Your session has ended. To continue, please place your ID card or scan your code again.",
                "The platform session expired or was closed.", Level.INFO, false, false, Recovery.END_SESSION);
        row(t, api(ErrorCode.NOT_AUTHORIZED), "您不是该单位登记的法定代表人或授权经办人，无法查询其信用记录",
                "You are not registered as the legal representative or an authorised agent of this organisation, so its record cannot be shown.",
                "The session's person does not represent the organisation (or a kiosk resource of another kiosk was asked for).",
                Level.INFO, false, false, Recovery.NONE);
        row(t, api(ErrorCode.SUBJECT_NOT_FOUND), "未查询到相关信用记录，请核对后重试",
                "No credit record was found. Please check the details and try again.",
                "The platform has no subject or item with this identifier.", Level.INFO, false, false, Recovery.NONE);
        row(t, api(ErrorCode.NOT_FOUND), SYSTEM_ZH, SYSTEM_EN,
                "Contract 1.1: the platform has no such resource, e.g. a hall content file a bundle names (getContent); "
                        + "the kiosk shows its hall without that file.", Level.WARN, false, false, Recovery.NONE);
        row(t, api(ErrorCode.INVALID_ARGUMENT), "输入的信息有误，请核对后重新输入",
                "Some details are not valid. Please check them and enter them again.",
                "The platform refused a request argument; if the kiosk validated it first this is a kiosk fault - report it with the request id.",
                Level.WARN, false, false, Recovery.NONE);
        row(t, api(ErrorCode.RECORD_CHANGED), "信用记录刚刚有更新，正在为您重新加载，请确认后再打印",
                "Your record has just been updated. It is being loaded again; please check it before printing.",
                "The record version changed since it was fetched; fetching it again.", Level.INFO, false, false, Recovery.REFETCH_RECORD);
        row(t, api(ErrorCode.DIGEST_MISMATCH), "报告登记未成功，请到人工窗口办理",
                "The report could not be registered. Please go to a staffed counter.",
                "A different SHA-256 was registered for this report number before: the kiosk rendered the report twice or "
                        + "re-used a number. Report it with the request id.", Level.ERROR, false, true, Recovery.NONE);
        row(t, api(ErrorCode.OBJECTION_OPEN), "该条信息已有异议正在处理中，请耐心等待处理结果",
                "A dispute about this item is already being handled. Please wait for its outcome.",
                "An objection on this item is open.", Level.INFO, false, false, Recovery.NONE);
        row(t, api(ErrorCode.PRINT_QUOTA_EXCEEDED), "今日打印次数已达上限，请明日再来或到人工窗口办理",
                "You have reached today's printing limit. Please come back tomorrow or go to a staffed counter.",
                "The person's daily report quota is used up.", Level.INFO, false, false, Recovery.NONE);
        row(t, api(ErrorCode.RATE_LIMITED), "当前办理人数较多，请稍后重试",
                "The service is busy right now. Please try again in a moment.",
                "The platform rate-limited this kiosk (429 RATE_LIMITED).", Level.WARN, false, false, Recovery.TRY_AGAIN);
        row(t, api(ErrorCode.MAINTENANCE), "信用平台正在维护，本机暂停服务，请稍后再来或到人工窗口办理",
                "The credit platform is under maintenance. This kiosk is paused; please come back later or go to a staffed counter.",
                "The platform announced maintenance (503 MAINTENANCE); the kiosk probes until it answers normally.",
                Level.WARN, true, false, Recovery.OUT_OF_SERVICE);
        row(t, api(ErrorCode.INTERNAL), SYSTEM_ZH, SYSTEM_EN,
                "The platform reported an internal error or an unknown code. Report it with the request id.",
                Level.ERROR, false, false, Recovery.TRY_AGAIN);
        row(t, transport(PlatformException.Transport.Kind.UNREACHABLE), "暂时无法连接信用平台，请稍后重试或到人工窗口办理",
                "The kiosk cannot reach the credit platform right now. Please try again later or go to a staffed counter.",
                "No connection to the platform (refused, DNS, network, gateway). Repeated failures open the circuit breaker.",
                Level.ERROR, false, true, Recovery.TRY_AGAIN);
        row(t, transport(PlatformException.Transport.Kind.TIMEOUT), "平台响应超时，请稍后重试",
                "The credit platform is taking too long to answer. Please try again.",
                "The platform did not answer within the configured time limits.", Level.WARN, false, false, Recovery.TRY_AGAIN);
        row(t, transport(PlatformException.Transport.Kind.TLS), OOS_ZH, OOS_EN,
                "TLS failed: certificate not trusted, pin mismatch, or the system time is wrong. Check the trust store, "
                        + "KIOSK_PINS and the clock; a pin mismatch may mean interception.", Level.ERROR, true, true, Recovery.OUT_OF_SERVICE);
        row(t, Notice.PROTOCOL, SYSTEM_ZH, SYSTEM_EN,
                "The platform's answer broke the contract (malformed JSON, missing or wrong-typed field, too large); nothing "
                        + "of it was shown. Report it with the request id.", Level.ERROR, false, true, Recovery.TRY_AGAIN);

        // --- the kiosk's own notices ----------------------------------------------------------------------------
        kiosk(t, Notice.CardProblem.CARD_UNREADABLE, "未能读取身份证", "The card could not be read",
                "请将身份证平放在感应区中央，待读取完成前不要移动。", "Lay the card flat in the middle of the reader and keep it still until it is read.",
                "The reader saw a card but could not read it (GA/T 467 SW3 31-33 authentication, 40 unknown card type, "
                        + "41 card moved, 47, 81; bad check character or unreadable text). If every card fails, clean the "
                        + "reader and try 'kiosk device read-card'.", Level.INFO, false, Recovery.TRY_AGAIN);
        kiosk(t, Notice.CodeProblem.QR_UNKNOWN, "无法识别此二维码", "This code cannot be used here",
                "此二维码不是信用报告核验码，也不是“信用榆林”APP 电子信用身份证码。", "This code is not a credit report code or a Credit Yulin app code.",
                "A scanned code is neither an app code (XYYL1.) nor a report code of the configured verification host.",
                Level.INFO, false, Recovery.NONE);
        kiosk(t, Notice.CodeProblem.QR_MALFORMED, "二维码无法识别", "The code could not be read",
                "请在“信用榆林”APP中刷新电子信用身份证二维码后重新扫码。", "Please refresh the code in the Credit Yulin app and scan it again.",
                "A scanned code starts like an app code but is broken. If it happens often, check the scanner's charset, "
                        + "prefix, suffix and terminator settings ('kiosk device scan').", Level.INFO, false, Recovery.RESCAN);
        kiosk(t, Notice.PrintProblem.PRINT_FAILED, "打印未完成", "Printing did not finish",
                "报告未能打印，工作人员已收到通知。您可以稍后再试或到人工窗口办理。", "The report could not be printed; staff have been notified. Try again later or go to a staffed counter.",
                "The report was not printed and is not kept (queue missing, document refused, reprint used, no end in time, "
                        + "or an unexpected fault - see the log). 'kiosk device print-test' checks the printer.",
                Level.ERROR, true, Recovery.TRY_AGAIN);
        kiosk(t, Notice.PrintProblem.PAPER_OUT, "打印机缺纸", "The printer is out of paper",
                "打印机需要加纸，工作人员已收到通知。加纸后您可以重新打印，不会重复计数。", "The printer needs paper; staff have been notified. Once it is refilled you can print again, at no extra count.",
                "The printer is out of paper; the report is kept for one reprint (same number, no new count). Load paper.",
                Level.WARN, true, Recovery.TRY_AGAIN);
        kiosk(t, Notice.PrintProblem.COVER_OPEN, "打印机盖未关", "The printer cover is open",
                "打印机需要工作人员处理，已通知工作人员。处理后您可以重新打印。", "The printer needs staff attention; they have been notified. You can print again afterwards.",
                "The printer's cover or door is open; the report is kept for one reprint. Close it.",
                Level.WARN, true, Recovery.TRY_AGAIN);
        kiosk(t, Notice.PrintProblem.PRINTER_OFFLINE, "打印机暂不可用", "The printer is not available",
                "打印机需要工作人员处理，已通知工作人员。处理后您可以重新打印。", "The printer needs staff attention; they have been notified. You can print again afterwards.",
                "The printer is offline, does not answer, reports an error, or its CUPS queue is stopped or rejects jobs; "
                        + "the report is kept for one reprint. Check power, cable and 'lpstat -p', or 'kiosk device printer-status'.",
                Level.WARN, true, Recovery.TRY_AGAIN);
        kiosk(t, Notice.PrintProblem.SIGNING_FAILED, "报告暂时无法出具", "The report cannot be issued now",
                "报告暂时无法生成，请到人工窗口办理。", "The report cannot be produced right now. Please go to a staffed counter.",
                "The report could not be signed: the hall's keystore (report.keystore) is missing or unreadable, or its "
                        + "password (report.keystorePassFile) is wrong. Every print fails until a technician fixes it.",
                Level.ERROR, true, Recovery.NONE);
        for (Notice.OutOfService cause : Notice.OutOfService.values()) {
            String staff = switch (cause) {
                case PLATFORM_DOWN -> "The platform is unavailable (circuit breaker open; the maintenance screen shows why). "
                        + "The kiosk probes and serves again by itself.";
                case REMOTE_ORDER -> "The administrators sent OUT_OF_SERVICE with a heartbeat answer; the kiosk serves again "
                        + "after BACK_IN_SERVICE.";
                case CONFIGURATION_REFUSED -> "The stored signed configuration bundle failed its check at start (tampered, "
                        + "rolled back, unknown key, ...; the log and the maintenance screen say why). The heartbeat keeps "
                        + "running: push a newer bundle that verifies (RELOAD_CONFIG) and the kiosk restarts into it.";
                case HALL_CLOSED -> "Outside the opening hours or on a closed date (hall.hours, hall.closedDates in the "
                        + "signed bundle): the kiosk shows the hours and serves again when the hall opens. Not a fault.";
            };
            if (cause == Notice.OutOfService.HALL_CLOSED) {
                t.put(cause, new Entry(cause, "现在不是服务时间", "Outside service hours",
                        "本机现在不提供服务，欢迎在服务时间内再来。", "This kiosk is closed now. You are welcome during the service hours.",
                        staff, Level.INFO, true, false, Recovery.OUT_OF_SERVICE));
                continue;
            }
            t.put(cause, new Entry(cause, "暂停服务", "Temporarily out of service",
                    "本机暂时无法提供服务，请到人工窗口办理，或稍后再试。",
                    "This kiosk cannot serve right now. Please go to a service counter or try again later.",
                    staff, Level.WARN, true, false, Recovery.OUT_OF_SERVICE));
        }
        for (DeviceKind kind : DeviceKind.values()) {
            String[] text = switch (kind) {
                case ID_CARD_READER -> new String[] {"读卡器暂不可用", "The card reader is not available",
                        "身份证读卡器暂时无法使用，工作人员已收到通知。您可以出示「信用榆林」APP 电子信用身份证二维码，或到人工窗口办理。",
                        "The ID card reader is not working right now; staff have been notified. You can show the Credit Yulin app code instead, or go to a staffed counter."};
                case REPORT_PRINTER -> new String[] {"打印机暂不可用", "The printer is not available",
                        "报告打印机暂时无法使用，工作人员已收到通知。您可以查询信用记录，打印报告请到人工窗口办理。",
                        "The report printer is not working right now; staff have been notified. You can view your record; for a printed report please go to a staffed counter."};
                case RECEIPT_PRINTER -> new String[] {"凭条打印机暂不可用", "The slip printer is not available",
                        "凭条打印机暂时无法使用，工作人员已收到通知。报告打印不受影响。",
                        "The slip printer is not working right now; staff have been notified. Reports still print."};
                case QR_SCANNER -> new String[] {"扫码器暂不可用", "The code scanner is not available",
                        "扫码器暂时无法使用，工作人员已收到通知。请使用身份证办理，或到人工窗口办理。",
                        "The code scanner is not working right now; staff have been notified. Please use your ID card, or go to a staffed counter."};
            };
            kiosk(t, new Notice.DeviceUnavailable(kind), text[0], text[1], text[2], text[3],
                    "The " + kind + " is unavailable (offline, not answering or disabled). Check its cable, power and port; "
                            + "'kiosk device ...' commands help. The kiosk serves with what works.", Level.WARN, true, Recovery.NONE);
        }
        commitmentsAndComplaints(t);
        TABLE = Collections.unmodifiableMap(t);
    }

    private ErrorCatalog() {
    }

    /** Rows of contract 1.1's commitments and complaints (issue 15), in a block of their own. */
    private static void commitmentsAndComplaints(Map<Notice, Entry> t) {
        row(t, api(ErrorCode.TEMPLATE_CHANGED), "承诺书内容刚刚有更新，已为您重新加载，请重新阅读后再签署",
                "The commitment text has just been updated. It has been loaded again; please read it again before signing.",
                "signCommitment 409 TEMPLATE_CHANGED: the template's version or text hash differs from what was shown; "
                        + "the kiosk fetched the templates again.", Level.INFO, false, false, Recovery.REFETCH_TEMPLATES);
        kiosk(t, Notice.ServiceProblem.SIGNATURE_BLANK, "请签名", "Please sign",
                "签名区内笔迹太少，请用手指在框内写下您的姓名后再确认。",
                "There is too little ink on the pad. Please write your name in the box with your finger, then confirm.",
                "The signature pad held less than the minimum ink; nothing was sent.", Level.INFO, false, Recovery.TRY_AGAIN);
        kiosk(t, Notice.ServiceProblem.COMMITMENT_PRINT_FAILED, "承诺书未能打印", "The commitment could not be printed",
                "您的承诺已签署并登记，但纸质承诺书未能打印，请凭承诺编号到人工窗口打印。",
                "Your commitment is signed and recorded, but the paper copy could not be printed. Please take its number to a staffed counter.",
                "The commitment was signed on the platform but rendering, signing, registering its digest or printing "
                        + "failed (see the log). It can be printed again at a counter by its number.", Level.ERROR, true, Recovery.NONE);
    }

    private static Notice api(ErrorCode code) {
        return new Notice.PlatformError(code);
    }

    private static Notice transport(PlatformException.Transport.Kind kind) {
        return new Notice.PlatformTransport(kind);
    }

    /** A platform row: the notice screen's heading says whether the kiosk stopped or this visit could not go on. */
    private static void row(Map<Notice, Entry> t, Notice notice, String zh, String en, String staff, Level level,
                            boolean outOfService, boolean maintenance, Recovery recovery) {
        t.put(notice, new Entry(notice, outOfService ? STOPPED_ZH : FAILED_ZH, outOfService ? STOPPED_EN : FAILED_EN,
                zh, en, staff, level, outOfService, maintenance, recovery));
    }

    private static void kiosk(Map<Notice, Entry> t, Notice notice, String titleZh, String titleEn, String zh, String en,
                              String staff, Level level, boolean maintenance, Recovery recovery) {
        t.put(notice, new Entry(notice, titleZh, titleEn, zh, en, staff, level, false, maintenance, recovery));
    }

    /** The row of {@code notice}; a notice without a row (a bug the tests catch) gets INTERNAL's, never a blank. */
    public static Entry of(Notice notice) {
        Entry e = TABLE.get(notice);
        return e != null ? e : TABLE.get(new Notice.PlatformError(ErrorCode.INTERNAL));
    }

    public static Entry forCode(ErrorCode code) {
        return of(new Notice.PlatformError(code));
    }

    public static Entry forTransport(PlatformException.Transport.Kind kind) {
        return of(new Notice.PlatformTransport(kind));
    }

    public static Entry protocol() {
        return of(Notice.PROTOCOL);
    }

    public static Entry of(PlatformException e) {
        return of(Notice.of(e));
    }

    /** Every row, in table order: the platform's first, then the kiosk's own. */
    public static List<Entry> entries() {
        return List.copyOf(TABLE.values());
    }

    /**
     * Logs {@code e} at its row's level with the staff detail; {@code e}'s message never carries personal data, and the
     * platform's own text in it is one clean line of at most {@value UntrustedText#MAX_LOG_CHARS} characters.
     */
    public static void log(Logger log, Operation op, PlatformException e) {
        Entry entry = of(e);
        log.atLevel(entry.logLevel()).log("platform {} failed [{}]: {} | {}", op.operationId(), entry.key(),
                e.getMessage(), entry.staffDetail());
    }
}
