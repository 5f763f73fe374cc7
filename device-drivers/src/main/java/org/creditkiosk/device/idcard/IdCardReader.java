package org.creditkiosk.device.idcard;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import org.creditkiosk.device.Device;
import org.creditkiosk.device.DeviceHealth;
import org.creditkiosk.device.DeviceKind;
import org.creditkiosk.device.DeviceState;
import org.creditkiosk.device.link.Link;
import org.creditkiosk.device.link.LinkOpenException;
import org.creditkiosk.device.link.LinkOpener;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Driver of a resident ID card reader with a certified SAM (GA/T 467-2019 host interface) on a serial line.
 *
 * <p>It owns one link and one thread. The thread opens the link, asks for the SAM id (the proof that a reader is
 * there), then polls every {@link IdCardReaderSettings#pollInterval()}: find → select → read for a new card, and
 * a presence check (find, then select, which a card halted after its read still answers) for a card already
 * read. It reports {@link IdCardEvent.CardPlaced} once per placement, {@link IdCardEvent.CardRemoved} when that
 * card is gone, and {@link IdCardEvent.ReadFailed} with a typed {@link IdCardOutcome} when a card could not be
 * read (once per placement) or the reader stops answering (once per episode). A lost link is closed and reopened
 * from this thread with doubling backoff; health is OFFLINE meanwhile.
 *
 * <p>Events are delivered on the driver's thread: listeners must return quickly. Nothing personal is logged.
 */
public final class IdCardReader implements Device {

    private static final Logger log = LoggerFactory.getLogger(IdCardReader.class);

    /** Counters for technicians (JavaPOS statistics in a small form). */
    public record Statistics(long cardsRead, long readFailures, long checksumRetries, long skippedBytes,
                             long linkOpenings) {
    }

    private enum CardState { ABSENT, REPORTED, UNREAD }

    private final LinkOpener opener;
    private final IdCardReaderSettings settings;
    private final Consumer<IdCardEvent> listener;

    private final Object lifecycle = new Object();
    private Thread thread;
    private volatile boolean running;
    private volatile DeviceHealth health = DeviceHealth.disabled();
    private volatile String samId = "";

    private final AtomicLong cardsRead = new AtomicLong();
    private final AtomicLong readFailures = new AtomicLong();
    private final AtomicLong linkOpenings = new AtomicLong();
    private volatile long checksumRetriesBefore;
    private volatile long skippedBytesBefore;
    private volatile SamClient client;

    private CardState cardState = CardState.ABSENT;
    /** The code of the reader-level failure being reported now (silence, SAM fault); empty when none. */
    private String readerTrouble = "";

    public IdCardReader(LinkOpener opener, IdCardReaderSettings settings, Consumer<IdCardEvent> listener) {
        this.opener = Objects.requireNonNull(opener, "opener");
        this.settings = Objects.requireNonNull(settings, "settings");
        this.listener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public DeviceKind kind() {
        return DeviceKind.ID_CARD_READER;
    }

    @Override
    public void open() {
        synchronized (lifecycle) {
            if (thread != null) {
                return;
            }
            running = true;
            health = DeviceHealth.offline("OPENING");
            thread = new Thread(this::run, "idcard-reader");
            thread.setDaemon(true);
            thread.start();
        }
    }

    @Override
    public void close() {
        Thread t;
        synchronized (lifecycle) {
            t = thread;
            thread = null;
            running = false;
        }
        if (t != null) {
            t.interrupt();
            try {
                t.join(Duration.ofSeconds(5).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (t.isAlive()) {
                log.warn("id card reader thread did not stop within 5 s");
            }
        }
        health = DeviceHealth.disabled();
    }

    @Override
    public DeviceHealth health() {
        return health;
    }

    /** The SAM id of the reader, once it has answered; empty before. */
    public String samId() {
        return samId;
    }

    public Statistics statistics() {
        SamClient c = client;
        long retries = checksumRetriesBefore + (c == null ? 0 : c.checksumRetries());
        long skipped = skippedBytesBefore + (c == null ? 0 : c.skippedBytes());
        return new Statistics(cardsRead.get(), readFailures.get(), retries, skipped, linkOpenings.get());
    }

    private void run() {
        long backoff = settings.reopenMin().toNanos();
        String lastOpenProblem = "";
        while (running) {
            Link link;
            try {
                link = opener.open();
            } catch (LinkOpenException e) {
                String code = e.reason().name();
                if (!code.equals(lastOpenProblem)) {
                    log.warn("id card reader: {}", e.getMessage());
                    lastOpenProblem = code;
                }
                setHealth(DeviceHealth.offline(code));
                if (!pause(backoff)) {
                    break;
                }
                backoff = Math.min(backoff * 2, settings.reopenMax().toNanos());
                continue;
            } catch (IOException | RuntimeException e) {
                if (!"OPEN_FAILED".equals(lastOpenProblem)) {
                    log.warn("id card reader: cannot open the link: {}", e.toString());
                    lastOpenProblem = "OPEN_FAILED";
                }
                setHealth(DeviceHealth.offline("OPEN_FAILED"));
                if (!pause(backoff)) {
                    break;
                }
                backoff = Math.min(backoff * 2, settings.reopenMax().toNanos());
                continue;
            }
            lastOpenProblem = "";
            linkOpenings.incrementAndGet();
            log.info("id card reader: link {} open", link.name());
            boolean answered = false;
            try {
                answered = serve(link);
            } catch (InterruptedIOException e) {
                // close() asked us to stop
            } catch (IOException e) {
                if (running) {
                    log.warn("id card reader: link {} lost: {}", link.name(), e.getMessage());
                }
            } finally {
                SamClient c = client;
                if (c != null) {
                    checksumRetriesBefore += c.checksumRetries();
                    skippedBytesBefore += c.skippedBytes();
                    client = null;
                }
                link.close();
            }
            if (cardState == CardState.REPORTED) {
                emit(new IdCardEvent.CardRemoved());
            }
            cardState = CardState.ABSENT;
            readerTrouble = "";
            if (!running) {
                break;
            }
            setHealth(DeviceHealth.offline("LINK_LOST"));
            if (answered) {
                backoff = settings.reopenMin().toNanos();
            }
            if (!pause(backoff)) {
                break;
            }
            backoff = Math.min(backoff * 2, settings.reopenMax().toNanos());
        }
        log.debug("id card reader thread ends");
    }

    /** Polls on one open link until it fails or the driver closes; true if the reader answered at least once. */
    private boolean serve(Link link) throws IOException {
        SamClient c = new SamClient(link, settings);
        client = c;
        boolean answered = false;
        boolean samKnown = false;
        while (running) {
            if (!samKnown) {
                SamClient.SamIdResult r = c.samId();
                if (r instanceof SamClient.SamIdRead read) {
                    samKnown = true;
                    answered = true;
                    samId = read.samId();
                    readerBack();
                    log.info("id card reader on {} answers; SAM {}", link.name(), samId);
                } else {
                    readerTrouble(((SamClient.SamIdFailed) r).outcome());
                }
            } else if (cardState == CardState.ABSENT) {
                samKnown = poll(c);
            } else {
                samKnown = checkPresence(c);
            }
            if (!pause(settings.pollInterval().toNanos())) {
                break;
            }
        }
        return answered;
    }

    /** One find → select → read; false when the reader stopped answering (the SAM id is then asked again). */
    private boolean poll(SamClient c) throws IOException {
        SamClient.Attempt a = c.readCard();
        if (a instanceof SamClient.NoCard) {
            readerBack();
            return true;
        }
        if (a instanceof SamClient.CardRead read) {
            readerBack();
            cardState = CardState.REPORTED;
            cardsRead.incrementAndGet();
            log.info("id card reader: {} card {} read", read.card().cardType(), read.card().maskedIdNumber());
            emit(new IdCardEvent.CardPlaced(read.card(), samId));
            return true;
        }
        IdCardOutcome o = ((SamClient.AttemptFailed) a).outcome();
        if (isFindFailure(o)) {
            readerTrouble(o);
            return !(o instanceof IdCardOutcome.NoAnswer);
        }
        readerBack();
        readFailures.incrementAndGet();
        log.warn("id card reader: read failed: {}", o.describe());
        // A card whose content is wrong stays on the reader: wait for it to be lifted rather than re-read it.
        // Transport and card-movement failures are tried again at the next poll.
        if (o instanceof IdCardOutcome.InvalidIdNumber || o instanceof IdCardOutcome.UnreadableText
                || o instanceof IdCardOutcome.MalformedAnswer) {
            cardState = CardState.UNREAD;
        }
        if (o instanceof IdCardOutcome.Refused r && r.status().isReaderFault()) {
            setHealth(DeviceHealth.degraded(o.code()));
        }
        emit(new IdCardEvent.ReadFailed(o));
        return true;
    }

    private boolean checkPresence(SamClient c) throws IOException {
        SamClient.Presence p = c.presence();
        if (p instanceof SamClient.PresenceUnknown u) {
            readerTrouble(u.outcome());
            return !(u.outcome() instanceof IdCardOutcome.NoAnswer);
        }
        readerBack();
        if (p instanceof SamClient.Absent) {
            if (cardState == CardState.REPORTED) {
                log.info("id card reader: card removed");
                emit(new IdCardEvent.CardRemoved());
            }
            cardState = CardState.ABSENT;
        }
        return true;
    }

    private static boolean isFindFailure(IdCardOutcome o) {
        return (o instanceof IdCardOutcome.NoAnswer n && n.command() == SamCommand.FIND_CARD)
                || (o instanceof IdCardOutcome.Refused r && r.command() == SamCommand.FIND_CARD)
                || (o instanceof IdCardOutcome.ChecksumError e && e.command() == SamCommand.FIND_CARD)
                || (o instanceof IdCardOutcome.MalformedAnswer m && m.command() == SamCommand.FIND_CARD);
    }

    /** The reader does not answer, or answers with a fault of its own: reported once per episode. */
    private void readerTrouble(IdCardOutcome o) {
        boolean silent = o instanceof IdCardOutcome.NoAnswer;
        setHealth(silent ? DeviceHealth.offline(o.code()) : DeviceHealth.degraded(o.code()));
        if (!o.code().equals(readerTrouble)) {
            readerTrouble = o.code();
            log.warn("id card reader: {}", o.describe());
            emit(new IdCardEvent.ReadFailed(o));
        }
    }

    private void readerBack() {
        if (!readerTrouble.isEmpty()) {
            log.info("id card reader answers again");
            readerTrouble = "";
        }
        DeviceHealth h = health;
        if (h.state() != DeviceState.READY) {
            setHealth(DeviceHealth.ready());
        }
    }

    private void setHealth(DeviceHealth h) {
        DeviceHealth old = health;
        if (old.state() != h.state() || !old.detail().equals(h.detail())) {
            health = h;
        }
    }

    private void emit(IdCardEvent e) {
        try {
            listener.accept(e);
        } catch (RuntimeException ex) {
            log.error("id card event listener failed on {}", e.getClass().getSimpleName(), ex);
        }
    }

    /** Sleeps; false when the driver is closing. */
    private boolean pause(long nanos) {
        if (!running) {
            return false;
        }
        try {
            Thread.sleep(nanos / 1_000_000L, (int) (nanos % 1_000_000L));
            return running;
        } catch (InterruptedException e) {
            return false;
        }
    }
}
