package org.creditkiosk.device.link;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * One end of an in-memory link pair: what one end writes, the other reads. Used to wire a simulator to its
 * driver in demo mode and in unit tests, with the same bytes a serial line would carry. Closing either end
 * makes the other end see {@link LinkClosedException}, like an unplugged cable.
 */
public final class PipeLink implements Link {

    /** Bounded like a UART driver's buffer: a writer that outruns its reader blocks. */
    private static final int CAPACITY = 64 * 1024;

    private final String name;
    private final Buffer in;
    private final Buffer out;

    private PipeLink(String name, Buffer in, Buffer out) {
        this.name = name;
        this.in = in;
        this.out = out;
    }

    /** Two connected ends: {@code [0]} for the driver, {@code [1]} for the device (simulator). */
    public static PipeLink[] pair(String name) {
        Buffer toDevice = new Buffer();
        Buffer toHost = new Buffer();
        return new PipeLink[] {
            new PipeLink(name + "/host", toHost, toDevice),
            new PipeLink(name + "/device", toDevice, toHost)
        };
    }

    /**
     * Demo wiring for a simulator bound to one line (receipt printer, scanner): every open hands the driver a fresh
     * view of {@code host} whose close ends that view only, so a driver's close and reopen (a technician's reconnect)
     * finds the simulator still on the line, as a device whose cable was pulled and pushed back in. Bytes left on
     * the line from before the reopen are dropped, as a real port's are.
     */
    public static LinkOpener reopenable(PipeLink host) {
        return () -> {
            host.drainInput();
            return new Link() {
                private volatile boolean open = true;

                private void check() throws LinkClosedException {
                    if (!open) {
                        throw new LinkClosedException(host.name() + " is closed");
                    }
                }

                @Override
                public String name() {
                    return host.name();
                }

                @Override
                public boolean isOpen() {
                    return open && host.isOpen();
                }

                @Override
                public void write(byte[] data) throws IOException {
                    check();
                    host.write(data);
                }

                @Override
                public int read(byte[] buf, int off, int len, Duration timeout) throws IOException {
                    check();
                    return host.read(buf, off, len, timeout);
                }

                @Override
                public void drainInput() throws IOException {
                    check();
                    host.drainInput();
                }

                @Override
                public void close() {
                    open = false;
                }
            };
        };
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public boolean isOpen() {
        return !in.closed && !out.closed;
    }

    @Override
    public void write(byte[] data) throws IOException {
        out.write(data, name);
    }

    @Override
    public int read(byte[] buf, int off, int len, Duration timeout) throws IOException {
        return in.read(buf, off, len, timeout.toNanos(), name);
    }

    @Override
    public void drainInput() throws IOException {
        byte[] scratch = new byte[1024];
        while (in.read(scratch, 0, scratch.length, 0, name) > 0) {
            // discard
        }
    }

    @Override
    public void close() {
        in.close();
        out.close();
    }

    private static final class Buffer {
        private final byte[] data = new byte[CAPACITY];
        private final ReentrantLock lock = new ReentrantLock();
        private final Condition notEmpty = lock.newCondition();
        private final Condition notFull = lock.newCondition();
        private int head;
        private int size;
        private volatile boolean closed;

        void write(byte[] bytes, String name) throws IOException {
            lock.lock();
            try {
                int i = 0;
                while (i < bytes.length) {
                    if (closed) {
                        throw new LinkClosedException(name + " is closed");
                    }
                    while (size == CAPACITY && !closed) {
                        awaitInterruptibly(notFull, 50_000_000L);
                    }
                    while (i < bytes.length && size < CAPACITY) {
                        data[(head + size) % CAPACITY] = bytes[i++];
                        size++;
                    }
                    notEmpty.signalAll();
                }
            } finally {
                lock.unlock();
            }
        }

        int read(byte[] buf, int off, int len, long timeoutNanos, String name) throws IOException {
            lock.lock();
            try {
                long left = timeoutNanos;
                while (size == 0) {
                    if (closed) {
                        throw new LinkClosedException(name + " is closed");
                    }
                    if (left <= 0) {
                        return 0;
                    }
                    left = awaitInterruptibly(notEmpty, left);
                }
                int n = Math.min(len, size);
                for (int i = 0; i < n; i++) {
                    buf[off + i] = data[head];
                    data[head] = 0; // a card's frames must not stay on the line once read (privacy heap scan)
                    head = (head + 1) % CAPACITY;
                }
                size -= n;
                notFull.signalAll();
                return n;
            } finally {
                lock.unlock();
            }
        }

        void close() {
            lock.lock();
            try {
                closed = true;
                notEmpty.signalAll();
                notFull.signalAll();
            } finally {
                lock.unlock();
            }
        }

        private static long awaitInterruptibly(Condition c, long nanos) throws InterruptedIOException {
            try {
                return c.awaitNanos(nanos);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new InterruptedIOException("interrupted");
            }
        }
    }

}
