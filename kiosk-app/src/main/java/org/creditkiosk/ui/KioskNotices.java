package org.creditkiosk.ui;

import org.creditkiosk.platform.ErrorCatalog;
import org.creditkiosk.platform.Notice;

/** The citizen texts of every notice, from the {@link ErrorCatalog} (the one table), in the screen's language. */
public final class KioskNotices implements NoticeTexts {

    @Override
    public String title(Notice notice, Language language) {
        ErrorCatalog.Entry e = ErrorCatalog.of(notice);
        return language == Language.ZH ? e.titleZh() : e.titleEn();
    }

    @Override
    public String body(Notice notice, Language language) {
        ErrorCatalog.Entry e = ErrorCatalog.of(notice);
        return language == Language.ZH ? e.citizenZh() : e.citizenEn();
    }
}
