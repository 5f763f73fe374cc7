package org.creditkiosk.device.idcard;

import java.io.IOException;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import org.creditkiosk.device.link.Link;

/**
 * Command/response with a SAM reader over one {@link Link}: writes a command frame, then receives until one
 * answer frame is complete or the command's timeout passes (length-driven, after hev-idcard-reader, but with
 * the XOR checked). An answer with a wrong checksum is asked for once more. Used by {@link IdCardReader}'s
 * thread and by the technician command's one-shot read; never by two threads at once.
 *
 * <p>{@link IOException}s (the link closed or the device went away; interruption) are thrown: the caller
 * reopens. Everything else comes back as a typed {@link IdCardOutcome}.
 *
 * <p>The raw bytes of a card's text and photo live only as long as decoding needs them: the receive buffer, the
 * decoder's buffer and every payload copy are overwritten with zeros after each exchange and after decoding. What
 * stays is the decoded {@link IdentityCard} (its strings cannot be wiped; the session drops the card at the end of
 * the visit).
 */
public final class SamClient {

    /** An answer frame: SW1 SW2 SW3 and its data. */
    public record Answer(int sw1, int sw2, int sw3, byte[] data) {
        public SamStatus status() {
            return SamStatus.of(sw3);
        }
    }

    /** The answer to one command, or why there is none. */
    public sealed interface Exchange {
    }

    public record Answered(Answer answer) implements Exchange {
    }

    public record Failed(IdCardOutcome outcome) implements Exchange {
    }

    /** One find → select → read attempt. */
    public sealed interface Attempt {
    }

    /** No card on the reader. */
    public record NoCard() implements Attempt {
    }

    public record CardRead(IdentityCard card) implements Attempt {
    }

    public record AttemptFailed(IdCardOutcome outcome) implements Attempt {
    }

    /** Whether the card reported placed is still there. */
    public sealed interface Presence {
    }

    public record Present() implements Presence {
    }

    public record Absent() implements Presence {
    }

    /** The reader did not answer properly; presence unknown. */
    public record PresenceUnknown(IdCardOutcome outcome) implements Presence {
    }

    private final Link link;
    private final IdCardReaderSettings settings;
    private final FrameDecoder decoder = FrameDecoder.forAnswers();
    private final byte[] chunk = new byte[2048];
    private volatile long checksumRetries;

    public SamClient(Link link, IdCardReaderSettings settings) {
        this.link = link;
        this.settings = settings;
    }

    /** Sends one command and waits for its answer; retries once after a wrong checksum. */
    public Exchange exchange(SamCommand command) throws IOException {
        try {
            return exchangeOnce(command);
        } finally {
            // Whatever arrived (an answer's rest, a truncated read, garbage) holds no card bytes past this call.
            decoder.clear();
            Arrays.fill(chunk, (byte) 0);
        }
    }

    private Exchange exchangeOnce(SamCommand command) throws IOException {
        Duration timeout = settings.timeoutFor(command);
        for (int attempt = 0; attempt < 2; attempt++) {
            decoder.clear();
            link.drainInput();
            link.write(SamFrames.command(command));
            long deadline = System.nanoTime() + timeout.toNanos();
            int received = 0;
            boolean badChecksum = false;
            while (!badChecksum) {
                Optional<FrameDecoder.Result> r = decoder.next();
                if (r.isPresent()) {
                    if (r.get() instanceof FrameDecoder.Frame f) {
                        byte[] body = f.body();
                        byte[] data = Arrays.copyOfRange(body, 3, body.length);
                        Answer answer = new Answer(body[0] & 0xFF, body[1] & 0xFF, body[2] & 0xFF, data);
                        Arrays.fill(body, (byte) 0);
                        return new Answered(answer);
                    }
                    // BadLength is a false preamble in line noise: keep synchronising
                    badChecksum = r.get() instanceof FrameDecoder.BadChecksum;
                    continue;
                }
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return new Failed(new IdCardOutcome.NoAnswer(command, timeout.toMillis(), received));
                }
                int n = link.read(chunk, 0, chunk.length, Duration.ofNanos(left));
                if (n > 0) {
                    received += n;
                    decoder.feed(chunk, 0, n);
                    Arrays.fill(chunk, 0, n, (byte) 0);
                }
            }
            checksumRetries++;
        }
        return new Failed(new IdCardOutcome.ChecksumError(command));
    }

    /** The SAM id, or why the reader did not give it. */
    public sealed interface SamIdResult {
    }

    public record SamIdRead(String samId) implements SamIdResult {
    }

    public record SamIdFailed(IdCardOutcome outcome) implements SamIdResult {
    }

    /** Reads the SAM id ({@code 12 FF}) in its text form; also the first proof that a reader is on the line. */
    public SamIdResult samId() throws IOException {
        Exchange e = exchange(SamCommand.READ_SAM_ID);
        if (e instanceof Failed f) {
            return new SamIdFailed(f.outcome());
        }
        Answer a = ((Answered) e).answer();
        if (a.status() != SamStatus.OK) {
            return new SamIdFailed(new IdCardOutcome.Refused(SamCommand.READ_SAM_ID, a.status(), a.sw3()));
        }
        if (a.data().length != 16) {
            return new SamIdFailed(new IdCardOutcome.MalformedAnswer(SamCommand.READ_SAM_ID,
                    a.data().length + " data bytes"));
        }
        return new SamIdRead(SamIds.format(a.data()));
    }

    /** One find → select → read for the card on the reader now. */
    public Attempt readCard() throws IOException {
        Exchange find = exchange(SamCommand.FIND_CARD);
        if (find instanceof Failed f) {
            return new AttemptFailed(f.outcome());
        }
        Answer fa = ((Answered) find).answer();
        if (fa.status() == SamStatus.FIND_FAILED) {
            return new NoCard();
        }
        if (fa.status() != SamStatus.CARD_FOUND) {
            return new AttemptFailed(new IdCardOutcome.Refused(SamCommand.FIND_CARD, fa.status(), fa.sw3()));
        }
        Exchange select = exchange(SamCommand.SELECT_CARD);
        if (select instanceof Failed f) {
            return new AttemptFailed(f.outcome());
        }
        Answer sa = ((Answered) select).answer();
        if (sa.status() != SamStatus.OK) {
            return new AttemptFailed(new IdCardOutcome.Refused(SamCommand.SELECT_CARD, sa.status(), sa.sw3()));
        }
        Exchange read = exchange(SamCommand.READ_TEXT_PHOTO);
        if (read instanceof Failed f) {
            return new AttemptFailed(f.outcome());
        }
        Answer ra = ((Answered) read).answer();
        try {
            if (ra.status() != SamStatus.OK) {
                return new AttemptFailed(new IdCardOutcome.Refused(SamCommand.READ_TEXT_PHOTO, ra.status(), ra.sw3()));
            }
            return decodeRead(ra.data());
        } finally {
            Arrays.fill(ra.data(), (byte) 0);
        }
    }

    /**
     * Decodes the data of a {@code 30 01} answer: sizes, layout, number check. {@code data} is left as it is (the
     * caller owns it and zeroes it); the text and photo copies made here are zeroed before this returns.
     */
    public static Attempt decodeRead(byte[] data) {
        Optional<byte[][]> parts = CardText.split(data, false);
        if (parts.isEmpty()) {
            return new AttemptFailed(new IdCardOutcome.MalformedAnswer(SamCommand.READ_TEXT_PHOTO,
                    "unexpected text/photo sizes (" + data.length + " data bytes)"));
        }
        byte[] text = parts.get()[0];
        byte[] photo = parts.get()[1];
        try {
            // IdentityCard keeps its own copy of the photo and decoded strings, not these arrays.
            CardText.Result r = CardText.decode(text, photo);
            return r instanceof CardText.Decoded d
                    ? new CardRead(d.card())
                    : new AttemptFailed(((CardText.Rejected) r).outcome());
        } finally {
            Arrays.fill(text, (byte) 0);
            Arrays.fill(photo, (byte) 0);
        }
    }

    /**
     * Whether a card that was read is still on the reader. After a read the card is halted and a new find often
     * fails until it is lifted, so a failed find is followed by a select, which a halted card still answers.
     *
     */
    public Presence presence() throws IOException {
        Exchange find = exchange(SamCommand.FIND_CARD);
        if (find instanceof Failed f) {
            return new PresenceUnknown(f.outcome());
        }
        if (((Answered) find).answer().status() == SamStatus.CARD_FOUND) {
            return new Present();
        }
        Exchange select = exchange(SamCommand.SELECT_CARD);
        if (select instanceof Failed f) {
            return new PresenceUnknown(f.outcome());
        }
        return ((Answered) select).answer().status() == SamStatus.OK ? new Present() : new Absent();
    }

    /** The result of {@link #readOnce}. */
    public sealed interface OneShot {
    }

    /** A card was read. */
    public record OneShotRead(IdentityCard card, String samId) implements OneShot {
    }

    /**
     * No card was read. {@code readerAnswered} is false when the SAM id could not be read: then the outcome tells
     * whether nothing answered ({@link IdCardOutcome.NoAnswer} with no bytes) or something that is not a reader.
     */
    public record OneShotFailed(IdCardOutcome outcome, boolean readerAnswered) implements OneShot {
    }

    /**
     * Waits up to {@code wait} for a card and reads it once (the technician command): SAM id first, then
     * find → select → read every poll interval. A card whose content fails its checks ends the wait at once;
     * transient failures (card moved, checksum) are tried again until the time is up.
     */
    public OneShot readOnce(Duration wait) throws IOException {
        long deadline = System.nanoTime() + wait.toNanos();
        SamIdResult id = samId();
        if (id instanceof SamIdFailed f) {
            return new OneShotFailed(f.outcome(), false);
        }
        String sam = ((SamIdRead) id).samId();
        IdCardOutcome last = new IdCardOutcome.NoCard(wait.toMillis());
        while (true) {
            Attempt a = readCard();
            if (a instanceof CardRead r) {
                return new OneShotRead(r.card(), sam);
            }
            if (a instanceof AttemptFailed f) {
                if (f.outcome() instanceof IdCardOutcome.InvalidIdNumber
                        || f.outcome() instanceof IdCardOutcome.UnreadableText) {
                    return new OneShotFailed(f.outcome(), true);
                }
                last = f.outcome();
            }
            long pause = settings.pollInterval().toNanos();
            if (System.nanoTime() + pause > deadline) {
                return new OneShotFailed(last, true);
            }
            try {
                Thread.sleep(pause / 1_000_000L);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new java.io.InterruptedIOException("interrupted");
            }
        }
    }

    /** How many answers came with a wrong checksum (each command is sent once more after the first). */
    public long checksumRetries() {
        return checksumRetries;
    }

    /** Garbage bytes skipped while synchronising on the preamble. */
    public long skippedBytes() {
        return decoder.skippedBytes();
    }

    /** Copies of the receive buffer and the decoder's buffer, for the wipe tests. */
    byte[][] buffersCopy() {
        return new byte[][] {chunk.clone(), decoder.bufferCopy()};
    }
}
