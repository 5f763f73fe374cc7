package org.creditkiosk.ui;

import java.util.List;

/**
 * What hall staff see on the maintenance screen: one line per device and per link, each with its state, in the
 * technician's words. No citizen data.
 *
 * @param lines  e.g. {@code ("ID_CARD_READER", "READY", true)}
 * @param facts  kiosk id, app version, configuration version
 */
public record MaintenanceStatus(List<Line> lines, List<String> facts) {

    public record Line(String what, String state, boolean ok) {
    }

    public MaintenanceStatus {
        lines = List.copyOf(lines);
        facts = List.copyOf(facts);
    }
}
