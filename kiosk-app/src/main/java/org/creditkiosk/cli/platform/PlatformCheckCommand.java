package org.creditkiosk.cli.platform;

import java.io.IOException;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.ErrorCatalog;
import org.creditkiosk.platform.PlatformException;
import org.creditkiosk.platform.api.ConfigAnswer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code kiosk platform check}: one signed {@code getKioskConfig} call, then a verdict on reachability, TLS, the
 * signature and the clock offset (from the answer's Date header). Exit 0 only when all are fine.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = {"Make one signed getKioskConfig call and report reachability, TLS, whether the signature was "
                + "accepted and the clock offset. Exit 0 only when all are fine, 1 otherwise, 2 on a settings error."})
public final class PlatformCheckCommand implements Callable<Integer> {

    /** The contract accepts ±300 s; warn well before, so a drifting clock is fixed before citizens notice. */
    static final Duration CONTRACT_WINDOW = Duration.ofSeconds(300);
    static final Duration WARN_OFFSET = Duration.ofSeconds(60);

    @Mixin
    PlatformConnection connection;

    @Spec
    CommandSpec spec;

    Map<String, String> environment = System.getenv();

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        PlatformConnection.Connected connected;
        try {
            connected = connection.connect(environment, CallObserver.NONE);
        } catch (IOException | IllegalArgumentException e) {
            err.println("settings: " + e.getMessage());
            return 2;
        }
        try (connected) {
            var settings = connected.client().settings();
            boolean https = settings.url().isHttps();
            out.printf("platform      %s%n", settings.baseUrl());
            out.printf("kiosk id      %s%n", settings.kioskId());
            boolean ok = true;
            String reach;
            String tls = !https ? "not used (plain HTTP to loopback, demo only)"
                    : "ok" + (settings.truststore().isPresent() ? ", trust store " + settings.truststore().get() : ", JDK trust")
                    + (settings.pins().isEmpty() ? "" : ", " + settings.pins().size() + " SPKI pin(s)");
            String signature;
            Optional<String> problem = Optional.empty();
            try {
                ConfigAnswer answer = connected.client().getKioskConfig(Optional.empty());
                reach = "yes";
                signature = "accepted";
                out.printf("config        %s%n", answer.unchanged() ? "no new bundle (304)" : "bundle offered, ETag " + answer.etag().orElse("-"));
            } catch (PlatformException.Api e) {
                reach = "yes";
                signature = switch (e.code()) {
                    case BAD_SIGNATURE -> "REJECTED (BAD_SIGNATURE)";
                    case CLOCK_SKEW -> "rejected for clock skew (CLOCK_SKEW)";
                    case REPLAYED_NONCE -> "rejected as replay (REPLAYED_NONCE)";
                    default -> "accepted";
                };
                ok = false;
                problem = Optional.of(e.getMessage() + " | " + ErrorCatalog.of(e).staffDetail());
            } catch (PlatformException.Transport e) {
                reach = e.kind() == PlatformException.Transport.Kind.TLS ? "yes (TCP)" : "NO (" + e.kind() + ")";
                if (e.kind() == PlatformException.Transport.Kind.TLS) {
                    tls = "FAILED";
                } else if (https) {
                    tls = "unknown";
                }
                signature = "unknown";
                ok = false;
                problem = Optional.of(e.getMessage() + " | " + ErrorCatalog.of(e).staffDetail());
            } catch (PlatformException e) { // Protocol: the only kind left of the sealed set
                reach = "yes";
                signature = "unknown (answer broke the contract)";
                ok = false;
                problem = Optional.of(e.getMessage());
            }
            out.printf("reachable     %s%n", reach);
            out.printf("tls           %s%n", tls);
            out.printf("signature     %s%n", signature);
            Optional<Duration> offset = connected.client().lastClockOffset();
            if (offset.isPresent()) {
                Duration d = offset.get();
                String verdict;
                if (d.abs().compareTo(CONTRACT_WINDOW) > 0) {
                    verdict = "OUTSIDE the contract's ±300 s: requests are refused (CLOCK_SKEW); fix time synchronisation";
                    ok = false;
                } else if (d.abs().compareTo(WARN_OFFSET) > 0) {
                    verdict = "within ±300 s but drifting; check time synchronisation";
                } else {
                    verdict = "ok";
                }
                out.printf("clock offset  %+d s (platform minus kiosk): %s%n", d.toSeconds(), verdict);
            } else {
                out.printf("clock offset  unknown (no Date header)%n");
                if (reach.equals("yes")) {
                    ok = false;
                }
            }
            problem.ifPresent(p -> out.printf("problem       %s%n", p));
            out.printf("result        %s%n", ok ? "OK" : "NOT OK");
            return ok ? 0 : 1;
        }
    }
}
