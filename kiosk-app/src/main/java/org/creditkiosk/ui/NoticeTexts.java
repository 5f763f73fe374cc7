package org.creditkiosk.ui;

/** Citizen texts for notice codes (platform error codes, device and session codes). */
public interface NoticeTexts {

    String title(String code, Language language);

    String body(String code, Language language);
}
