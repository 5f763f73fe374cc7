package org.creditkiosk.ui;

import java.util.Locale;

/** The kiosk's two languages: Chinese first, English available. */
public enum Language {
    ZH(Locale.SIMPLIFIED_CHINESE), EN(Locale.ENGLISH);

    private final Locale locale;

    Language(Locale locale) {
        this.locale = locale;
    }

    public Locale locale() {
        return locale;
    }

    public Language other() {
        return this == ZH ? EN : ZH;
    }

    public static Language of(String code) {
        return "en".equalsIgnoreCase(code) ? EN : ZH;
    }
}
