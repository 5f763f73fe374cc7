package org.creditkiosk.ui;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.creditkiosk.platform.ErrorCatalog;

/**
 * Citizen texts for every notice code the session shows: platform codes come from the {@link ErrorCatalog} (the
 * one table for platform failures); the kiosk's own codes (session timeouts, card reading, printers) are in the
 * table below. A code in neither gets the catalogue's INTERNAL text, never a raw code.
 */
public final class KioskNotices implements NoticeTexts {

    private record Text(String titleZh, String titleEn, String bodyZh, String bodyEn) {
    }

    private static final Map<String, Text> KIOSK = new LinkedHashMap<>();

    static {
        KIOSK.put("CARD_UNREADABLE", new Text("未能读取身份证", "The card could not be read",
                "请将身份证平放在感应区中央，待读取完成前不要移动。", "Lay the card flat in the middle of the reader and keep it still until it is read."));
        KIOSK.put("QR_UNKNOWN", new Text("无法识别此二维码", "This code cannot be used here",
                "此二维码不是信用报告核验码，也不是“信用榆林”APP 电子信用身份证码。", "This code is not a credit report code or a Credit Yulin app code."));
        KIOSK.put("QR_MALFORMED", new Text("二维码无法识别", "The code could not be read",
                "请在“信用榆林”APP中刷新电子信用身份证二维码后重新扫码。", "Please refresh the code in the Credit Yulin app and scan it again."));
        KIOSK.put("PRINT_FAILED", new Text("打印未完成", "Printing did not finish",
                "报告未能打印，工作人员已收到通知。您可以稍后再试或到人工窗口办理。", "The report could not be printed; staff have been notified. Try again later or go to a staffed counter."));
        KIOSK.put("PAPER_OUT", new Text("打印机缺纸", "The printer is out of paper",
                "打印机需要加纸，工作人员已收到通知。加纸后您可以重新打印，不会重复计数。", "The printer needs paper; staff have been notified. Once it is refilled you can print again, at no extra count."));
        KIOSK.put("COVER_OPEN", new Text("打印机盖未关", "The printer cover is open",
                "打印机需要工作人员处理，已通知工作人员。处理后您可以重新打印。", "The printer needs staff attention; they have been notified. You can print again afterwards."));
        KIOSK.put("PRINTER_OFFLINE", new Text("打印机暂不可用", "The printer is not available",
                "打印机需要工作人员处理，已通知工作人员。处理后您可以重新打印。", "The printer needs staff attention; they have been notified. You can print again afterwards."));
    }

    /** The codes this class adds to the catalogue (for tests). */
    public static Iterable<String> kioskCodes() {
        return KIOSK.keySet();
    }

    @Override
    public String title(String code, Language language) {
        Text t = KIOSK.get(code);
        if (t != null) {
            return language == Language.ZH ? t.titleZh() : t.titleEn();
        }
        ErrorCatalog.Entry e = entry(code);
        if (e.outOfService()) {
            return language == Language.ZH ? "暂停服务" : "Out of service";
        }
        return language == Language.ZH ? "无法继续办理" : "This could not be completed";
    }

    @Override
    public String body(String code, Language language) {
        Text t = KIOSK.get(code);
        if (t != null) {
            return language == Language.ZH ? t.bodyZh() : t.bodyEn();
        }
        ErrorCatalog.Entry e = entry(code);
        return language == Language.ZH ? e.citizenZh() : e.citizenEn();
    }

    private static ErrorCatalog.Entry entry(String code) {
        return lookup(code).orElseGet(() -> lookup("INTERNAL").orElseThrow());
    }

    private static Optional<ErrorCatalog.Entry> lookup(String code) {
        return ErrorCatalog.entries().stream().filter(e -> e.key().equals(code)).findFirst();
    }
}
