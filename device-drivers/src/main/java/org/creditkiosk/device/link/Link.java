package org.creditkiosk.device.link;

import java.io.Closeable;
import java.io.IOException;
import java.time.Duration;

/**
 * A byte pipe to one device: a serial port ({@link SerialPortLink}) or, for simulators and unit tests,
 * one end of an in-memory pair ({@link PipeLink}). A driver owns exactly one link and one reader thread.
 */
public interface Link extends Closeable {

    /** The port path or a descriptive name, for logs. */
    String name();

    /** False once closed or once the far end is known to be gone. */
    boolean isOpen();

    /** Writes all bytes or throws. */
    void write(byte[] data) throws IOException;

    /**
     * Reads what is available, up to {@code len} bytes, waiting at most {@code timeout} for the first byte.
     *
     * @return the number of bytes read, 0 when nothing arrived in time
     * @throws LinkClosedException when the link is closed or the device went away
     */
    int read(byte[] buf, int off, int len, Duration timeout) throws IOException;

    /** Discards unread input (e.g. before a new command). */
    void drainInput() throws IOException;

    @Override
    void close();
}
