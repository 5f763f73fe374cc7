package org.creditkiosk.ui;

import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.KioskSettings;

/** What the screens show about the kiosk itself. */
public record KioskIdentity(String kioskId, String hallName, String hallNameEn, String servicePhone, Language defaultLanguage) {

    /** The identity the configuration gives (the assembled kiosk and its starting screen show the same). */
    public static KioskIdentity of(KioskSettings settings) {
        return new KioskIdentity(settings.get(ConfigKeys.KIOSK_ID), settings.get(ConfigKeys.HALL_NAME),
                settings.get(ConfigKeys.HALL_NAME_EN), settings.get(ConfigKeys.SERVICE_PHONE),
                Language.of(settings.get(ConfigKeys.UI_LANGUAGE)));
    }
}
