package org.creditkiosk.ui;

import java.io.IOException;
import java.io.InputStream;
import javafx.scene.text.Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Loads the bundled fonts into JavaFX once: the CJK font (Droid Sans Fallback, TrueType) used for every screen and
 * the Latin companion. Without them a kiosk whose system has no CJK font would show boxes.
 */
public final class KioskFonts {

    private static final Logger log = LoggerFactory.getLogger(KioskFonts.class);
    public static final String CJK_FAMILY = "Droid Sans Fallback";
    private static volatile boolean loaded;

    private KioskFonts() {
    }

    public static synchronized void load() {
        if (loaded) {
            return;
        }
        for (String f : new String[] {"DroidSansFallbackFull.ttf", "DejaVuSans.ttf", "DejaVuSans-Bold.ttf"}) {
            try (InputStream in = KioskFonts.class.getResourceAsStream("/assets/fonts/" + f)) {
                if (in == null) {
                    log.error("bundled font {} is missing from the jar", f);
                    continue;
                }
                Font font = Font.loadFont(in, 22);
                if (font == null) {
                    log.error("JavaFX could not load bundled font {}", f);
                }
            } catch (IOException e) {
                log.error("cannot read bundled font {}", f, e);
            }
        }
        loaded = true;
    }
}
