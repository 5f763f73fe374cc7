package org.creditkiosk.ops;

import java.util.Map;

/**
 * A part of the kiosk that adds its own counts to the heartbeat's {@code counters} (contract {@code Heartbeat}:
 * counts since the last accepted heartbeat, keys such as {@code errors.<CODE>}). The heartbeat asks for the counts,
 * sends them, and only when the platform accepted them says so; counts made meanwhile are kept for the next one.
 * Never personal data.
 */
public interface HeartbeatCounters {

    /** What was counted since the last accepted heartbeat, by contract key; zero counts may be left out. Never throws. */
    Map<String, Long> counted();

    /** The platform accepted a heartbeat that carried {@code sent} (as {@link #counted()} gave it): forget those. */
    void reported(Map<String, Long> sent);

    /** Phase percentiles since the last accepted heartbeat (contract {@code Heartbeat.latencyMs}); none by default. */
    default Map<String, Long> latencies() {
        return Map.of();
    }

    /** The platform accepted a heartbeat that carried {@code sent} latencies: forget their samples. */
    default void latenciesReported(Map<String, Long> sent) {
    }
}
