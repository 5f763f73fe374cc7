package org.creditkiosk.ui;

/** What the screens show about the kiosk itself. */
public record KioskIdentity(String kioskId, String hallName, String hallNameEn, String servicePhone, Language defaultLanguage) {
}
