package org.creditkiosk.platform;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.event.Level;

/**
 * The one table from every way a platform call can fail (each contract {@link ErrorCode}, each transport
 * {@link PlatformException.Transport.Kind}, and a protocol breach) to what the kiosk does about it: a short, calm
 * citizen message in Chinese and English saying what to do next, a detail for staff and technicians, a log level,
 * whether the kiosk must go out of service, and how the session recovers.
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
        OUT_OF_SERVICE
    }

    /**
     * One row.
     *
     * @param key          the ErrorCode name, the transport kind name, or {@code PROTOCOL}
     * @param citizenZh    for the screen, Chinese
     * @param citizenEn    for the screen, English
     * @param staffDetail  for technicians: log line and maintenance screen; never shown to citizens
     * @param logLevel     how loud the log line is
     * @param outOfService the kiosk stops serving citizens until the platform answers normally again
     * @param maintenance  a technician must look (reported on the maintenance side, not as a citizen error)
     */
    public record Entry(String key, String citizenZh, String citizenEn, String staffDetail, Level logLevel,
                        boolean outOfService, boolean maintenance, Recovery recovery) {
    }

    public static final String PROTOCOL = "PROTOCOL";

    private static final String OOS_ZH = "本机暂停服务，请到人工窗口办理。给您带来不便，敬请谅解";
    private static final String OOS_EN = "This kiosk is temporarily out of service. Please go to a staffed counter. We apologise for the inconvenience.";
    private static final String SYSTEM_ZH = "系统暂时无法处理，请稍后重试或到人工窗口办理";
    private static final String SYSTEM_EN = "The system cannot handle this right now. Please try again later or go to a staffed counter.";

    private static final Map<String, Entry> TABLE;

    static {
        Map<String, Entry> t = new LinkedHashMap<>();
        row(t, "BAD_SIGNATURE", OOS_ZH, OOS_EN,
                "The platform rejected the request signature: wrong kiosk id or secret, or a signing fault. Check KIOSK_ID and "
                        + "the secret file, then run 'kiosk platform check'.", Level.ERROR, true, true, Recovery.OUT_OF_SERVICE);
        row(t, "CLOCK_SKEW", OOS_ZH, OOS_EN,
                "The kiosk clock differs from the platform clock by more than 300 s. Check time synchronisation "
                        + "(timedatectl, NTP); 'kiosk platform check' shows the offset.", Level.ERROR, true, true, Recovery.OUT_OF_SERVICE);
        row(t, "REPLAYED_NONCE", "操作未成功，请重试", "That did not work. Please try again.",
                "The platform saw a nonce twice: a request was repeated with its old signature, or the random source is broken.",
                Level.WARN, false, true, Recovery.TRY_AGAIN);
        row(t, "KIOSK_DISABLED", OOS_ZH, OOS_EN,
                "The administrators disabled this kiosk on the platform. Ask the platform operator to enable it.",
                Level.WARN, true, true, Recovery.OUT_OF_SERVICE);
        row(t, "CARD_REVOKED", "此身份证已挂失、过期或注销，请使用有效证件或到人工窗口办理",
                "This ID card is reported lost, expired or cancelled. Please use a valid card or go to a staffed counter.",
                "The platform refused the card (lost, expired or cancelled).", Level.INFO, false, false, Recovery.NONE);
        row(t, "QR_EXPIRED", "二维码已过期，请在“信用榆林”APP中刷新后重新扫码",
                "This code has expired. Please refresh it in the city app and scan it again.",
                "App code expired or unknown to the platform.", Level.INFO, false, false, Recovery.RESCAN);
        row(t, "QR_USED", "此二维码已使用，请在“信用榆林”APP中刷新后重新扫码",
                "This code has already been used. Please refresh it in the city app and scan it again.",
                "App code was used before.", Level.INFO, false, false, Recovery.RESCAN);
        row(t, "SESSION_EXPIRED", "本次查询已超时结束，如需继续请重新放置身份证或扫码",
                "Your session has ended. To continue, please place your ID card or scan your code again.",
                "The platform session expired or was closed.", Level.INFO, false, false, Recovery.END_SESSION);
        row(t, "NOT_AUTHORIZED", "您不是该单位登记的法定代表人或授权经办人，无法查询其信用记录",
                "You are not registered as the legal representative or an authorised agent of this organisation, so its record cannot be shown.",
                "The session's person does not represent the organisation (or a kiosk resource of another kiosk was asked for).",
                Level.INFO, false, false, Recovery.NONE);
        row(t, "SUBJECT_NOT_FOUND", "未查询到相关信用记录，请核对后重试",
                "No credit record was found. Please check the details and try again.",
                "The platform has no subject or item with this identifier.", Level.INFO, false, false, Recovery.NONE);
        row(t, "INVALID_ARGUMENT", "输入的信息有误，请核对后重新输入",
                "Some details are not valid. Please check them and enter them again.",
                "The platform refused a request argument; if the kiosk validated it first this is a kiosk fault - report it with the request id.",
                Level.WARN, false, false, Recovery.NONE);
        row(t, "RECORD_CHANGED", "信用记录刚刚有更新，正在为您重新加载，请确认后再打印",
                "Your record has just been updated. It is being loaded again; please check it before printing.",
                "The record version changed since it was fetched; fetching it again.", Level.INFO, false, false, Recovery.REFETCH_RECORD);
        row(t, "DIGEST_MISMATCH", "报告登记未成功，请到人工窗口办理",
                "The report could not be registered. Please go to a staffed counter.",
                "A different SHA-256 was registered for this report number before: the kiosk rendered the report twice or "
                        + "re-used a number. Report it with the request id.", Level.ERROR, false, true, Recovery.NONE);
        row(t, "OBJECTION_OPEN", "该条信息已有异议正在处理中，请耐心等待处理结果",
                "An objection to this item is already being handled. Please wait for its outcome.",
                "An objection on this item is open.", Level.INFO, false, false, Recovery.NONE);
        row(t, "PRINT_QUOTA_EXCEEDED", "今日打印次数已达上限，请明日再来或到人工窗口办理",
                "You have reached today's printing limit. Please come back tomorrow or go to a staffed counter.",
                "The person's daily report quota is used up.", Level.INFO, false, false, Recovery.NONE);
        row(t, "RATE_LIMITED", "当前办理人数较多，请稍后重试",
                "The service is busy right now. Please try again in a moment.",
                "The platform rate-limited this kiosk (429 RATE_LIMITED).", Level.WARN, false, false, Recovery.TRY_AGAIN);
        row(t, "MAINTENANCE", "信用平台正在维护，本机暂停服务，请稍后再来或到人工窗口办理",
                "The credit platform is under maintenance. This kiosk is paused; please come back later or go to a staffed counter.",
                "The platform announced maintenance (503 MAINTENANCE); the kiosk probes until it answers normally.",
                Level.WARN, true, false, Recovery.OUT_OF_SERVICE);
        row(t, "INTERNAL", SYSTEM_ZH, SYSTEM_EN,
                "The platform reported an internal error or an unknown code. Report it with the request id.",
                Level.ERROR, false, false, Recovery.TRY_AGAIN);
        row(t, "UNREACHABLE", "暂时无法连接信用平台，请稍后重试或到人工窗口办理",
                "The kiosk cannot reach the credit platform right now. Please try again later or go to a staffed counter.",
                "No connection to the platform (refused, DNS, network, gateway). Repeated failures open the circuit breaker.",
                Level.ERROR, false, true, Recovery.TRY_AGAIN);
        row(t, "TIMEOUT", "平台响应超时，请稍后重试",
                "The credit platform is taking too long to answer. Please try again.",
                "The platform did not answer within the configured time limits.", Level.WARN, false, false, Recovery.TRY_AGAIN);
        row(t, "TLS", OOS_ZH, OOS_EN,
                "TLS failed: certificate not trusted, pin mismatch, or the system time is wrong. Check the trust store, "
                        + "KIOSK_PINS and the clock; a pin mismatch may mean interception.", Level.ERROR, true, true, Recovery.OUT_OF_SERVICE);
        row(t, PROTOCOL, SYSTEM_ZH, SYSTEM_EN,
                "The platform's answer broke the contract (malformed JSON, missing or wrong-typed field, too large); nothing "
                        + "of it was shown. Report it with the request id.", Level.ERROR, false, true, Recovery.TRY_AGAIN);
        TABLE = Collections.unmodifiableMap(t);
    }

    private ErrorCatalog() {
    }

    private static void row(Map<String, Entry> t, String key, String zh, String en, String staff, Level level,
                            boolean outOfService, boolean maintenance, Recovery recovery) {
        t.put(key, new Entry(key, zh, en, staff, level, outOfService, maintenance, recovery));
    }

    public static Entry forCode(ErrorCode code) {
        return TABLE.get(code.name());
    }

    public static Entry forTransport(PlatformException.Transport.Kind kind) {
        return TABLE.get(kind.name());
    }

    public static Entry protocol() {
        return TABLE.get(PROTOCOL);
    }

    public static Entry of(PlatformException e) {
        if (e instanceof PlatformException.Api api) {
            return forCode(api.code());
        }
        if (e instanceof PlatformException.Transport transport) {
            return forTransport(transport.kind());
        }
        return protocol();
    }

    /** Every row, in table order. */
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
