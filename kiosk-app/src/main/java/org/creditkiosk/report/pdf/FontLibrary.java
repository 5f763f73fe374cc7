package org.creditkiosk.report.pdf;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import org.apache.fontbox.ttf.CmapLookup;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;

/**
 * The bundled fonts, parsed once per JVM. Parsing the 4 MB CJK font is the slowest step of a first report, so the
 * parsed {@link TrueTypeFont}s are kept and each document only creates its own subset {@code PDType0Font} from
 * them (PDFBox: {@code PDType0Font.load(doc, ttf, true)} does not close a font it did not open).
 *
 * <p>Not thread-safe: fontbox reads glyph data lazily from a shared buffer. {@link org.creditkiosk.report.ReportService}
 * serialises all use behind one lock.
 *
 * <p>Fonts (see {@code assets/fonts/README.md}): Droid Sans Fallback (TrueType outlines, CJK incl. Extension A;
 * PDFBox 3 embeds TrueType outlines only) and DejaVu Sans regular/bold as the Latin companion.
 */
public final class FontLibrary {

    static final String CJK = "/assets/fonts/DroidSansFallbackFull.ttf";
    static final String LATIN = "/assets/fonts/DejaVuSans.ttf";
    static final String LATIN_BOLD = "/assets/fonts/DejaVuSans-Bold.ttf";

    private static volatile FontLibrary bundled;

    final Face cjk;
    final Face latin;
    final Face latinBold;

    /** Which fonts are loaded (for kiosk doctor). */
    @Override
    public String toString() {
        return "bundled fonts load: " + cjk + ", " + latin + ", " + latinBold;
    }

    private FontLibrary(Face cjk, Face latin, Face latinBold) {
        this.cjk = cjk;
        this.latin = latin;
        this.latinBold = latinBold;
    }

    /** The bundled fonts from the classpath ({@code /assets/fonts/...}), loaded at first call. */
    public static FontLibrary bundled() {
        FontLibrary f = bundled;
        if (f == null) {
            synchronized (FontLibrary.class) {
                f = bundled;
                if (f == null) {
                    // The CJK font is most of the work: parse it on another core meanwhile (first report in a
                    // fresh JVM, issue 4 target 1.5 s).
                    CompletableFuture<Face> cjk = CompletableFuture.supplyAsync(() -> Face.load(CJK));
                    Face latin = Face.load(LATIN);
                    Face latinBold = Face.load(LATIN_BOLD);
                    f = new FontLibrary(join(cjk), latin, latinBold);
                    bundled = f;
                }
            }
        }
        return f;
    }

    private static Face join(CompletableFuture<Face> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw e;
        }
    }

    /** One parsed TrueType font with what layout needs from it, read up front. */
    static final class Face {
        final TrueTypeFont ttf;
        final CmapLookup cmap;
        final float unitsPerEm;
        private final String resource;

        private Face(String resource, TrueTypeFont ttf) throws IOException {
            this.resource = resource;
            this.ttf = ttf;
            this.cmap = ttf.getUnicodeCmapLookup();
            this.unitsPerEm = ttf.getUnitsPerEm();
            // Parse the tables layout and subsetting touch now, not in the middle of the first report.
            ttf.getHorizontalMetrics();
            ttf.getGlyph();
        }

        static Face load(String resource) {
            try (InputStream in = FontLibrary.class.getResourceAsStream(resource)) {
                if (in == null) {
                    throw new IllegalStateException("bundled font missing from the classpath: " + resource);
                }
                TrueTypeFont ttf = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
                return new Face(resource, ttf);
            } catch (IOException e) {
                throw new UncheckedIOException("cannot parse bundled font " + resource, e);
            }
        }

        boolean has(int codePoint) {
            return cmap.getGlyphId(codePoint) > 0;
        }

        /** Advance width in 1/1000 em (PDF text space units). */
        float advance(int codePoint) {
            try {
                return ttf.getAdvanceWidth(cmap.getGlyphId(codePoint)) * 1000f / unitsPerEm;
            } catch (IOException e) {
                throw new UncheckedIOException("font " + resource + " unreadable", e);
            }
        }

        @Override
        public String toString() {
            return resource;
        }
    }
}
