package org.creditkiosk.ui;

import java.text.MessageFormat;
import java.util.EnumMap;
import java.util.Map;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/** The screens' texts in both languages ({@code messages_zh/en.properties}, UTF-8). */
public final class Texts {

    private final Map<Language, ResourceBundle> bundles = new EnumMap<>(Language.class);
    private volatile Language language;

    public Texts(Language initial) {
        for (Language l : Language.values()) {
            bundles.put(l, ResourceBundle.getBundle("org.creditkiosk.ui.messages", l.locale(),
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES)));
        }
        this.language = initial;
    }

    public Language language() {
        return language;
    }

    public void language(Language l) {
        this.language = l;
    }

    public String t(String key, Object... args) {
        String pattern;
        try {
            pattern = bundles.get(language).getString(key);
        } catch (MissingResourceException e) {
            return key;
        }
        return args.length == 0 ? pattern : new MessageFormat(pattern, language.locale()).format(args);
    }

    public boolean has(String key) {
        return bundles.get(language).containsKey(key);
    }
}
