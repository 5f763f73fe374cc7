package org.creditkiosk.cli.admin;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.creditkiosk.cli.KioskCommand;
import org.creditkiosk.config.BundleStore;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.config.ConfigLoader;
import org.creditkiosk.config.ConfigTrial;
import org.creditkiosk.config.KioskSettings;
import org.creditkiosk.config.VersionFloor;
import org.creditkiosk.demo.platform.DemoPlatformServer;
import org.creditkiosk.demo.platform.DemoSettings;
import org.creditkiosk.ops.ConfigReload;
import org.creditkiosk.platform.CallObserver;
import org.creditkiosk.platform.api.CommandResult;
import org.creditkiosk.platform.api.ConfigBundle;
import org.creditkiosk.platform.api.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/**
 * {@code kiosk admin keygen|sign|verify|content}: keys and bundles cross-checked with OpenSSL (an independent
 * Ed25519), the round trip into the kiosk's own RELOAD_CONFIG and start-up, and every refusal (tampered, other
 * kiosk, old version, local-only key, invalid value, unknown key, oversized or foreign content).
 */
class AdminCommandsTest {

    private static final String KIOSK = "YL-ZWDT-01-K03";

    record Run(int code, String out, String err) {
    }

    static Run kiosk(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int code = new CommandLine(new KioskCommand()).setOut(new PrintWriter(out, true)).setErr(new PrintWriter(err, true))
                .execute(args);
        return new Run(code, out.toString(), err.toString());
    }

    static String sh(Path dir, String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(p.waitFor(30, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + ": " + out).isZero();
        return out;
    }

    private static Path keys(Path dir) {
        Run r = kiosk("admin", "keygen", "--key-id", "yl-admin-2026", "--out", dir.toString());
        assertThat(r.code()).as(r.err()).isZero();
        return dir;
    }

    @Test
    void keygenWritesAnOwnerOnlyPemAndATrustedKeysLineThatOpenSslAgreesWith(@TempDir Path dir) throws Exception {
        keys(dir);
        Path pem = dir.resolve("yl-admin-2026.pem");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(pem))).isEqualTo("rw-------");
        assertThat(Files.readString(pem)).startsWith("-----BEGIN PRIVATE KEY-----\n");
        String line = Files.readString(dir.resolve("yl-admin-2026.trusted-keys")).strip();
        assertThat(line).startsWith("yl-admin-2026 ");
        // OpenSSL derives the same public key from our private key
        sh(dir, "openssl", "pkey", "-in", pem.toString(), "-pubout", "-outform", "DER", "-out", "pub.der");
        assertThat(Base64.getEncoder().encodeToString(Files.readAllBytes(dir.resolve("pub.der"))))
                .isEqualTo(line.split(" ")[1]);
        assertThat(sh(dir, "openssl", "pkey", "-in", pem.toString(), "-noout", "-text")).contains("ED25519");
        // a second keygen does not overwrite the key
        Run again = kiosk("admin", "keygen", "--key-id", "yl-admin-2026", "--out", dir.toString());
        assertThat(again.code()).isEqualTo(2);
        assertThat(again.err()).contains("exists; not overwriting");
        assertThat(kiosk("admin", "keygen", "--key-id", "bad id", "--out", dir.toString()).code()).isEqualTo(2);
    }

    @Test
    void signedBundleVerifiesWithOpenSslAndIsTheContractsConfigBundle(@TempDir Path dir) throws Exception {
        keys(dir);
        Path settings = dir.resolve("hall.properties");
        Files.writeString(settings, "kiosk.hallName=神木市政务服务中心\nkiosk.servicePhone=0912-8888\nui.language=en\n");
        Run sign = kiosk("admin", "sign", "--key", dir.resolve("yl-admin-2026.pem").toString(), "--key-id", "yl-admin-2026",
                "--settings", settings.toString(), "--version", "7", "--kiosk", KIOSK, "--out", dir.resolve("b.json").toString());
        assertThat(sign.code()).as(sign.err()).isZero();
        ConfigBundle b = Json.mapper().readValue(dir.resolve("b.json").toFile(), ConfigBundle.class);
        assertThat(b.keyId()).isEqualTo("yl-admin-2026");
        byte[] payload = Base64.getDecoder().decode(b.payload());
        var config = Json.mapper().readTree(payload);
        assertThat(config.get("version").asLong()).isEqualTo(7);
        assertThat(config.get("kioskIds").get(0).asText()).isEqualTo(KIOSK);
        assertThat(config.get("settings").get("kiosk.hallName").asText()).isEqualTo("神木市政务服务中心");
        assertThat(config.get("issuedAt").asText()).matches("\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\dZ");
        // the signature is Ed25519 over exactly the payload bytes: OpenSSL verifies it and, Ed25519 being
        // deterministic, makes the very same signature
        Files.write(dir.resolve("payload"), payload);
        Files.write(dir.resolve("sig"), Base64.getDecoder().decode(b.signature()));
        sh(dir, "openssl", "pkey", "-in", "yl-admin-2026.pem", "-pubout", "-out", "pub.pem");
        assertThat(sh(dir, "openssl", "pkeyutl", "-verify", "-pubin", "-inkey", "pub.pem", "-rawin", "-in", "payload",
                "-sigfile", "sig")).contains("Signature Verified Successfully");
        sh(dir, "openssl", "pkeyutl", "-sign", "-inkey", "yl-admin-2026.pem", "-rawin", "-in", "payload", "-out", "sig2");
        assertThat(Files.readAllBytes(dir.resolve("sig2"))).isEqualTo(Files.readAllBytes(dir.resolve("sig")));
    }

    @Test
    void keygenSignVerifyAndTheKioskAppliesTheBundle(@TempDir Path dir) throws Exception {
        keys(dir);
        Path trusted = dir.resolve("yl-admin-2026.trusted-keys");
        Path settings = dir.resolve("hall.json");
        Files.writeString(settings, "{\"kiosk.hallName\":\"神木市政务服务中心\",\"ops.heartbeatIntervalS\":30,"
                + "\"session.timeout.farewell\":20}");
        String bundle = dir.resolve("b.json").toString();
        Run sign = kiosk("admin", "sign", "--key", dir.resolve("yl-admin-2026.pem").toString(), "--key-id", "yl-admin-2026",
                "--settings", settings.toString(), "--version", "3", "--kiosk", KIOSK, "--out", bundle);
        assertThat(sign.code()).as(sign.err()).isZero();

        Run verify = kiosk("admin", "verify", "--bundle", bundle, "--trusted-keys", trusted.toString(), "--kiosk", KIOSK,
                "--running-version", "2");
        assertThat(verify.code()).as(verify.out() + verify.err()).isZero();
        assertThat(verify.out()).contains("kiosk.hallName = 神木市政务服务中心", "ops.heartbeatIntervalS = 30",
                "ACCEPTED: kiosk " + KIOSK + " running v2 would apply it");

        // the kiosk's own RELOAD_CONFIG takes it from the platform, stores it, and the next start runs on it
        Path data = Files.createDirectories(dir.resolve("data"));
        Path local = dir.resolve("kiosk.properties");
        Files.writeString(local, "kiosk.id=" + KIOSK + "\nkiosk.dataDir=" + data + "\nconfig.trustedKeysFile=" + trusted + "\n");
        KioskSettings before = new ConfigLoader().file(local, true).load();
        try (DemoPlatformServer server = DemoPlatformServer.start(DemoSettings.defaults(), KIOSK, DemoPlatformServer.newSecret(),
                Clock.systemUTC());
             var client = server.client(CallObserver.NONE)) {
            server.setConfigBundle(Json.mapper().readValue(new File(bundle), ConfigBundle.class));
            var r = new ConfigReload(client, before).run();
            assertThat(r.result().outcome()).as(r.result().detail().orElse("")).isEqualTo(CommandResult.Outcome.DONE);
        }
        assertThat(new ConfigTrial(data).read().trialVersion()).isEqualTo(3);
        KioskSettings onTrial = ConfigLoader.forKioskStart(dir, Optional.of(local), Map.of(), Clock.systemUTC());
        assertThat(onTrial.configVersion()).isEqualTo(3);
        assertThat(onTrial.onTrial()).isTrue();
        assertThat(new ConfigTrial(data).promote()).isEqualTo(3);
        assertThat(new VersionFloor(data).read()).isEqualTo(3);
        assertThat(new BundleStore(data).file()).exists();
        KioskSettings after = ConfigLoader.standard(dir, Optional.of(local), Map.of());
        assertThat(after.bundleRefusal()).isEmpty();
        assertThat(after.onTrial()).isFalse();
        assertThat(after.configVersion()).isEqualTo(3);
        assertThat(after.get(ConfigKeys.HALL_NAME)).isEqualTo("神木市政务服务中心");
        assertThat(after.sourceOf(ConfigKeys.HEARTBEAT_INTERVAL)).isEqualTo("signed bundle v3");
    }

    @Test
    void verifyRefusesTamperedForeignOldAndUntrustedBundlesWithTheReason(@TempDir Path dir) throws Exception {
        keys(dir);
        String trusted = dir.resolve("yl-admin-2026.trusted-keys").toString();
        Path settings = dir.resolve("s.properties");
        Files.writeString(settings, "kiosk.hallName=神木市政务服务中心\n");
        String bundle = dir.resolve("b.json").toString();
        assertThat(kiosk("admin", "sign", "--key", dir.resolve("yl-admin-2026.pem").toString(), "--key-id", "yl-admin-2026",
                "--settings", settings.toString(), "--version", "4", "--kiosk", KIOSK, "--out", bundle).code()).isZero();

        Run foreign = kiosk("admin", "verify", "--bundle", bundle, "--trusted-keys", trusted, "--kiosk", "YL-ZWDT-01-K04");
        assertThat(foreign.code()).isEqualTo(1);
        assertThat(foreign.out()).contains("REFUSED: NOT_FOR_THIS_KIOSK");

        Run old = kiosk("admin", "verify", "--bundle", bundle, "--trusted-keys", trusted, "--kiosk", KIOSK, "--running-version", "4");
        assertThat(old.code()).isEqualTo(1);
        assertThat(old.out()).contains("REFUSED: NOT_NEWER: bundle v4 is not newer than v4");

        Run named = kiosk("admin", "verify", "--bundle", bundle, "--trusted-keys", trusted);
        assertThat(named.code()).as("without --kiosk: the kiosk the bundle names").isZero();
        assertThat(named.out()).contains("kiosk: " + KIOSK + " (no --kiosk given)");

        ConfigBundle b = Json.mapper().readValue(new File(bundle), ConfigBundle.class);
        String forged = new String(Base64.getDecoder().decode(b.payload()), StandardCharsets.UTF_8).replace("神木", "伪造");
        Json.mapper().writeValue(dir.resolve("t.json").toFile(), new ConfigBundle(b.keyId(),
                Base64.getEncoder().encodeToString(forged.getBytes(StandardCharsets.UTF_8)), b.signature()));
        Run tampered = kiosk("admin", "verify", "--bundle", dir.resolve("t.json").toString(), "--trusted-keys", trusted, "--kiosk", KIOSK);
        assertThat(tampered.code()).isEqualTo(1);
        assertThat(tampered.out()).contains("(not verified)", "REFUSED: BAD_SIGNATURE");

        Path other = Files.createDirectories(dir.resolve("other"));
        keysIn(other);
        Run untrusted = kiosk("admin", "verify", "--bundle", bundle, "--trusted-keys",
                other.resolve("yl-admin-2026.trusted-keys").toString(), "--kiosk", KIOSK);
        assertThat(untrusted.code()).isEqualTo(1);
        assertThat(untrusted.out()).contains("REFUSED: BAD_SIGNATURE");
        assertThat(kiosk("admin", "verify", "--bundle", dir.resolve("missing.json").toString(), "--trusted-keys", trusted).code())
                .isEqualTo(2);
    }

    private static void keysIn(Path dir) {
        assertThat(kiosk("admin", "keygen", "--key-id", "yl-admin-2026", "--out", dir.toString()).code()).isZero();
    }

    @Test
    void signRefusesLocalOnlyInvalidAndUnknownKeysOneLineEach(@TempDir Path dir) throws Exception {
        keys(dir);
        Path settings = dir.resolve("s.properties");
        Files.writeString(settings, "kiosk.hallName=好\nplatform.url=https://evil.example/api\nops.heartbeatIntervalS=1\n"
                + "kiosk.hallNmae=typo\n");
        String out = dir.resolve("b.json").toString();
        Run r = kiosk("admin", "sign", "--key", dir.resolve("yl-admin-2026.pem").toString(), "--key-id", "yl-admin-2026",
                "--settings", settings.toString(), "--version", "5", "--out", out);
        assertThat(r.code()).isEqualTo(2);
        List<String> lines = r.err().lines().toList();
        assertThat(lines).hasSize(2).allMatch(l -> l.startsWith("refused: "));
        assertThat(r.err()).contains("platform.url: only a kiosk's local configuration may set it", "kiosk.hallNmae: unknown key");
        assertThat(Path.of(out)).doesNotExist();

        Files.writeString(settings, "kiosk.hallName=好\nops.heartbeatIntervalS=1\n");
        Run invalid = kiosk("admin", "sign", "--key", dir.resolve("yl-admin-2026.pem").toString(), "--key-id", "yl-admin-2026",
                "--settings", settings.toString(), "--version", "5", "--out", out);
        assertThat(invalid.code()).isEqualTo(2);
        assertThat(invalid.err()).contains("ops.heartbeatIntervalS = '1'", "outside 5 to 3600");
        assertThat(Path.of(out)).doesNotExist();

        Run badVersion = kiosk("admin", "sign", "--key", dir.resolve("yl-admin-2026.pem").toString(), "--key-id", "yl-admin-2026",
                "--settings", settings.toString(), "--version", "0", "--kiosk", "lower-case");
        assertThat(badVersion.code()).isEqualTo(2);
        assertThat(badVersion.err()).contains("--version 0", "--kiosk lower-case");
    }

    @Test
    void contentPrintsHashAndSizeOfGoodFilesAndRefusesTheRest(@TempDir Path dir) throws Exception {
        Path small = dir.resolve("slide.png");
        ImageIO.write(new BufferedImage(320, 180, BufferedImage.TYPE_INT_RGB), "png", small.toFile());
        Path big = dir.resolve("big.jpg");
        ImageIO.write(new BufferedImage(1921, 1080, BufferedImage.TYPE_INT_RGB), "jpg", big.toFile());
        Path wav = dir.resolve("chime.wav");
        byte[] pcm = new byte[8000];
        AudioSystem.write(new AudioInputStream(new java.io.ByteArrayInputStream(pcm), new AudioFormat(8000, 16, 1, true, false), 4000),
                AudioFileFormat.Type.WAVE, wav.toFile());
        Path text = dir.resolve("notes.txt");
        Files.writeString(text, "not an image");

        Run good = kiosk("admin", "content", small.toString(), wav.toString());
        assertThat(good.code()).as(good.err()).isZero();
        String sha = org.creditkiosk.config.ContentFile.sha256(Files.readAllBytes(small));
        assertThat(good.out()).contains(sha + "  " + Files.size(small) + "  PNG 320×180", "WAV PCM 8000 Hz 16 bit 1 ch");
        assertThat(sh(dir, "sha256sum", small.toString())).startsWith(sha);

        Run bad = kiosk("admin", "content", small.toString(), big.toString(), text.toString());
        assertThat(bad.code()).isEqualTo(2);
        assertThat(bad.err()).contains("big.jpg: JPEG of 1921×1080, larger than 1920×1080", "notes.txt: not a PNG, JPEG or WAV file");
        assertThat(bad.out()).contains(sha);
    }
}
