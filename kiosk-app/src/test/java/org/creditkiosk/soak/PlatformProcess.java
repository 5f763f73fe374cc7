package org.creditkiosk.soak;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Base64;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.platform.api.Json;

/**
 * The demo platform in a process of its own, for the soak: what the platform keeps (every issued report's subject,
 * filed objections, heartbeats) then lives outside the kiosk's heap, so the kiosk's live heap and its heap dump
 * hold only what the kiosk keeps. {@code PlatformProcess <kioskId> <secret file>} prints {@code url <base url>},
 * then answers one line per command on stdin: {@code fault <spec>} ({@link DemoPlatformServer#injectNextFault}),
 * {@code sessions} (open platform sessions), {@code heartbeats} (the received heartbeats as one JSON line). It ends
 * when stdin closes (its parent ended).
 */
public final class PlatformProcess {

    /** A soak prints far more than a citizen's three FULL reports a day: the quota would answer most of them. */
    static final int SOAK_REPORTS_PER_DAY = 1_000_000;

    private PlatformProcess() {
    }

    public static void main(String[] args) throws Exception {
        // stdout is the answer channel: everything else (the console log) goes to stderr, which the soak inherits
        java.io.PrintStream answers = new java.io.PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out),
                true, StandardCharsets.UTF_8);
        System.setOut(System.err);
        byte[] secret = Base64.getDecoder().decode(Files.readString(Path.of(args[1]), StandardCharsets.US_ASCII).trim());
        DemoSettings d = DemoSettings.defaults();
        DemoSettings settings = new DemoSettings(d.port(), d.basePath(), d.publicVerifyBase(), d.kioskSeq(),
                d.sessionTtl(), SOAK_REPORTS_PER_DAY, d.clockSkewWindow(), d.nonceWindow(), d.reportValidityDays(),
                d.objectionDueDays(), d.zone());
        try (DemoPlatformServer server = DemoPlatformServer.start(settings, args[0], secret, Clock.systemUTC())) {
            java.util.Arrays.fill(secret, (byte) 0);
            // the hall content the demo's settings name (slides drawn reproducibly: the same digests)
            for (org.creditkiosk.demo.DemoContent.Slide slide : org.creditkiosk.demo.DemoContent.slides()) {
                server.putContent(slide.png());
            }
            answers.println("url " + server.baseUrl());
            BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
            for (String line; (line = in.readLine()) != null; ) {
                if (line.startsWith("fault ")) {
                    server.injectNextFault(line.substring(6));
                    answers.println("ok");
                } else if (line.equals("sessions")) {
                    answers.println(server.openSessions());
                } else if (line.equals("heartbeats")) {
                    answers.println(Json.mapper().writeValueAsString(server.heartbeats()));
                } else {
                    answers.println("unknown " + line);
                }
            }
        }
    }
}
