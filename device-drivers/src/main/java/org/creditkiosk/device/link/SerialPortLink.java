package org.creditkiosk.device.link;

import com.fazecast.jSerialComm.SerialPort;
import com.fazecast.jSerialComm.SerialPortDataListener;
import com.fazecast.jSerialComm.SerialPortEvent;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A serial port through jSerialComm.
 *
 * <p>Facts this class works with (see DESIGN.md §9): jSerialComm opens pseudo-terminals by path but never
 * lists them; after a successful open it may leave {@code getLastErrorCode() == 25}, which means nothing;
 * when the far end goes away it fires {@code LISTENING_EVENT_PORT_DISCONNECTED} repeatedly until
 * {@code closePort()}, so the listener only raises a flag and the driver reopens from its own thread;
 * Linux rounds read timeouts to 100 ms, so short waits are done as repeated polls.
 */
public final class SerialPortLink implements Link {

    private static final Logger log = LoggerFactory.getLogger(SerialPortLink.class);
    private static final int ERRNO_PERMISSION_DENIED = 13;
    private static final int ERRNO_BUSY = 16;
    /** EAGAIN/EWOULDBLOCK: jSerialComm's exclusive lock (flock) is held by another process. */
    private static final int ERRNO_LOCKED = 11;

    private final String path;
    private final SerialPort port;
    private final AtomicBoolean gone = new AtomicBoolean();
    private volatile boolean closed;

    private SerialPortLink(String path, SerialPort port) {
        this.path = path;
        this.port = port;
    }

    /** Opens the port at {@code path} with the given settings, or throws a typed {@link LinkOpenException}. */
    public static SerialPortLink open(String path, SerialSettings settings) throws LinkOpenException {
        Path p = Path.of(path);
        if (!Files.exists(p)) {
            throw new LinkOpenException(LinkOpenException.Reason.NOT_FOUND, "no serial device at " + path);
        }
        if (!Files.isReadable(p) || !Files.isWritable(p)) {
            throw new LinkOpenException(LinkOpenException.Reason.PERMISSION_DENIED,
                    "permission denied on " + path + " (is the kiosk user in the 'dialout' group?)");
        }
        SerialPort port = SerialPort.getCommPort(path);
        port.setComPortParameters(settings.baudRate(), settings.dataBits(),
                settings.stopBits() == 2 ? SerialPort.TWO_STOP_BITS : SerialPort.ONE_STOP_BIT,
                switch (settings.parity()) {
                    case NONE -> SerialPort.NO_PARITY;
                    case ODD -> SerialPort.ODD_PARITY;
                    case EVEN -> SerialPort.EVEN_PARITY;
                });
        port.setFlowControl(settings.rtsCtsFlowControl()
                ? SerialPort.FLOW_CONTROL_RTS_ENABLED | SerialPort.FLOW_CONTROL_CTS_ENABLED
                : SerialPort.FLOW_CONTROL_DISABLED);
        port.setComPortTimeouts(SerialPort.TIMEOUT_READ_SEMI_BLOCKING | SerialPort.TIMEOUT_WRITE_BLOCKING, 100, 1000);
        if (!port.openPort()) {
            int errno = port.getLastErrorCode();
            LinkOpenException.Reason reason = switch (errno) {
                case ERRNO_PERMISSION_DENIED -> LinkOpenException.Reason.PERMISSION_DENIED;
                case ERRNO_BUSY, ERRNO_LOCKED -> LinkOpenException.Reason.BUSY;
                default -> LinkOpenException.Reason.OTHER;
            };
            String hint = switch (reason) {
                case PERMISSION_DENIED -> " (is the kiosk user in the 'dialout' group?)";
                case BUSY -> " (another program holds the port)";
                default -> "";
            };
            throw new LinkOpenException(reason, "cannot open " + path + ": native error " + errno
                    + " at line " + port.getLastErrorLocation() + hint);
        }
        // getLastErrorCode() may still read 25 (ENOTTY) after a successful open: not an error.
        SerialPortLink link = new SerialPortLink(path, port);
        port.addDataListener(new SerialPortDataListener() {
            @Override
            public int getListeningEvents() {
                return SerialPort.LISTENING_EVENT_PORT_DISCONNECTED;
            }

            @Override
            public void serialEvent(SerialPortEvent event) {
                // Fires repeatedly until closePort(): only note it; the driver reopens from its own thread.
                if (link.gone.compareAndSet(false, true)) {
                    log.warn("serial port {} disconnected", path);
                }
            }
        });
        log.debug("opened {} at {} baud", path, settings.baudRate());
        return link;
    }

    @Override
    public String name() {
        return path;
    }

    @Override
    public boolean isOpen() {
        return !closed && !gone.get() && port.isOpen();
    }

    /** A device that takes no byte for this long is not going to: the write fails instead of hanging a driver. */
    private static final long WRITE_STALL_NANOS = 2_000_000_000L;

    @Override
    public void write(byte[] data) throws IOException {
        ensureOpen();
        int done = 0;
        long stalledSince = System.nanoTime();
        while (done < data.length) {
            if (Thread.currentThread().isInterrupted()) {
                throw new java.io.InterruptedIOException("interrupted while writing to " + path);
            }
            int n = port.writeBytes(data, data.length - done, done);
            if (n < 0) {
                gone.set(true);
                throw new LinkClosedException("write failed on " + path + " (device gone?)");
            }
            if (n == 0) {
                // Flow control or a full output buffer: wait a little, but not for ever.
                if (System.nanoTime() - stalledSince > WRITE_STALL_NANOS) {
                    throw new java.io.IOException("write to " + path + " stalled for 2 s (flow control or device hung)");
                }
                sleepNanos(1_000_000L);
                ensureOpen();
                continue;
            }
            done += n;
            stalledSince = System.nanoTime();
        }
    }

    @Override
    public int read(byte[] buf, int off, int len, Duration timeout) throws IOException {
        long deadline = System.nanoTime() + timeout.toNanos();
        byte[] tmp = off == 0 ? buf : new byte[len];
        while (true) {
            ensureOpen();
            int available = port.bytesAvailable();
            if (available < 0) {
                gone.set(true);
                throw new LinkClosedException("read failed on " + path + " (device gone?)");
            }
            if (available > 0) {
                int n = port.readBytes(tmp, Math.min(len, available));
                if (n < 0) {
                    gone.set(true);
                    throw new LinkClosedException("read failed on " + path + " (device gone?)");
                }
                if (tmp != buf) {
                    System.arraycopy(tmp, 0, buf, off, n);
                }
                return n;
            }
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return 0;
            }
            // Poll in small steps: the kernel rounds VTIME to 100 ms, too coarse for command timing.
            sleepNanos(Math.min(left, 2_000_000L));
        }
    }

    @Override
    public void drainInput() throws IOException {
        ensureOpen();
        byte[] scratch = new byte[256];
        while (true) {
            int available = port.bytesAvailable();
            if (available < 0) {
                // bytesAvailable() < 0 is how jSerialComm reports a port that vanished.
                gone.set(true);
                throw new LinkClosedException("read failed on " + path + " (device gone?)");
            }
            if (available == 0) {
                return;
            }
            if (port.readBytes(scratch, Math.min(scratch.length, available)) < 0) {
                gone.set(true);
                throw new LinkClosedException("read failed on " + path);
            }
        }
    }

    private void ensureOpen() throws LinkClosedException {
        if (closed) {
            throw new LinkClosedException(path + " is closed");
        }
        if (gone.get() || !port.isOpen()) {
            throw new LinkClosedException(path + " disconnected");
        }
    }

    private static void sleepNanos(long nanos) throws IOException {
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new java.io.InterruptedIOException("interrupted while reading");
        }
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            port.removeDataListener();
            port.closePort();
            log.debug("closed {}", path);
        }
    }
}
