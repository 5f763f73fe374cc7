package org.creditkiosk.fuzz;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.security.KeyPair;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.Set;
import org.creditkiosk.config.ConfigException;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.SignedConfig;
import org.creditkiosk.config.TestBundles;
import org.creditkiosk.config.TrustedKeys;
import org.creditkiosk.demo.platform.DemoFixtures;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.device.fuzz.FuzzTarget;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.HttpPlatformClient;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.AllocateReportRequest;
import org.creditkiosk.platform.api.ApiError;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.Heartbeat;
import org.creditkiosk.platform.api.HeartbeatAnswer;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.ListSearchPage;
import org.creditkiosk.platform.api.ObjectionTicket;
import org.creditkiosk.platform.api.OpenSessionRequest;
import org.creditkiosk.platform.api.PlatformSession;
import org.creditkiosk.platform.api.ReportAllocation;
import org.creditkiosk.platform.api.ReportVerification;
import org.creditkiosk.scan.ScannedCode;

/**
 * Fuzz targets of the kiosk's own decoders: scanned code payloads, every platform answer type, signed configuration
 * bundles (whole, and with a validly signed but mutated payload), and properties files. Seeds are real: the platform
 * answers are what the demo platform answered to a visit made with the kiosk's client, serialised as the contract.
 */
public final class AppFuzzTargets {

    private static final String HOST = "credit-platform.example";
    private static final String KIOSK = "YL-DEMO-01-K01";

    private AppFuzzTargets() {
    }

    public static List<FuzzTarget> all() throws IOException {
        List<FuzzTarget> out = new ArrayList<>();
        out.add(scannedCodes());
        out.addAll(platformAnswers());
        out.add(bundles());
        out.add(bundlePayloads());
        out.add(propertiesFiles());
        return out;
    }

    static FuzzTarget scannedCodes() {
        List<byte[]> seeds = new ArrayList<>();
        DemoFixtures.load().qrTokens().values().forEach(t -> seeds.add(t.payload().getBytes(StandardCharsets.UTF_8)));
        seeds.add(("https://" + HOST + "/v?r=YLXY-20251127-0001-000042").getBytes(StandardCharsets.UTF_8));
        seeds.add(("https://" + HOST + "/v?r=YLXY-20251127-0001-000042&x=1#f").getBytes(StandardCharsets.UTF_8));
        seeds.add("https://www.example.com/promo?id=42".getBytes(StandardCharsets.UTF_8));
        return target("scanned code payloads", seeds, Set.of(), in -> {
            ScannedCode c = ScannedCode.classify(new String(in, StandardCharsets.UTF_8), HOST);
            if (c instanceof ScannedCode.ReportCode r && !r.reportNo().matches("[A-Z]{2,8}-\\d{8}-\\d{4}-\\d{6}")) {
                throw new IllegalStateException("a report code with a malformed number: " + r.reportNo());
            }
            return c.getClass().getSimpleName();
        });
    }

    /** One target per answer type, seeded with what the demo platform answered to a real visit. */
    static List<FuzzTarget> platformAnswers() throws IOException {
        Map<Class<?>, List<byte[]>> seeds = new LinkedHashMap<>();
        byte[] secret = DemoPlatformServer.newSecret();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK, secret, Clock.systemUTC());
             HttpPlatformClient client = server.client(CallObserver.NONE)) {
            DemoFixtures fixtures = DemoFixtures.load();
            for (var card : fixtures.cards()) {
                try {
                    PlatformSession s = client.openSession(OpenSessionRequest.idCard(card));
                    add(seeds, PlatformSession.class, s);
                    SessionToken token = new SessionToken(s.sessionToken());
                    CreditRecord r = client.getOwnRecord(token);
                    add(seeds, CreditRecord.class, r);
                    ReportAllocation a = client.allocateReport(token, new AllocateReportRequest(r.recordId(), r.recordVersion(),
                            AllocateReportRequest.ReportKind.values()[0]));
                    add(seeds, ReportAllocation.class, a);
                    add(seeds, ReportVerification.class, client.verifyReport(a.reportNo()));
                    client.closeSession(token);
                } catch (org.creditkiosk.platform.PlatformException e) {
                    // a revoked demo card: its answer is an ApiError, seeded below
                }
            }
            add(seeds, ListSearchPage.class, client.searchPublicLists("榆林", Optional.empty(), 1, 10));
            add(seeds, HeartbeatAnswer.class, client.heartbeat(new Heartbeat("dev", 0L, 1L, Optional.of("ATTRACT"),
                    List.of(), Map.of("sessions", 1L), Map.of(), List.of())));
        } catch (org.creditkiosk.platform.PlatformException e) {
            throw new IOException("demo platform: " + e.getMessage(), e);
        }
        seeds.put(ApiError.class, List.of(
                "{\"code\":\"CARD_REVOKED\",\"message\":\"card reported lost\",\"requestId\":\"r-1\"}".getBytes(StandardCharsets.UTF_8),
                "{\"code\":\"RATE_LIMITED\",\"message\":\"slow down\"}".getBytes(StandardCharsets.UTF_8)));
        seeds.put(ObjectionTicket.class, List.of(("{\"ticketNo\":\"YY-20261201-0001\",\"itemId\":\"PN-1\",\"status\":\"RECEIVED\","
                + "\"filedOn\":\"2026-12-01\",\"dueOn\":\"2026-12-15\"}").getBytes(StandardCharsets.UTF_8)));
        List<FuzzTarget> out = new ArrayList<>();
        seeds.forEach((type, s) -> out.add(target("platform answer " + type.getSimpleName(), s,
                Set.of(JsonProcessingException.class), in -> {
                    Object v = Json.mapper().readValue(in, type);
                    return v == null ? "null" : "parsed";
                })));
        return out;
    }

    private static void add(Map<Class<?>, List<byte[]>> seeds, Class<?> type, Object value) throws JsonProcessingException {
        seeds.computeIfAbsent(type, k -> new ArrayList<>()).add(Json.mapper().writeValueAsBytes(value));
    }

    /** Whole bundles as they arrive: JSON, then the signature and every rule of SignedConfig. */
    static FuzzTarget bundles() {
        KeyPair admin = TestBundles.ed25519();
        TrustedKeys keys = TrustedKeys.of(Map.of("admin", admin.getPublic()));
        List<byte[]> seeds = new ArrayList<>();
        for (String settings : List.of("\"kiosk.hallName\":\"神木市政务服务中心\"", "\"ui.language\":\"en\",\"ops.heartbeatIntervalS\":\"30\"",
                "\"platform.url\":\"https://evil.example\"")) {
            try {
                seeds.add(Json.mapper().writeValueAsBytes(TestBundles.bundle(admin, "admin", TestBundles.config(4, "", settings))));
            } catch (JsonProcessingException e) {
                throw new IllegalStateException(e);
            }
        }
        return target("configuration bundles", seeds, Set.of(JsonProcessingException.class), in -> {
            ConfigBundle b = Json.mapper().readValue(in, ConfigBundle.class);
            SignedConfig.Verdict v = SignedConfig.verify(b, keys, KIOSK, 3, TestBundles.NOW);
            return v instanceof SignedConfig.Rejected r ? "Rejected:" + r.code() : "Accepted";
        });
    }

    /** The payload mutated and then validly signed: reaches KioskConfig parsing and every setting's validation. */
    static FuzzTarget bundlePayloads() {
        KeyPair admin = TestBundles.ed25519();
        TrustedKeys keys = TrustedKeys.of(Map.of("admin", admin.getPublic()));
        List<byte[]> seeds = List.of(
                TestBundles.config(4, "", "\"kiosk.hallName\":\"神木市政务服务中心\",\"ui.language\":\"en\"").getBytes(StandardCharsets.UTF_8),
                TestBundles.config(5, "\"" + KIOSK + "\"", "\"session.timeout.showing_record\":\"90\"").getBytes(StandardCharsets.UTF_8));
        return target("configuration bundle payloads", seeds, Set.of(), in -> {
            if (in.length == 0) {
                return "empty payload"; // a ConfigBundle cannot even be formed (contract: payload required)
            }
            ConfigBundle b = TestBundles.bundle(admin, "admin", new String(in, StandardCharsets.UTF_8));
            SignedConfig.Verdict v = SignedConfig.verify(b, keys, KIOSK, 3, TestBundles.NOW);
            return v instanceof SignedConfig.Rejected r ? "Rejected:" + r.code() : "Accepted";
        });
    }

    /** A technician file: Java properties syntax, then every key's validation. */
    static FuzzTarget propertiesFiles() {
        List<byte[]> seeds = List.of(
                ("kiosk.id=YL-ZWDT-01-K03\nplatform.url=https://credit-platform.example/api\ndevices.idcard.baud=115200\n"
                        + "kiosk.hallName=\\u6986\\u6797\n").getBytes(StandardCharsets.UTF_8),
                "# comment\nplatform.connectTimeoutMs = 3000\nui.language:en\nmaintenance.holdMs 5000\n".getBytes(StandardCharsets.UTF_8));
        return target("properties files", seeds, Set.of(ConfigException.class), in -> {
            Properties p = new Properties();
            try {
                p.load(new StringReader(new String(in, StandardCharsets.UTF_8)));
            } catch (IllegalArgumentException e) {
                return "malformed escape"; // ConfigLoader.file reports this as a problem of the file
            }
            Map<String, String> values = new HashMap<>();
            p.stringPropertyNames().forEach(k -> values.put(k, p.getProperty(k)));
            new ConfigLoader().values(values, "fuzz").load();
            return "valid";
        });
    }

    @FunctionalInterface
    interface Body {
        String run(byte[] input) throws Exception;
    }

    static FuzzTarget target(String name, List<byte[]> seeds, Set<Class<? extends Exception>> typed, Body body) {
        return new FuzzTarget() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<byte[]> seeds() {
                return seeds;
            }

            @Override
            public String run(byte[] input) throws Exception {
                return body.run(input);
            }

            @Override
            public Set<Class<? extends Exception>> typedFailures() {
                return typed;
            }
        };
    }
}
