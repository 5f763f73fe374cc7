package org.creditkiosk.cli.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.Base64;
import org.creditkiosk.cli.KioskCommand;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.platform.api.Json;
import org.creditkiosk.platform.api.ListSearchPage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class PlatformCommandsTest {

    @TempDir
    Path dir;

    record Run(int code, String out, String err) {
    }

    static Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cli = new CommandLine(new KioskCommand()).setCaseInsensitiveEnumValuesAllowed(true);
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        int code = cli.execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    Path secretFile(byte[] secret, String perms) throws Exception {
        Path f = dir.resolve("secret-" + perms);
        Files.writeString(f, Base64.getEncoder().encodeToString(secret) + "\n");
        Files.setPosixFilePermissions(f, PosixFilePermissions.fromString(perms));
        return f;
    }

    @Test
    void checkPassesAgainstTheDemoPlatformAndNamesEachVerdict() {
        Run r = run("platform", "check", "--demo");
        assertThat(r.code()).as(r.out() + r.err()).isZero();
        assertThat(r.out()).contains("reachable     yes").contains("signature     accepted")
                .contains("clock offset  ").contains("result        OK");
    }

    @Test
    void checkWithSettingsFromOptions() throws Exception {
        byte[] secret = DemoPlatformServer.newSecret();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), "YL-ZWDT-01-K03", secret, Clock.systemUTC())) {
            Run ok = run("platform", "check", "--url", server.baseUrl(), "--kiosk-id", "YL-ZWDT-01-K03",
                    "--secret-file", secretFile(secret, "rw-------").toString());
            assertThat(ok.code()).as(ok.out() + ok.err()).isZero();

            Run wrong = run("platform", "check", "--url", server.baseUrl(), "--kiosk-id", "YL-ZWDT-01-K03",
                    "--secret-file", secretFile(DemoPlatformServer.newSecret(), "r--------").toString());
            assertThat(wrong.code()).isEqualTo(1);
            assertThat(wrong.out()).contains("REJECTED (BAD_SIGNATURE)").contains("NOT OK");

            Run open = run("platform", "check", "--url", server.baseUrl(), "--kiosk-id", "YL-ZWDT-01-K03",
                    "--secret-file", secretFile(secret, "rw-r--r--").toString());
            assertThat(open.code()).isEqualTo(2);
            assertThat(open.err()).contains("chmod 600");
        }
        Run down = run("platform", "check", "--url", "http://127.0.0.1:1/api", "--kiosk-id", "K1",
                "--secret-file", secretFile(secret, "rw-------").toString());
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.out()).contains("reachable     NO (UNREACHABLE)");
    }

    @Test
    void plainHttpToANonLoopbackHostAndMissingSettingsAreRefused() {
        Run http = run("platform", "check", "--url", "http://credit-platform.example/api", "--kiosk-id", "K1");
        assertThat(http.code()).isEqualTo(2);
        assertThat(http.err()).contains("plain HTTP");
        assertThat(run("platform", "lists", "--q", "榆林").code()).isEqualTo(2);
    }

    @Test
    void listsPrintsAPageOrTheContractJson() throws Exception {
        Run table = run("platform", "lists", "--demo", "--q", "神木", "--list", "BLACK");
        assertThat(table.code()).as(table.err()).isZero();
        assertThat(table.out()).contains("BLACK").contains("重大税收违法失信主体");
        Run json = run("platform", "lists", "--demo", "--q", "榆林", "--json", "--size", "2");
        assertThat(json.code()).isZero();
        ListSearchPage page = Json.mapper().readValue(json.out(), ListSearchPage.class);
        assertThat(page.items()).hasSize(2);
    }
}
