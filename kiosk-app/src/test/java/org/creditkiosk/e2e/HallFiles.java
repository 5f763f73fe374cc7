package org.creditkiosk.e2e;

import java.io.OutputStream;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.creditkiosk.ops.MaintenanceAccess;

/**
 * The files a technician lays out for a hall kiosk (README, "Production set-up"), made by a test in a temporary
 * folder: the kiosk secret, the hall keystore with its password file, the administrators' trusted keys, all mode
 * 600, plus the maintenance PIN hash. {@link #settings()} is what the technician file would say.
 */
public final class HallFiles {

    public static final String PIN = "135790";

    public final Path dir;
    public final byte[] secret;
    public final Path secretFile;
    public final Path keystore;
    public final Path keystorePass;
    public final Path trustedKeys;
    /** The administrators' private key matching {@link #trustedKeys} ({@code admin-1}), PKCS#8 PEM, for signing bundles. */
    public final Path adminPem;
    public final String subject;

    private HallFiles(Path dir, String subject, Duration validity) throws Exception {
        this.dir = dir;
        this.subject = subject;
        Files.createDirectories(dir);
        secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        secretFile = ownerOnly(dir.resolve("kiosk.secret"), Base64.getEncoder().encodeToString(secret) + "\n");
        char[] password = "hall-test-password".toCharArray();
        keystorePass = ownerOnly(dir.resolve("hall.pass"), new String(password) + "\n");
        keystore = dir.resolve("hall.p12");
        KeyPairGenerator kpg = KeyPairGenerator.getInstance("RSA");
        kpg.initialize(2048);
        KeyPair pair = kpg.generateKeyPair();
        X500Name name = new X500Name(subject);
        Instant now = Instant.now();
        var builder = new JcaX509v3CertificateBuilder(name, BigInteger.valueOf(now.toEpochMilli()),
                Date.from(now.minus(Duration.ofDays(1))), Date.from(now.plus(validity)), name, pair.getPublic());
        builder.addExtension(Extension.basicConstraints, true, new BasicConstraints(false));
        builder.addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature | KeyUsage.nonRepudiation));
        X509Certificate cert = new JcaX509CertificateConverter()
                .getCertificate(builder.build(new JcaContentSignerBuilder("SHA256withRSA").build(pair.getPrivate())));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        ks.load(null, null);
        ks.setKeyEntry("hall", pair.getPrivate(), password, new X509Certificate[] {cert});
        try (OutputStream out = Files.newOutputStream(keystore)) {
            ks.store(out, password);
        }
        Files.setPosixFilePermissions(keystore, PosixFilePermissions.fromString("rw-------"));
        KeyPair admin = KeyPairGenerator.getInstance("Ed25519").generateKeyPair();
        trustedKeys = ownerOnly(dir.resolve("trusted-keys"),
                "admin-1 " + Base64.getEncoder().encodeToString(admin.getPublic().getEncoded()) + "\n");
        adminPem = ownerOnly(dir.resolve("admin-1.pem"), org.creditkiosk.config.BundleSigner.privatePem(admin.getPrivate()));
    }

    /** A hall with a keystore valid for a year, subject {@code CN=Test Hall Seal,O=...}. */
    public static HallFiles create(Path dir) throws Exception {
        return new HallFiles(dir, "CN=Test Hall Seal,OU=Credit Kiosk Test,O=Yulin Test Credit Centre,C=CN", Duration.ofDays(365));
    }

    /** A hall whose certificate is valid only for {@code validity} more. */
    public static HallFiles create(Path dir, Duration validity) throws Exception {
        return new HallFiles(dir, "CN=Short Lived Hall Seal,O=Yulin Test Credit Centre,C=CN", validity);
    }

    /** The technician file's lines for these files (the platform's URL, ports and queue are the test's). */
    public Map<String, String> settings() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("platform.secretFile", secretFile.toString());
        m.put("report.keystore", keystore.toString());
        m.put("report.keystorePassFile", keystorePass.toString());
        m.put("config.trustedKeysFile", trustedKeys.toString());
        m.put("maintenance.pinHash", MaintenanceAccess.hash(PIN));
        m.put("kiosk.dataDir", dir.resolve("data").toString());
        return m;
    }

    public static Path ownerOnly(Path file, String text) throws Exception {
        Files.writeString(file, text, StandardCharsets.UTF_8);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        return file;
    }
}
