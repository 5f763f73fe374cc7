package org.creditkiosk.report.pdf;

import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentCatalog;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.common.PDMetadata;
import org.apache.pdfbox.pdmodel.graphics.color.PDOutputIntent;

/**
 * What ISO 19005-2 (PDF/A-2, level b) asks beyond embedded fonts: an XMP metadata stream that names the part and
 * conformance and agrees with the document information dictionary (6.6.2.1, 6.6.4), and an output intent with an
 * embedded ICC profile so that device colours are defined (6.2.4.3). The sRGB profile is the one the JDK ships.
 */
public final class PdfA {

    private static final byte[] SRGB = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    private PdfA() {
    }

    /** Marks the document PDF/A-2b with the given title; Info and XMP carry the same Title, Creator and Producer. */
    public static void apply(PDDocument doc, String title, String creator, String producer) {
        try {
            doc.setVersion(1.7f);
            doc.getDocument().setVersion(1.7f);
            PDDocumentInformation info = doc.getDocumentInformation();
            info.setTitle(title);
            info.setCreator(creator);
            info.setProducer(producer);

            PDDocumentCatalog catalog = doc.getDocumentCatalog();
            PDMetadata metadata = new PDMetadata(doc, new ByteArrayInputStream(
                    xmp(title, creator, producer).getBytes(StandardCharsets.UTF_8)));
            catalog.setMetadata(metadata);
            catalog.setLanguage("zh-CN");

            PDOutputIntent intent = new PDOutputIntent(doc, new ByteArrayInputStream(SRGB));
            intent.setInfo("sRGB IEC61966-2.1");
            intent.setOutputCondition("sRGB IEC61966-2.1");
            intent.setOutputConditionIdentifier("sRGB IEC61966-2.1");
            intent.setRegistryName("http://www.color.org");
            catalog.addOutputIntent(intent);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write PDF/A metadata", e);
        }
    }

    static String xmp(String title, String creator, String producer) {
        return "<?xpacket begin=\"\uFEFF\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
                + "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
                + " <rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\">\n"
                + "   <pdfaid:part>2</pdfaid:part>\n"
                + "   <pdfaid:conformance>B</pdfaid:conformance>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:dc=\"http://purl.org/dc/elements/1.1/\">\n"
                + "   <dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">" + escape(title) + "</rdf:li></rdf:Alt></dc:title>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\">\n"
                + "   <xmp:CreatorTool>" + escape(creator) + "</xmp:CreatorTool>\n"
                + "  </rdf:Description>\n"
                + "  <rdf:Description rdf:about=\"\" xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\">\n"
                + "   <pdf:Producer>" + escape(producer) + "</pdf:Producer>\n"
                + "  </rdf:Description>\n"
                + " </rdf:RDF>\n"
                + "</x:xmpmeta>\n"
                + "<?xpacket end=\"w\"?>";
    }

    private static String escape(String s) {
        return s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
