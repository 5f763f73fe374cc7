package org.creditkiosk.platform.bench;

import java.time.Clock;
import java.util.Arrays;
import java.util.Optional;
import org.creditkiosk.demo.platform.DemoFixtures;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.HttpPlatformClient;
import org.creditkiosk.platform.RequestSigner;
import org.creditkiosk.platform.SessionToken;
import org.creditkiosk.platform.api.ListSearchPage;
import org.creditkiosk.platform.api.OpenSessionRequest;

/**
 * Figures for docs/platform.md: the cost of signing a request, and client ↔ demo platform round trips over
 * loopback (signing, HTTP, signature check, JSON both ways, strict parsing). Not a test: prints its figures.
 */
public final class PlatformBench {

    private PlatformBench() {
    }

    public static void main(String[] args) throws Exception {
        ((ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME))
                .setLevel(ch.qos.logback.classic.Level.WARN);
        byte[] secret = DemoPlatformServer.newSecret();
        byte[] body = new byte[2048];
        String target = "/api/v1/public/lists?q=%E6%A6%86%E6%9E%97&list=BLACK&page=1&size=20";
        int n = 200_000;
        for (int round = 0; round < 2; round++) {
            long t0 = System.nanoTime();
            for (int i = 0; i < n; i++) {
                String sha = RequestSigner.sha256Hex(body);
                RequestSigner.sign(secret, RequestSigner.canonical("POST", target, "2026-11-27T03:00:00Z",
                        "0123456789abcdef0123456789abcdef", sha));
            }
            double us = (System.nanoTime() - t0) / 1e3 / n;
            System.out.printf("signing (2 KiB body: SHA-256 + HMAC + Base64): %.2f µs per request%n", us);
        }
        DemoFixtures fixtures = DemoFixtures.load();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), "YL-BENCH-K01", secret, Clock.systemUTC());
             HttpPlatformClient client = server.client(CallObserver.NONE)) {
            var card = fixtures.cards().stream().filter(c -> c.name().equals("刘卫东")).findFirst().orElseThrow();
            int runs = 1000;
            long[] open = new long[runs / 10];
            long[] record = new long[runs];
            long[] org = new long[runs];
            long[] lists = new long[runs];
            for (int warm = 0; warm < 2; warm++) {
                for (int i = 0; i < open.length; i++) {
                    long t = System.nanoTime();
                    var s = client.openSession(OpenSessionRequest.idCard(card));
                    open[i] = System.nanoTime() - t;
                    SessionToken token = new SessionToken(s.sessionToken());
                    for (int j = 0; j < 10; j++) {
                        int k = i * 10 + j;
                        t = System.nanoTime();
                        client.getOwnRecord(token);
                        record[k] = System.nanoTime() - t;
                        t = System.nanoTime();
                        client.getOrganizationRecord(token, "91610802MA70Q3K23B");
                        org[k] = System.nanoTime() - t;
                        t = System.nanoTime();
                        client.searchPublicLists("榆林", Optional.of(ListSearchPage.ListKind.RED), 1, 20);
                        lists[k] = System.nanoTime() - t;
                    }
                    client.closeSession(token);
                }
            }
            print("openSession", open);
            print("getOwnRecord", record);
            print("getOrganizationRecord (3 penalties)", org);
            print("searchPublicLists", lists);
        }
    }

    private static void print(String what, long[] nanos) {
        long[] s = nanos.clone();
        Arrays.sort(s);
        System.out.printf("%-38s n=%4d  p50 %.2f ms  p95 %.2f ms  p99 %.2f ms  max %.2f ms%n", what, s.length,
                s[s.length / 2] / 1e6, s[(int) (s.length * 0.95)] / 1e6, s[(int) (s.length * 0.99)] / 1e6, s[s.length - 1] / 1e6);
    }
}
