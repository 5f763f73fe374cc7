package org.creditkiosk.report.sign;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.cert.X509Certificate;
import java.util.Calendar;
import java.util.Hashtable;
import java.util.Map;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.ExternalSigningSupport;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.PDSignature;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import org.apache.pdfbox.pdmodel.interactive.form.PDField;
import org.apache.pdfbox.pdmodel.interactive.form.PDSignatureField;
import org.apache.pdfbox.pdmodel.interactive.annotation.PDAnnotationWidget;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cms.CMSAttributeTableGenerator;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.ContentSigner;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * One PAdES baseline B-B signature (ETSI EN 319 142-1) over a finished PDF, added as an incremental update:
 * SubFilter {@code ETSI.CAdES.detached}, a detached CMS SignedData whose signed attributes are content-type,
 * message-digest and signing-certificate-v2 (ESS, RFC 5035) and, as PAdES requires, no signing-time (the claimed
 * time is the signature dictionary's /M). BouncyCastle makes the CMS; PDFBox reserves and fills /Contents.
 *
 * <p>Why not EU DSS: it would bring a large dependency tree for what is about 60 lines here, and B-B needs no
 * timestamp or revocation data.
 */
public final class PadesSigner {

    /** Bytes reserved for the CMS (hex doubles it): room for a 4096-bit RSA key and a 3-certificate chain. */
    private static final int SIGNATURE_SIZE = 12_000;

    private final HallCredentials credentials;
    private final String signatureAlgorithm;

    public PadesSigner(HallCredentials credentials) {
        this.credentials = credentials;
        String keyAlg = credentials.key().getAlgorithm();
        this.signatureAlgorithm = "EC".equals(keyAlg) || "ECDSA".equals(keyAlg) ? "SHA256withECDSA" : "SHA256withRSA";
    }

    /**
     * Signs {@code pdf} and returns the signed file.
     *
     * @param name     /Name of the signature (the issuing office)
     * @param location /Location (the service hall)
     * @param reason   /Reason
     */
    public byte[] sign(byte[] pdf, Calendar signingTime, String name, String location, String reason) {
        try (PDDocument doc = Loader.loadPDF(pdf); SignatureOptions options = new SignatureOptions()) {
            PDSignature signature = new PDSignature();
            signature.setFilter(PDSignature.FILTER_ADOBE_PPKLITE);
            signature.setSubFilter(COSName.getPDFName("ETSI.CAdES.detached"));
            signature.setName(name);
            signature.setLocation(location);
            signature.setReason(reason);
            signature.setSignDate(signingTime);

            options.setPreferredSignatureSize(SIGNATURE_SIZE);
            doc.addSignature(signature, options);
            markWidgetPrinted(doc);

            ByteArrayOutputStream out = new ByteArrayOutputStream(pdf.length + 2 * SIGNATURE_SIZE + 4096);
            ExternalSigningSupport external = doc.saveIncrementalForExternalSigning(out);
            byte[] cms = cms(external.getContent().readAllBytes());
            external.setSignature(cms);
            return out.toByteArray();
        } catch (IOException e) {
            throw new SigningException("cannot sign the report: " + e.getMessage(), e);
        }
    }

    /**
     * PDF/A-2 (ISO 19005-2, 6.3.2) wants every annotation printable; PDFBox makes the invisible signature widget
     * without flags.
     */
    private static void markWidgetPrinted(PDDocument doc) {
        var form = doc.getDocumentCatalog().getAcroForm(null);
        if (form == null) {
            return;
        }
        for (PDField field : form.getFieldTree()) {
            if (field instanceof PDSignatureField sf) {
                for (PDAnnotationWidget w : sf.getWidgets()) {
                    w.setPrinted(true);
                }
            }
        }
    }

    /** Detached CMS SignedData over the byte ranges, with the PAdES B-B signed attributes. */
    byte[] cms(byte[] signedContent) {
        try {
            X509Certificate cert = credentials.certificate();
            ContentSigner signer = new JcaContentSignerBuilder(signatureAlgorithm).build(credentials.key());

            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            ESSCertIDv2 certId = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash,
                    new IssuerSerial(new GeneralNames(new GeneralName(
                            X500Name.getInstance(cert.getIssuerX500Principal().getEncoded()))), cert.getSerialNumber()));
            ASN1EncodableVector attrs = new ASN1EncodableVector();
            attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {certId}))));

            CMSAttributeTableGenerator signedAttributes = new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)) {
                @Override
                @SuppressWarnings({"rawtypes", "unchecked"})
                protected Hashtable createStandardAttributeTable(Map parameters) {
                    Hashtable table = super.createStandardAttributeTable(parameters);
                    // PAdES baseline (ETSI EN 319 142-1): no CMS signing-time; the claimed time is /M.
                    table.remove(CMSAttributes.signingTime);
                    return table;
                }
            };

            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signedAttributes)
                    .build(signer, cert));
            gen.addCertificates(new JcaCertStore(credentials.chain()));
            return gen.generate(new CMSProcessableByteArray(signedContent), false).getEncoded("DER");
        } catch (GeneralSecurityException | OperatorCreationException | CMSException | IOException e) {
            throw new SigningException("cannot build the CMS signature: " + e.getMessage(), e);
        }
    }
}
