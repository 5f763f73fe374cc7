package org.creditkiosk.report.sign;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Optional;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.bouncycastle.asn1.ASN1InputStream;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.cms.ContentInfo;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedData;
import org.bouncycastle.cms.SignerInformation;
import org.bouncycastle.cms.jcajce.JcaSimpleSignerInfoVerifierBuilder;
import org.creditkiosk.report.ReportFixtures;
import org.creditkiosk.report.ReportService;
import org.creditkiosk.report.ReportSettings;
import org.creditkiosk.report.SignedReport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The signature is PAdES baseline B-B, and the demo keystore behaves (generated once, owner-only, reused). */
class PadesSignatureTest {

    /** One key pair for the class: RSA key generation is the slow part. */
    @TempDir
    static Path dir;

    @Test
    void signatureIsCadesDetachedWithSigningCertificateV2AndNoSigningTime() throws Exception {
        ReportSettings settings = ReportSettings.demo(dir);
        SignedReport report = new ReportService(settings)
                .render(ReportFixtures.named("person-wang.json").record(), ReportFixtures.allocation(7));
        HallCredentials hall = HallCredentials.load(settings);

        try (PDDocument doc = Loader.loadPDF(report.pdf())) {
            assertThat(doc.getSignatureDictionaries()).hasSize(1);
            PDSignature sig = doc.getSignatureDictionaries().get(0);
            assertThat(sig.getSubFilter()).isEqualTo("ETSI.CAdES.detached");
            assertThat(sig.getSignDate()).isNotNull();
            int[] range = sig.getByteRange();
            assertThat(range[0]).isZero();
            assertThat(range[2] + range[3]).isEqualTo(report.size());

            byte[] content = sig.getSignedContent(report.pdf());
            // /Contents is the DER signature followed by the zero padding of the reserved space. Bouncy Castle 1.87
            // (unlike 1.81) refuses bytes after the object in CMSSignedData(byte[]): read the object as verifiers do.
            ContentInfo info;
            try (ASN1InputStream in = new ASN1InputStream(sig.getContents())) {
                info = ContentInfo.getInstance(in.readObject());
            }
            CMSSignedData cms = new CMSSignedData(new CMSProcessableByteArray(content), info);
            SignerInformation signer = cms.getSignerInfos().getSigners().iterator().next();
            X509Certificate cert = hall.certificate();
            assertThat(signer.verify(new JcaSimpleSignerInfoVerifierBuilder().build(cert))).isTrue();
            assertThat(cms.getCertificates().getMatches(null)).contains(new X509CertificateHolder(cert.getEncoded()));

            AttributeTable signed = signer.getSignedAttributes();
            assertThat(signed.get(CMSAttributes.signingTime)).as("PAdES forbids CMS signing-time").isNull();
            assertThat(signed.get(CMSAttributes.contentType)).isNotNull();
            SigningCertificateV2 v2 = SigningCertificateV2.getInstance(
                    signed.get(PKCSObjectIdentifiers.id_aa_signingCertificateV2).getAttrValues().getObjectAt(0));
            assertThat(v2.getCerts()[0].getCertHash())
                    .isEqualTo(MessageDigest.getInstance("SHA-256").digest(cert.getEncoded()));
        }
    }

    @Test
    void demoKeystoreIsGeneratedOnceOwnerOnlyAndReused() throws Exception {
        HallCredentials first = DemoKeystore.ensure(dir, "测试中心");
        HallCredentials again = DemoKeystore.ensure(dir, "测试中心");
        assertThat(again.certificate()).isEqualTo(first.certificate());
        assertThat(Files.getPosixFilePermissions(DemoKeystore.keystoreFile(dir)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(Files.getPosixFilePermissions(DemoKeystore.passwordFile(dir)))
                .containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(first.toString()).doesNotContain("PRIVATE");
    }

    @Test
    void aRealKeystoreIsUsedWithItsPasswordFileAndAWrongAliasIsNamed() {
        DemoKeystore.ensure(dir, "测试中心");
        ReportSettings settings = ReportSettings.demo(dir.resolve("unused")).withKeystore(DemoKeystore.keystoreFile(dir),
                new ReportSettings.KeystorePassword.FromFile(DemoKeystore.passwordFile(dir)), Optional.empty());
        assertThat(HallCredentials.load(settings).certificate().getSubjectX500Principal().getName())
                .contains("Credit Kiosk Demo Hall Seal");
        ReportSettings wrongAlias = settings.withKeystore(DemoKeystore.keystoreFile(dir),
                new ReportSettings.KeystorePassword.FromFile(DemoKeystore.passwordFile(dir)), Optional.of("nope"));
        assertThatThrownBy(() -> HallCredentials.load(wrongAlias)).isInstanceOf(SigningException.class)
                .hasMessageContaining("'nope'");
        assertThat(dir.resolve("unused")).doesNotExist();
    }
}
