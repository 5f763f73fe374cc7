package org.creditkiosk.report.sign;

import java.io.IOException;
import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x500.X500NameBuilder;
import org.bouncycastle.asn1.x500.style.BCStyle;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The demo hall keystore: a self-signed RSA-2048 certificate generated at first use into a data directory outside
 * the repository ({@code hall-demo.p12} + {@code hall-demo.pass}, both owner-only). Good enough to show that the
 * signature works; a verifier will say the signature is valid and the signer unknown, which is the truth.
 */
public final class DemoKeystore {

    private static final Logger LOG = LoggerFactory.getLogger(DemoKeystore.class);
    static final String KEYSTORE = "hall-demo.p12";
    static final String PASSWORD = "hall-demo.pass";
    static final String ALIAS = "hall-demo";

    private DemoKeystore() {
    }

    public static Path passwordFile(Path dir) {
        return dir.resolve(PASSWORD);
    }

    public static Path keystoreFile(Path dir) {
        return dir.resolve(KEYSTORE);
    }

    /** Loads the demo keystore in {@code dir}, generating it first if it is not there. */
    public static synchronized HallCredentials ensure(Path dir, String office) {
        Path p12 = keystoreFile(dir);
        Path pass = passwordFile(dir);
        if (!Files.isRegularFile(p12) || !Files.isRegularFile(pass)) {
            generate(dir, office);
        }
        return HallCredentials.fromPkcs12(p12, HallCredentials.readPasswordFile(pass), Optional.of(ALIAS));
    }

    static void generate(Path dir, String office) {
        try {
            Files.createDirectories(dir);
            KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
            kpg.initialize(2048, new SecureRandom());
            KeyPair pair = kpg.generateKeyPair();
            X500Name name = new X500NameBuilder(BCStyle.INSTANCE)
                    .addRDN(BCStyle.C, "CN")
                    .addRDN(BCStyle.O, office + "（演示）")
                    .addRDN(BCStyle.OU, "Credit Kiosk DEMO")
                    .addRDN(BCStyle.CN, "Credit Kiosk Demo Hall Seal")
                    .build();
            Instant now = Instant.now();
            X509v3CertificateBuilder builder = new JcaX509v3CertificateBuilder(name,
                    new BigInteger(64, new SecureRandom()).abs().add(BigInteger.ONE),
                    Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(Duration.ofDays(3650))),
                    name, pair.getPublic());
            builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
            builder.addExtension(Extension.keyUsage, true,
                    new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
            X509Certificate cert = new JcaX509CertificateConverter().getCertificate(
                    builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));

            char[] password = randomPassword();
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            ks.setKeyEntry(ALIAS, pair.getPrivate(), password, new X509Certificate[] {cert});
            Path tmpStore = Files.createTempFile(dir, KEYSTORE, ".tmp");
            Path tmpPass = Files.createTempFile(dir, PASSWORD, ".tmp");
            ownerOnly(tmpStore);
            ownerOnly(tmpPass);
            try (OutputStream out = Files.newOutputStream(tmpStore)) {
                ks.store(out, password);
            }
            Files.writeString(tmpPass, new String(password) + "\n", StandardCharsets.UTF_8);
            move(tmpPass, passwordFile(dir));
            move(tmpStore, keystoreFile(dir));
            LOG.info("generated demo hall keystore in {} (self-signed, demo only)", dir);
        } catch (IOException | GeneralSecurityException | OperatorCreationException e) {
            throw new SigningException("cannot generate the demo keystore in " + dir + ": " + e.getMessage(), e);
        }
    }

    private static char[] randomPassword() {
        String alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
        SecureRandom r = new SecureRandom();
        char[] c = new char[24];
        for (int i = 0; i < c.length; i++) {
            c[i] = alphabet.charAt(r.nextInt(alphabet.length()));
        }
        return c;
    }

    private static void ownerOnly(Path p) throws IOException {
        try {
            Files.setPosixFilePermissions(p, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system (developer machine): the directory's own protection applies.
        }
    }

    private static void move(Path from, Path to) throws IOException {
        try {
            Files.move(from, to, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
        }
    }
}
