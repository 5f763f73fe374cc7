package org.creditkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.MessageDigest;
import java.security.cert.Certificate;
import java.time.Clock;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Trust store and SPKI pins against an HTTPS MockWebServer with a certificate made by the JDK's keytool. */
class PlatformTlsTest {

    static final String PASS = "changeit";
    static final String ANSWER = "{\"reportNo\":\"YLXY-20261127-0003-000187\",\"status\":\"UNKNOWN\"}";

    @TempDir
    static Path dir;
    static Path serverStore;
    static Path trustStore;
    static String pin;

    MockWebServer server;

    @BeforeAll
    static void makeCertificates() throws Exception {
        Path keytool = Path.of(System.getProperty("java.home"), "bin", "keytool");
        assumeTrue(Files.isExecutable(keytool), "keytool not found in java.home");
        serverStore = dir.resolve("server.p12");
        trustStore = dir.resolve("trust.p12");
        Path cert = dir.resolve("server.crt");
        run(keytool.toString(), "-genkeypair", "-alias", "server", "-keyalg", "EC", "-groupname", "secp256r1",
                "-dname", "CN=localhost", "-ext", "SAN=dns:localhost,ip:127.0.0.1", "-validity", "2",
                "-keystore", serverStore.toString(), "-storetype", "PKCS12", "-storepass", PASS, "-keypass", PASS);
        run(keytool.toString(), "-exportcert", "-rfc", "-alias", "server", "-file", cert.toString(),
                "-keystore", serverStore.toString(), "-storetype", "PKCS12", "-storepass", PASS);
        run(keytool.toString(), "-importcert", "-noprompt", "-alias", "platform", "-file", cert.toString(),
                "-keystore", trustStore.toString(), "-storetype", "PKCS12", "-storepass", PASS);
        KeyStore ks = load(serverStore);
        Certificate c = ks.getCertificate("server");
        pin = "sha256/" + Base64.getEncoder().encodeToString(
                MessageDigest.getInstance("SHA-256").digest(c.getPublicKey().getEncoded()));
    }

    static void run(String... cmd) throws Exception {
        Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assumeTrue(p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0, "keytool failed: " + out);
    }

    static KeyStore load(Path file) throws Exception {
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(file)) {
            ks.load(in, PASS.toCharArray());
        }
        return ks;
    }

    @BeforeEach
    void start() throws Exception {
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(load(serverStore), PASS.toCharArray());
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(kmf.getKeyManagers(), null, null);
        server = new MockWebServer();
        server.useHttps(context.getSocketFactory(), false);
        server.start();
    }

    @AfterEach
    void stop() throws Exception {
        server.shutdown();
    }

    PlatformException.Transport.Kind verify(Optional<Path> truststore, List<String> pins) {
        server.enqueue(new MockResponse().setBody(ANSWER));
        PlatformSettings base = PlatformSettings.of(server.url("/api").toString(), "K1", Optional.empty());
        PlatformSettings s = new PlatformSettings(base.baseUrl(), "K1", Optional.empty(), truststore, Optional.of(PASS), pins,
                null, null, null, null, 1, null, null, PlatformSettings.DEFAULT_MAX_BODY_BYTES);
        try (HttpPlatformClient client = new HttpPlatformClient(s, new byte[32], Clock.systemUTC(),
                RequestSigner.secureNonces(), CallObserver.NONE, d -> { })) {
            client.verifyReport("YLXY-20261127-0003-000187");
            return null;
        } catch (PlatformException.Transport e) {
            return e.kind();
        } catch (PlatformException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void theConfiguredTrustStoreIsTrusted() {
        assertThat(verify(Optional.of(trustStore), List.of())).isNull();
    }

    @Test
    void theRightPinPassesAWrongPinIsATlsFailure() {
        assertThat(verify(Optional.of(trustStore), List.of(pin))).isNull();
        assertThat(verify(Optional.of(trustStore), List.of("sha256/" + "A".repeat(43) + "="))).isEqualTo(PlatformException.Transport.Kind.TLS);
    }

    @Test
    void anUntrustedCertificateIsATlsFailure() {
        assertThat(verify(Optional.empty(), List.of())).isEqualTo(PlatformException.Transport.Kind.TLS);
    }

    @Test
    void anUnusableTrustStoreIsRefusedAtStart() {
        assertThatThrownBy(() -> verify(Optional.of(dir.resolve("missing.p12")), List.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("trust store");
    }
}
