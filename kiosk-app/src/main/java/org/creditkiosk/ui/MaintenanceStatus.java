package org.creditkiosk.ui;

import java.util.List;

/**
 * What hall staff and technicians see on the maintenance screen: one line per device and per link, each with its
 * state, where it is connected and its last fault, in the technician's words; the print jobs a printer fault held;
 * today's counters; the kiosk's facts. No citizen data.
 *
 * @param lines    e.g. {@code ("ID_CARD_READER", "READY", true, "/dev/ttyUSB0 · 115200 baud", "OFFLINE(NO_RESPONSE) at 14:02:11")}
 * @param facts    kiosk id, app version, configuration bundle version
 * @param heldJobs print jobs held at a printer fault, newest first, one line each
 * @param today    today's counters, one line each ("sessions 12")
 */
public record MaintenanceStatus(List<Line> lines, List<String> facts, List<String> heldJobs, List<String> today) {

    /**
     * @param where       port and baud rate, CUPS queue or the platform's URL; empty when unknown
     * @param lastProblem the device's last fault since the start and when; empty when it had none
     */
    public record Line(String what, String state, boolean ok, String where, String lastProblem) {

        public Line(String what, String state, boolean ok) {
            this(what, state, ok, "", "");
        }
    }

    public MaintenanceStatus {
        lines = List.copyOf(lines);
        facts = List.copyOf(facts);
        heldJobs = List.copyOf(heldJobs);
        today = List.copyOf(today);
    }

    public MaintenanceStatus(List<Line> lines, List<String> facts) {
        this(lines, facts, List.of(), List.of());
    }
}
