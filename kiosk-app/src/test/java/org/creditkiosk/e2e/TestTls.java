package org.creditkiosk.e2e;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import okhttp3.CertificatePinner;
import okhttp3.tls.HandshakeCertificates;
import okhttp3.tls.HeldCertificate;

/** The platform's test CA and server certificate (127.0.0.1), and what a hall kiosk is told to trust and pin. */
public record TestTls(HeldCertificate ca, HeldCertificate server, HandshakeCertificates serverSide, Path trustStore,
                      Path trustStorePass, String pin) {

    public static TestTls create(Path dir) throws Exception {
        HeldCertificate ca = new HeldCertificate.Builder().certificateAuthority(0)
                .commonName("Yulin Test Platform CA").build();
        HeldCertificate server = new HeldCertificate.Builder().signedBy(ca).commonName("credit-platform.test")
                .addSubjectAlternativeName("127.0.0.1").addSubjectAlternativeName("localhost").build();
        HandshakeCertificates serverSide = new HandshakeCertificates.Builder()
                .heldCertificate(server, ca.certificate()).build();
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setCertificateEntry("platform-ca", ca.certificate());
        char[] password = "trust-test".toCharArray();
        Files.createDirectories(dir);
        Path store = dir.resolve("platform-trust.p12");
        try (OutputStream out = Files.newOutputStream(store)) {
            ks.store(out, password);
        }
        Path pass = HallFiles.ownerOnly(dir.resolve("platform-trust.pass"), new String(password) + "\n");
        return new TestTls(ca, server, serverSide, store, pass, CertificatePinner.pin(server.certificate()));
    }
}
