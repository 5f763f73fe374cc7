package org.creditkiosk.demo.platform;

import java.time.Duration;
import java.time.ZoneId;
import java.util.Optional;

/**
 * How the embedded demo platform behaves. Defaults follow the contract (±300 s clock window, 10 minute nonce
 * memory) and plausible platform rules (3 full reports per person per day, reports valid 30 days).
 *
 * @param port               0 = an ephemeral port on the loopback interface
 * @param basePath           the server URL's base path, as in the contract's {@code https://credit-platform.example/api}
 * @param publicVerifyBase   verify URLs are {@code publicVerifyBase + "/v?r=" + reportNo}
 * @param kioskSeq           the 4-digit kiosk sequence in report numbers; empty = the digits at the end of the kiosk id
 * @param fullReportsPerDay  FULL reports per person per calendar day (in {@code zone}) before PRINT_QUOTA_EXCEEDED
 */
public record DemoSettings(
        int port,
        String basePath,
        String publicVerifyBase,
        Optional<Integer> kioskSeq,
        Duration sessionTtl,
        int fullReportsPerDay,
        Duration clockSkewWindow,
        Duration nonceWindow,
        int reportValidityDays,
        int objectionDueDays,
        ZoneId zone) {

    public DemoSettings {
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port " + port + " is outside 0..65535");
        }
        if (!basePath.isEmpty() && (!basePath.startsWith("/") || basePath.endsWith("/"))) {
            throw new IllegalArgumentException("basePath must be empty or start and not end with '/'");
        }
        kioskSeq = kioskSeq == null ? Optional.empty() : kioskSeq;
        if (fullReportsPerDay < 0) {
            throw new IllegalArgumentException("fullReportsPerDay must not be negative");
        }
    }

    public static DemoSettings defaults() {
        return new DemoSettings(0, "/api", "https://credit-platform.example", Optional.empty(), Duration.ofMinutes(10),
                3, Duration.ofSeconds(300), Duration.ofMinutes(10), 30, 14, ZoneId.of("Asia/Shanghai"));
    }

    public DemoSettings withPublicVerifyBase(String base) {
        return new DemoSettings(port, basePath, base, kioskSeq, sessionTtl, fullReportsPerDay, clockSkewWindow,
                nonceWindow, reportValidityDays, objectionDueDays, zone);
    }

    public DemoSettings withFullReportsPerDay(int quota) {
        return new DemoSettings(port, basePath, publicVerifyBase, kioskSeq, sessionTtl, quota, clockSkewWindow,
                nonceWindow, reportValidityDays, objectionDueDays, zone);
    }

    public DemoSettings withSessionTtl(Duration ttl) {
        return new DemoSettings(port, basePath, publicVerifyBase, kioskSeq, ttl, fullReportsPerDay, clockSkewWindow,
                nonceWindow, reportValidityDays, objectionDueDays, zone);
    }
}
