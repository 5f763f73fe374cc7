package org.creditkiosk.device.printer;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.PlanarYUVLuminanceSource;
import com.google.zxing.ReaderException;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.creditkiosk.device.link.Link;
import org.creditkiosk.device.link.LinkClosedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A faithful ESC/POS receipt printer on the far end of a {@link Link}: it parses the byte stream into printed lines
 * (GB decoding in Chinese mode, as a 2-byte GB printer does), native QR symbols, raster images (raster QR codes are
 * decoded back into their payload) and cuts; it answers real-time status queries ({@code DLE EOT n}) wherever they
 * appear in the stream, even inside image data, as real printers do; and it plays faults on request.
 *
 * <p>Fault behaviour: while the printer cannot print (paper out, cover open, cutter error, offline) it answers status
 * but drops print data; a slip that was interrupted is kept as abandoned (the torn-off partial slip) when the next
 * job initialises the printer ({@code ESC @}). {@link Fault#NO_ANSWER} is a dead printer: nothing printed, no answer.
 */
public final class EscPosPrinterSimulator implements AutoCloseable {

    /** Conditions a technician meets in the hall. */
    public enum Fault {
        NONE, PAPER_NEAR_END, PAPER_OUT, COVER_OPEN, CUTTER_ERROR, OFFLINE, NO_ANSWER;

        boolean stopsPrinting() {
            return this != NONE && this != PAPER_NEAR_END;
        }
    }

    private static final Logger log = LoggerFactory.getLogger(EscPosPrinterSimulator.class);
    private static final Charset CP437 = cp437();
    private static final int MAX_RECORDED = 4 * 1024 * 1024;
    /** 80 mm heads have 576 dots = 72 bytes; 255 bytes leaves room for any model. */
    private static final int MAX_RASTER_ROW_BYTES = 255;
    private static final int MAX_RASTER_ROWS = 4096;

    private final Link link;
    private final int charsPerLine;
    private final Thread thread;
    private final Object lock = new Object();

    // Guarded by lock.
    private final List<PrintedSlip> slips = new ArrayList<>();
    private final List<PrintedSlip> abandoned = new ArrayList<>();
    private final ByteArrayOutputStream received = new ByteArrayOutputStream();
    private Fault fault = Fault.NONE;
    private Fault pendingFault = Fault.NONE;
    private int linesUntilPendingFault = -1;
    private int fourByteSequences;
    private int statusQueries;
    private int unknownCommands;

    // Parser state: parser thread only.
    private final byte[] in = new byte[4096];
    private int inPos;
    private int inLen;
    private int prev1 = -1;
    private int prev2 = -1;
    private List<PrintedSlip.Item> current = new ArrayList<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream();
    private ReceiptSlip.Align align = ReceiptSlip.Align.LEFT;
    private boolean bold;
    private int sizeByte;
    private boolean chineseMode;
    private int qrModel = 50;
    private int qrModule = 3;
    private int qrEc = 48;
    private byte[] qrData = new byte[0];

    /** @param charsPerLine columns of the simulated paper (48 on 80 mm), used to recognise rules */
    public EscPosPrinterSimulator(Link link, int charsPerLine) {
        this.link = Objects.requireNonNull(link, "link");
        this.charsPerLine = charsPerLine;
        this.thread = new Thread(this::run, "escpos-simulator " + link.name());
        this.thread.setDaemon(true);
    }

    public EscPosPrinterSimulator(Link link) {
        this(link, EscPosSettings.defaults().charsPerLine());
    }

    public EscPosPrinterSimulator start() {
        thread.start();
        return this;
    }

    // ---------------------------------------------------------------- faults and observations

    public void setFault(Fault f) {
        synchronized (lock) {
            fault = Objects.requireNonNull(f, "fault");
            linesUntilPendingFault = -1;
        }
    }

    public Fault fault() {
        synchronized (lock) {
            return fault;
        }
    }

    /** Lets {@code lines} more text lines print, then switches to {@code f} (e.g. paper runs out mid-slip). */
    public void failAfterLines(Fault f, int lines) {
        synchronized (lock) {
            pendingFault = Objects.requireNonNull(f, "fault");
            linesUntilPendingFault = lines;
        }
    }

    /** The printed paper is taken away: forgets the slips printed so far (a soak's privacy scan of the kiosk). */
    public void takeSlips() {
        synchronized (lock) {
            slips.clear();
            abandoned.clear();
        }
    }

    /** Complete (cut) slips, in order. */
    public List<PrintedSlip> slips() {
        synchronized (lock) {
            return List.copyOf(slips);
        }
    }

    /** Slips interrupted by a fault and torn off. */
    public List<PrintedSlip> abandonedSlips() {
        synchronized (lock) {
            return List.copyOf(abandoned);
        }
    }

    /** Every byte received, for scanning tests (capped at 4 MiB). */
    public byte[] received() {
        synchronized (lock) {
            return received.toByteArray();
        }
    }

    /** 4-byte GB18030 sequences seen in printed text (each prints as junk on a 2-byte GB printer). */
    public int fourByteSequences() {
        synchronized (lock) {
            return fourByteSequences;
        }
    }

    public int statusQueries() {
        synchronized (lock) {
            return statusQueries;
        }
    }

    public int unknownCommands() {
        synchronized (lock) {
            return unknownCommands;
        }
    }

    /** Waits until at least {@code n} complete slips were cut. */
    public boolean awaitSlips(int n, Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        synchronized (lock) {
            while (slips.size() < n) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                lock.wait(Math.max(1, left / 1_000_000));
            }
            return true;
        }
    }

    @Override
    public void close() {
        thread.interrupt();
        link.close();
        try {
            thread.join(2000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    // ---------------------------------------------------------------- status answers

    /** The byte a printer in the current fault answers to {@code DLE EOT n}. */
    static int statusByte(Fault f, int n) {
        int b = PrinterStatus.FIXED_VALUE;
        switch (n) {
            case 1 -> {
                if (f.stopsPrinting()) {
                    b |= PrinterStatus.P_OFFLINE;
                }
            }
            case 2 -> {
                if (f == Fault.COVER_OPEN) {
                    b |= PrinterStatus.O_COVER_OPEN;
                }
                if (f == Fault.PAPER_OUT) {
                    b |= PrinterStatus.O_PAPER_END_STOP;
                }
                if (f == Fault.CUTTER_ERROR) {
                    b |= PrinterStatus.O_ERROR;
                }
            }
            case 3 -> {
                if (f == Fault.CUTTER_ERROR) {
                    b |= PrinterStatus.E_AUTOCUTTER;
                }
            }
            case 4 -> {
                if (f == Fault.PAPER_NEAR_END) {
                    b |= PrinterStatus.S_NEAR_END;
                }
                if (f == Fault.PAPER_OUT) {
                    b |= PrinterStatus.S_NEAR_END | PrinterStatus.S_PAPER_END;
                }
            }
            default -> throw new IllegalArgumentException("DLE EOT " + n);
        }
        return b;
    }

    // ---------------------------------------------------------------- parser

    private void run() {
        try {
            while (!Thread.currentThread().isInterrupted()) {
                command();
            }
        } catch (LinkClosedException e) {
            log.debug("simulator {}: link closed", link.name());
        } catch (IOException e) {
            log.debug("simulator {}: stopped: {}", link.name(), e.toString());
        }
    }

    /** Next byte of the stream; answers a real-time status query as soon as its last byte arrives. */
    private int next() throws IOException {
        while (inPos == inLen) {
            int n = link.read(in, 0, in.length, Duration.ofMillis(100));
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("simulator stopped");
            }
            inPos = 0;
            inLen = n;
            if (n > 0) {
                synchronized (lock) {
                    if (received.size() < MAX_RECORDED) {
                        received.write(in, 0, n);
                    }
                }
            }
        }
        int b = in[inPos++] & 0xFF;
        if (prev2 == EscPosEncoder.DLE && prev1 == EscPosEncoder.EOT && b >= 1 && b <= 4) {
            answerStatus(b);
        }
        prev2 = prev1;
        prev1 = b;
        return b;
    }

    private void answerStatus(int n) throws IOException {
        Fault f;
        synchronized (lock) {
            statusQueries++;
            f = fault;
        }
        if (f != Fault.NO_ANSWER) {
            link.write(new byte[] {(byte) statusByte(f, n)});
        }
    }

    private byte[] read(int n) throws IOException {
        byte[] out = new byte[n];
        for (int i = 0; i < n; i++) {
            out[i] = (byte) next();
        }
        return out;
    }

    private void command() throws IOException {
        int b = next();
        switch (b) {
            case EscPosEncoder.LF -> endLine();
            case 0x0D -> { /* CR: ignored, as with the usual "CR disabled" setting */ }
            case 0x09 -> line.write(' ');
            case EscPosEncoder.ESC -> esc(next());
            case EscPosEncoder.FS -> fs(next());
            case EscPosEncoder.GS -> gs(next());
            case EscPosEncoder.DLE -> dle(next());
            default -> {
                if (b >= 0x20) {
                    line.write(b);
                } else {
                    unknown();
                }
            }
        }
    }

    private void esc(int c) throws IOException {
        switch (c) {
            case '@' -> initialise();
            case 'E' -> bold = (next() & 1) != 0;
            case 'a' -> align = switch (next()) {
                case 1, '1' -> ReceiptSlip.Align.CENTER;
                case 2, '2' -> ReceiptSlip.Align.RIGHT;
                default -> ReceiptSlip.Align.LEFT;
            };
            case 'd' -> {
                int n = next();
                if (line.size() > 0) {
                    endLine();
                }
                if (n > 0) {
                    add(new PrintedSlip.Feed(Math.min(n, 10)));
                }
            }
            case '!', '-', '3', 't', 'J', 'M', 'G', 'V', 'R', ' ' -> next();   // modes with one parameter
            case '2' -> { /* default line spacing */ }
            default -> unknown();
        }
    }

    private void fs(int c) throws IOException {
        switch (c) {
            case '&' -> chineseMode = true;
            case '.' -> chineseMode = false;
            case '!', 'C', '-', 'W' -> next();
            default -> unknown();
        }
    }

    private void gs(int c) throws IOException {
        switch (c) {
            case '!' -> sizeByte = next();
            case 'V' -> {
                int m = next();
                if (m == 65 || m == 66) {
                    next();
                }
                cut();
            }
            case '(' -> {
                int fn = next();
                int len = next() | next() << 8;
                byte[] params = read(len);
                if (fn == 'k') {
                    symbol(params);
                } else {
                    unknown();
                }
            }
            case 'v' -> {
                next();           // '0'
                next();           // m: density
                int x = next() | next() << 8;
                int y = next() | next() << 8;
                if (x > MAX_RASTER_ROW_BYTES || y > MAX_RASTER_ROWS) {
                    unknown();   // wider than any head or absurdly long: garbage, not an image
                } else {
                    raster(new RasterImage(x, y, read(x * y)));
                }
            }
            case 'a', 'B', 'H', 'f', 'h', 'w', 'k' -> next();
            case 'L', 'W' -> read(2);
            default -> unknown();
        }
    }

    private void dle(int c) throws IOException {
        if (c == EscPosEncoder.EOT) {
            next();   // n: already answered by next()
        } else if (c == 0x14) {
            read(3);  // DLE DC4 fn a b (pulse / clear buffer): accepted, no effect here
        } else {
            unknown();
        }
    }

    /** GS ( k with cn 49 (QR): model, size, error correction, store, print. */
    private void symbol(byte[] p) {
        if (p.length < 2 || p[0] != EscPosEncoder.QR_CN) {
            unknown();
            return;
        }
        switch (p[1]) {
            case EscPosEncoder.QR_FN_MODEL -> qrModel = p.length > 2 ? p[2] & 0xFF : 0;
            case EscPosEncoder.QR_FN_SIZE -> qrModule = p.length > 2 ? p[2] & 0xFF : qrModule;
            case EscPosEncoder.QR_FN_EC -> qrEc = p.length > 2 ? p[2] & 0xFF : qrEc;
            case EscPosEncoder.QR_FN_STORE -> {
                qrData = new byte[Math.max(0, p.length - 3)];
                System.arraycopy(p, 3, qrData, 0, qrData.length);
            }
            case EscPosEncoder.QR_FN_PRINT -> {
                if (qrData.length > 0) {
                    add(new PrintedSlip.Qr(new String(qrData, StandardCharsets.UTF_8), qrModel, qrModule, qrEc, align));
                }
            }
            default -> unknown();
        }
    }

    private void raster(RasterImage img) {
        add(new PrintedSlip.Image(img, align, decodeQr(img)));
    }

    private void initialise() {
        if (line.size() > 0) {
            line.reset();
        }
        if (!current.isEmpty()) {
            synchronized (lock) {
                abandoned.add(new PrintedSlip(current, false));
            }
            current = new ArrayList<>();
        }
        align = ReceiptSlip.Align.LEFT;
        bold = false;
        sizeByte = 0;
        chineseMode = false;
        qrData = new byte[0];
    }

    private void endLine() {
        byte[] bytes = line.toByteArray();
        line.reset();
        int junk = GbText.countFourByteSequences(bytes, 0, bytes.length);
        String text = chineseMode ? GbText.decode(bytes, 0, bytes.length) : new String(bytes, CP437);
        synchronized (lock) {
            fourByteSequences += junk;
        }
        if (add(new PrintedSlip.Line(text, size(sizeByte), bold, align))) {
            synchronized (lock) {
                if (linesUntilPendingFault > 0 && --linesUntilPendingFault == 0) {
                    fault = pendingFault;
                    linesUntilPendingFault = -1;
                    log.debug("simulator {}: fault {} mid-job", link.name(), fault);
                }
            }
        }
    }

    private void cut() {
        if (line.size() > 0) {
            endLine();
        }
        synchronized (lock) {
            if (fault.stopsPrinting()) {
                return;
            }
            slips.add(new PrintedSlip(current, true));
            lock.notifyAll();
        }
        current = new ArrayList<>();
    }

    /** Puts an item on paper, unless the printer cannot print. */
    private boolean add(PrintedSlip.Item item) {
        synchronized (lock) {
            if (fault.stopsPrinting()) {
                return false;
            }
        }
        current.add(item);
        return true;
    }

    private void unknown() {
        synchronized (lock) {
            unknownCommands++;
        }
    }

    private static ReceiptSlip.Size size(int n) {
        int w = (n >> 4) + 1;
        int h = (n & 0x0F) + 1;
        if (w == 2 && h == 2) {
            return ReceiptSlip.Size.DOUBLE;
        }
        if (w == 1 && h == 2) {
            return ReceiptSlip.Size.DOUBLE_HEIGHT;
        }
        return ReceiptSlip.Size.NORMAL;
    }

    /** Reads a raster image as a QR code (ZXing), as a phone would read the paper. */
    static Optional<String> decodeQr(RasterImage img) {
        int w = img.widthDots();
        int h = img.heightDots();
        if (w < 21 || h < 21) {
            return Optional.empty();
        }
        byte[] lum = new byte[w * h];
        for (int y = 0; y < h; y++) {
            for (int x = 0; x < w; x++) {
                lum[y * w + x] = (byte) (img.dark(x, y) ? 0 : 255);
            }
        }
        try {
            var source = new PlanarYUVLuminanceSource(lum, w, h, 0, 0, w, h, false);
            var result = new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(source)),
                    Map.of(DecodeHintType.PURE_BARCODE, Boolean.TRUE, DecodeHintType.CHARACTER_SET, "UTF-8"));
            return Optional.of(result.getText());
        } catch (NotFoundException e) {
            return Optional.empty();
        } catch (ReaderException e) {
            return Optional.empty();
        }
    }

    private static Charset cp437() {
        try {
            return Charset.forName("IBM437");
        } catch (RuntimeException e) {
            return StandardCharsets.ISO_8859_1;
        }
    }
}
