package org.creditkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.util.Optional;
import okhttp3.mockwebserver.MockResponse;
import okhttp3.mockwebserver.MockWebServer;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;
import org.junit.jupiter.api.Test;

/**
 * okhttp-tls is on the test class path (root pom, same version as okhttp): an HTTPS MockWebServer with a throw-away
 * certificate made in memory (no keytool needed), which the client, trusting only the JDK's roots, refuses as TLS.
 */
class OkHttpTlsAvailableTest {

    @Test
    void anHttpsMockWebServerWithAHeldCertificateAnswersThePinnedClient() throws Exception {
        HeldCertificate localhost = new HeldCertificate.Builder().addSubjectAlternativeName("localhost").build();
        HandshakeCertificates server = new HandshakeCertificates.Builder().heldCertificate(localhost).build();
        try (MockWebServer web = new MockWebServer()) {
            web.useHttps(server.sslSocketFactory(), false);
            web.enqueue(new MockResponse().setBody("{\"reportNo\":\"YLXY-20261127-0003-000187\",\"status\":\"UNKNOWN\"}"));
            web.start();
            PlatformSettings settings = PlatformSettings.of(web.url("/api").toString(), "K1", Optional.empty());
            try (HttpPlatformClient client = new HttpPlatformClient(settings, new byte[32], Clock.systemUTC(),
                    RequestSigner.secureNonces(), CallObserver.NONE, d -> { })) {
                client.verifyReport("YLXY-20261127-0003-000187");
                throw new AssertionError("an untrusted certificate was accepted");
            } catch (PlatformException.Transport e) {
                assertThat(e.kind()).isEqualTo(PlatformException.Transport.Kind.TLS);
            }
        }
    }
}
