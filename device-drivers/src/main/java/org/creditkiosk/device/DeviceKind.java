package org.creditkiosk.device;

/** The kinds of device a kiosk carries; names match the platform contract's heartbeat {@code devices[].kind}. */
public enum DeviceKind {
    ID_CARD_READER,
    REPORT_PRINTER,
    RECEIPT_PRINTER,
    QR_SCANNER
}
