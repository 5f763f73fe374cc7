package org.creditkiosk.report;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Calendar;
import java.util.GregorianCalendar;
import java.util.HexFormat;
import java.util.Objects;
import java.util.TimeZone;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.locks.ReentrantLock;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.creditkiosk.platform.api.CreditRecord;
import org.creditkiosk.platform.api.ReportAllocation;
import org.creditkiosk.report.pdf.DocumentFonts;
import org.creditkiosk.report.pdf.FontLibrary;
import org.creditkiosk.report.pdf.PdfA;
import org.creditkiosk.report.pdf.ReportDocument;
import org.creditkiosk.report.sign.HallCredentials;
import org.creditkiosk.report.sign.PadesSigner;
import org.creditkiosk.report.sign.SigningException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Renders a credit record into the signed A4 report: layout (PDFBox, PDF/A-2b), then one PAdES B-B signature with
 * the hall's certificate. Everything happens in memory; the caller prints the bytes and registers {@link
 * SignedReport#sha256()} with the platform.
 *
 * <p>Thread-safe: renders are serialised by one lock, because the parsed fonts shared between documents are not
 * safe for concurrent use (fontbox reads glyphs lazily). A kiosk renders one report at a time, so this costs
 * nothing there. The keystore is read once, at the first render (or {@link #warmUp()}).
 */
public final class ReportService {

    private static final Logger LOG = LoggerFactory.getLogger(ReportService.class);
    private static final ReentrantLock RENDER = new ReentrantLock();
    static final String PRODUCER = "credit-kiosk report (Apache PDFBox, BouncyCastle)";

    private final ReportSettings settings;
    private final Object signerLock = new Object();
    private CompletableFuture<PadesSigner> signer;

    public ReportService(ReportSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public ReportSettings settings() {
        return settings;
    }

    /** Parses the fonts and loads (in demo mode: generates) the keystore now rather than at the first citizen. */
    public void warmUp() {
        CompletableFuture<PadesSigner> s = signer();
        FontLibrary.bundled();
        join(s);
    }

    /**
     * Renders and signs the report.
     *
     * @throws org.creditkiosk.report.sign.SigningException when the keystore cannot be used
     * @throws org.creditkiosk.report.pdf.ReportLayoutException on an internal PDF error
     */
    public SignedReport render(CreditRecord record, ReportAllocation allocation) {
        Objects.requireNonNull(record, "record");
        Objects.requireNonNull(allocation, "allocation");
        long start = System.nanoTime();
        // The keystore is read (at the first render) while the layout runs.
        CompletableFuture<PadesSigner> pendingSigner = signer();
        RENDER.lock();
        try {
            byte[] unsigned;
            int pages;
            int placeholders;
            try (PDDocument doc = new PDDocument()) {
                DocumentFonts fonts = new DocumentFonts(doc, FontLibrary.bundled());
                pages = ReportDocument.layout(doc, fonts, record, allocation, settings);
                PdfA.apply(doc, ReportText.TITLE + " " + allocation.reportNo(), settings.issuingOffice(), PRODUCER);
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                doc.save(out);
                unsigned = out.toByteArray();
                fonts.logMissing(allocation.reportNo());
                placeholders = fonts.missingGlyphs();
            } catch (IOException e) {
                throw new org.creditkiosk.report.pdf.ReportLayoutException("cannot write the report", e);
            }
            Calendar when = GregorianCalendar.from(allocation.issuedAt().atZone(settings.zone()));
            when.setTimeZone(TimeZone.getTimeZone(settings.zone()));
            byte[] signed = join(pendingSigner).sign(unsigned, when, settings.issuingOffice(), settings.hallName(),
                    "公共信用信息报告出具");
            SignedReport report = new SignedReport(allocation.reportNo(), signed, pages, sha256(signed), placeholders);
            LOG.info("report {} rendered: {} pages, {} bytes, {} ms", allocation.reportNo(), pages, signed.length,
                    (System.nanoTime() - start) / 1_000_000);
            return report;
        } finally {
            RENDER.unlock();
        }
    }

    /**
     * Renders and signs a credit commitment (issue 15) like a report: the same fonts, PDF/A-2b, seal, QR and one
     * PAdES signature with the hall's certificate, in memory. The result's {@code reportNo} is the commitment number.
     *
     * @throws org.creditkiosk.report.sign.SigningException when the keystore cannot be used
     * @throws org.creditkiosk.report.pdf.ReportLayoutException on an internal PDF error (e.g. an unreadable signature)
     */
    public SignedReport renderCommitment(CommitmentPaper paper) {
        Objects.requireNonNull(paper, "paper");
        String no = paper.commitment().commitmentNo();
        long start = System.nanoTime();
        CompletableFuture<PadesSigner> pendingSigner = signer();
        RENDER.lock();
        try {
            byte[] unsigned;
            int pages;
            int placeholders;
            try (PDDocument doc = new PDDocument()) {
                DocumentFonts fonts = new DocumentFonts(doc, FontLibrary.bundled());
                pages = org.creditkiosk.report.pdf.CommitmentDocument.layout(doc, fonts, paper, settings);
                PdfA.apply(doc, paper.template().title() + " " + no, settings.issuingOffice(), PRODUCER);
                ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
                doc.save(out);
                unsigned = out.toByteArray();
                fonts.logMissing(no);
                placeholders = fonts.missingGlyphs();
            } catch (IOException e) {
                throw new org.creditkiosk.report.pdf.ReportLayoutException("cannot write the commitment", e);
            }
            Calendar when = GregorianCalendar.from(paper.commitment().signedAt().atZone(settings.zone()));
            when.setTimeZone(TimeZone.getTimeZone(settings.zone()));
            byte[] signed = join(pendingSigner).sign(unsigned, when, settings.issuingOffice(), settings.hallName(),
                    "信用承诺书见证出具");
            SignedReport result = new SignedReport(no, signed, pages, sha256(signed), placeholders);
            LOG.info("commitment {} rendered: {} pages, {} bytes, {} ms", no, pages, signed.length,
                    (System.nanoTime() - start) / 1_000_000);
            return result;
        } finally {
            RENDER.unlock();
        }
    }

    private CompletableFuture<PadesSigner> signer() {
        synchronized (signerLock) {
            if (signer == null || signer.isCompletedExceptionally()) {
                // A failed load is retried at the next render (the technician may have fixed the keystore).
                signer = CompletableFuture.supplyAsync(() -> new PadesSigner(HallCredentials.load(settings)));
            }
            return signer;
        }
    }

    private static PadesSigner join(CompletableFuture<PadesSigner> f) {
        try {
            return f.join();
        } catch (CompletionException e) {
            if (e.getCause() instanceof RuntimeException r) {
                throw r;
            }
            throw new SigningException("cannot load the signing key: " + e.getCause(), e.getCause());
        }
    }

    static String sha256(byte[] data) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JRE", e);
        }
    }
}
