package org.creditkiosk.platform.api;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Contract {@code Heartbeat}: health and usage of the kiosk. Never carries personal data. */
public record Heartbeat(
        String appVersion,
        Long configVersion,
        Long uptimeS,
        Optional<String> state,
        List<DeviceStatus> devices,
        Map<String, Long> counters,
        Map<String, Long> latencyMs,
        List<String> rejectedConfigKeys) {

    public enum DeviceKind { ID_CARD_READER, REPORT_PRINTER, RECEIPT_PRINTER, QR_SCANNER }

    public enum DeviceState { READY, BUSY, DEGRADED, OFFLINE, DISABLED }

    /** Contract {@code Heartbeat.devices[]}; {@code detail} e.g. PAPER_LOW, COVER_OPEN, NO_RESPONSE. */
    public record DeviceStatus(DeviceKind kind, DeviceState state, Optional<String> detail) {
        public DeviceStatus {
            Require.present(kind, "devices.kind");
            Require.present(state, "devices.state");
            detail = Require.optional(detail);
        }
    }

    public Heartbeat {
        Require.text(appVersion, "appVersion");
        Require.present(configVersion, "configVersion");
        Require.present(uptimeS, "uptimeS");
        state = Require.optional(state);
        Require.present(devices, "devices");
        devices = List.copyOf(devices);
        counters = counters == null ? Map.of() : Map.copyOf(counters);
        latencyMs = latencyMs == null ? Map.of() : Map.copyOf(latencyMs);
        rejectedConfigKeys = Require.list(rejectedConfigKeys);
    }
}
