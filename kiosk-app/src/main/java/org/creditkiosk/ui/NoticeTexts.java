package org.creditkiosk.ui;

import org.creditkiosk.platform.Notice;

/** What the screens show for a {@link Notice}, in the screen's language. The kiosk's one is {@link KioskNotices}. */
public interface NoticeTexts {

    /** The notice screen's heading. */
    String title(Notice notice, Language language);

    /** The notice screen's message, or a banner's text. */
    String body(Notice notice, Language language);
}
