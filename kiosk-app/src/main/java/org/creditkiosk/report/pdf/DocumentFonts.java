package org.creditkiosk.report.pdf;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The fonts of one document: subset {@link PDType0Font}s made from the shared {@link FontLibrary}, and per-glyph
 * fallback. PDFBox throws on a glyph a font lacks and does no fallback itself (DESIGN.md §9), so text is split into
 * runs here: Latin, digits and Western punctuation from DejaVu (it matches the CJK font's metrics poorly otherwise),
 * everything else from the CJK font, then whichever font has the glyph. A character no bundled font has becomes a
 * visible {@link #PLACEHOLDER} and is counted; the count (never the text) is logged once per document.
 */
public final class DocumentFonts {

    private static final Logger LOG = LoggerFactory.getLogger(DocumentFonts.class);

    /** WHITE SQUARE: visible on paper, and DejaVu has it. */
    public static final int PLACEHOLDER = 0x25A1;

    private final FontLibrary library;
    private final PDDocument doc;
    private PDType0Font cjk;
    private PDType0Font latin;
    private PDType0Font latinBold;
    private int missing;

    public DocumentFonts(PDDocument doc, FontLibrary library) {
        this.doc = doc;
        this.library = library;
    }

    /** A stretch of text drawn with one font; {@code fakeBold} asks for fill+stroke (the CJK font has no bold). */
    public record Run(PDType0Font font, String text, boolean fakeBold, float widthPerPoint) {
    }

    /** Splits text into font runs. Characters no font has are replaced by the placeholder. */
    public List<Run> runs(String text, boolean bold) {
        List<Run> out = new ArrayList<>(2);
        StringBuilder current = new StringBuilder();
        FontLibrary.Face currentFace = null;
        float width = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (cp == '\t' || cp == '\u00A0') {
                cp = ' ';
            }
            if (Character.isISOControl(cp)) {
                continue;
            }
            FontLibrary.Face face = faceFor(cp, bold);
            if (face == null) {
                missing++;
                cp = PLACEHOLDER;
                face = bold ? library.latinBold : library.latin;
            }
            if (face != currentFace && current.length() > 0) {
                out.add(run(currentFace, current.toString(), bold, width));
                current.setLength(0);
                width = 0;
            }
            currentFace = face;
            current.appendCodePoint(cp);
            width += face.advance(cp);
        }
        if (current.length() > 0) {
            out.add(run(currentFace, current.toString(), bold, width));
        }
        return out;
    }

    /** Width of one code point at 1 pt, in points (after fallback). */
    public float advance(int cp, boolean bold) {
        FontLibrary.Face face = faceFor(cp, bold);
        if (face == null) {
            face = bold ? library.latinBold : library.latin;
            cp = PLACEHOLDER;
        }
        return face.advance(cp) / 1000f;
    }

    /** Width of a string at the given size, in points. */
    public float width(String text, float size, boolean bold) {
        float w = 0;
        for (int i = 0; i < text.length(); ) {
            int cp = text.codePointAt(i);
            i += Character.charCount(cp);
            if (!Character.isISOControl(cp)) {
                w += advance(cp, bold);
            }
        }
        return w * size;
    }

    /** Characters replaced by the placeholder so far in this document. */
    public int missingGlyphs() {
        return missing;
    }

    /** Logs the number of replaced characters, without them (they may be part of a name). */
    public void logMissing(String reportNo) {
        if (missing > 0) {
            LOG.warn("report {}: {} character(s) not covered by any bundled font were printed as a placeholder",
                    reportNo, missing);
        }
    }

    private FontLibrary.Face faceFor(int cp, boolean bold) {
        FontLibrary.Face latinFace = bold ? library.latinBold : library.latin;
        if (prefersLatin(cp) && latinFace.has(cp)) {
            return latinFace;
        }
        if (library.cjk.has(cp)) {
            return library.cjk;
        }
        if (latinFace.has(cp)) {
            return latinFace;
        }
        return null;
    }

    private static boolean prefersLatin(int cp) {
        // Basic Latin to General Punctuation, minus the punctuation Chinese text wants full-width
        // (U+2014 dash, U+2018-U+201D quotes, U+2026 ellipsis are drawn by the CJK font).
        if (cp < 0x2000) {
            return cp != 0x00B7;
        }
        return cp < 0x2070 && cp != 0x2014 && (cp < 0x2018 || cp > 0x201D) && cp != 0x2026;
    }

    private Run run(FontLibrary.Face face, String text, boolean bold, float width) {
        return new Run(pdFont(face), text, bold && face == library.cjk, width / 1000f);
    }

    private PDType0Font pdFont(FontLibrary.Face face) {
        try {
            if (face == library.cjk) {
                if (cjk == null) {
                    cjk = PDType0Font.load(doc, face.ttf, true);
                }
                return cjk;
            }
            if (face == library.latinBold) {
                if (latinBold == null) {
                    latinBold = PDType0Font.load(doc, face.ttf, true);
                }
                return latinBold;
            }
            if (latin == null) {
                latin = PDType0Font.load(doc, face.ttf, true);
            }
            return latin;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot embed font " + face, e);
        }
    }
}
