package org.creditkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import org.creditkiosk.device.link.PipeLink;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Issue 10, item 8d: after a card is decoded, no buffer of the driver still holds its raw text or photo: the
 * decoder's buffer, the receive buffer and the payload copies are zeroed.
 */
class CardBufferWipeTest {

    static final IdentityCard CARD = IdCardFixtures.resident().withPhoto(photo());

    static byte[] photo() {
        byte[] p = new byte[CardText.PHOTO_SIZE];
        Arrays.fill(p, (byte) 0x5C);
        return p;
    }

    /** The {@code 30 01} answer's data for {@link #CARD}: TL, PL, text, photo. */
    static byte[] readData() {
        byte[] text = CardText.encode(CARD);
        byte[] data = new byte[4 + text.length + CardText.PHOTO_SIZE];
        data[0] = (byte) (text.length >>> 8);
        data[1] = (byte) text.length;
        data[2] = (byte) (CardText.PHOTO_SIZE >>> 8);
        data[3] = (byte) CardText.PHOTO_SIZE;
        System.arraycopy(text, 0, data, 4, text.length);
        System.arraycopy(CARD.photo(), 0, data, 4 + text.length, CardText.PHOTO_SIZE);
        return data;
    }

    static boolean contains(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }

    static void assertNoCardBytes(byte[] buffer) {
        assertThat(contains(buffer, CARD.name().getBytes(StandardCharsets.UTF_16LE))).as("the name").isFalse();
        assertThat(contains(buffer, CARD.idNumber().getBytes(StandardCharsets.UTF_16LE))).as("the number").isFalse();
        assertThat(contains(buffer, Arrays.copyOf(photo(), 16))).as("the photo").isFalse();
    }

    static void assertAllZero(byte[] buffer) {
        for (int i = 0; i < buffer.length; i++) {
            if (buffer[i] != 0) {
                throw new AssertionError("byte " + i + " of " + buffer.length + " is not zero");
            }
        }
    }

    @Test
    void theDecodersBufferHoldsNoCardBytesOnceTheFrameIsTaken() {
        byte[] frame = SamFrames.answer(0x90, readData());
        byte[] corrupt = frame.clone();
        corrupt[200] ^= 0x01;   // a whole copy with a bad checksum: rejected, resynchronised over
        FrameDecoder d = FrameDecoder.forAnswers();
        byte[] line = new byte[3 + corrupt.length + frame.length];
        line[0] = 0x11;
        line[1] = (byte) 0xAA;
        line[2] = 0x22;
        System.arraycopy(corrupt, 0, line, 3, corrupt.length);
        System.arraycopy(frame, 0, line, 3 + corrupt.length, frame.length);
        // UART-sized chunks: the buffer grows and compacts on the way
        FrameDecoder.Frame got = null;
        for (int off = 0; off < line.length; off += 61) {
            d.feed(line, off, Math.min(61, line.length - off));
            Optional<FrameDecoder.Result> r;
            while ((r = d.next()).isPresent()) {
                if (r.get() instanceof FrameDecoder.Frame f) {
                    got = f;
                }
            }
        }
        assertThat(got).isNotNull();
        assertThat(d.buffered()).isZero();
        // the frame's bytes are the caller's copy now; the decoder kept nothing of it, nor of the rejected copy
        assertThat(contains(got.body(), CARD.name().getBytes(StandardCharsets.UTF_16LE))).isTrue();
        assertNoCardBytes(d.bufferCopy());
        assertAllZero(d.bufferCopy());
    }

    @Test
    void clearZeroesAPartialFrame() {
        byte[] frame = SamFrames.answer(0x90, readData());
        FrameDecoder d = FrameDecoder.forAnswers();
        d.feed(frame, 0, frame.length - 10);   // the end never arrives
        assertThat(d.next()).isEmpty();
        assertThat(contains(d.bufferCopy(), CARD.name().getBytes(StandardCharsets.UTF_16LE))).isTrue();
        d.clear();
        assertAllZero(d.bufferCopy());
    }

    @Test
    void decodeReadZeroesItsCopiesButLeavesTheCallersArray() {
        byte[] data = readData();
        byte[] before = data.clone();
        SamClient.Attempt a = SamClient.decodeRead(data);
        assertThat(a).isInstanceOfSatisfying(SamClient.CardRead.class, r -> {
            assertThat(r.card().name()).isEqualTo(CARD.name());
            assertThat(r.card().photo()).isEqualTo(photo());   // the card keeps its own copy
        });
        assertThat(data).isEqualTo(before);
    }

    // ---- the whole read through SamClient over an in-memory line -------------------------------------------

    private final PipeLink[] pipe = PipeLink.pair("wipe");
    private final BlockingQueue<byte[]> script = new LinkedBlockingQueue<>();
    private final Thread peer = new Thread(this::answer, "scripted-peer");

    @AfterEach
    void stop() throws InterruptedException {
        pipe[1].close();
        peer.interrupt();
        peer.join(1000);
    }

    private void answer() {
        FrameDecoder d = FrameDecoder.forCommands();
        byte[] buf = new byte[256];
        try {
            while (true) {
                int n = pipe[1].read(buf, 0, buf.length, Duration.ofMillis(50));
                d.feed(buf, 0, n);
                while (d.next().isPresent()) {
                    byte[] a = script.take();
                    if (a.length > 0) {
                        pipe[1].write(a);
                    }
                }
            }
        } catch (Exception e) {
            // closed
        }
    }

    @Test
    void afterAReadNoBufferOfTheClientHoldsTheCard() throws Exception {
        peer.setDaemon(true);
        peer.start();
        SamClient client = new SamClient(pipe[0], IdCardReaderSettings.defaults()
                .withCommandTimeout(Duration.ofMillis(500)).withReadTimeout(Duration.ofMillis(800)));
        byte[] read = SamFrames.answer(0x90, readData());
        byte[] trailing = Arrays.copyOf(read, read.length + 40);   // with the start of a repeated answer behind it
        System.arraycopy(read, 0, trailing, read.length, 40);
        script.add(SamFrames.answer(0x9F, new byte[4]));
        script.add(SamFrames.answer(0x90, new byte[8]));
        script.add(trailing);
        assertThat(client.readCard()).isInstanceOfSatisfying(SamClient.CardRead.class,
                r -> assertThat(r.card().idNumber()).isEqualTo(CARD.idNumber()));
        for (byte[] buffer : client.buffersCopy()) {
            assertNoCardBytes(buffer);
            assertAllZero(buffer);
        }

        // a read cut short by the timeout leaves nothing behind either
        script.add(SamFrames.answer(0x9F, new byte[4]));
        script.add(SamFrames.answer(0x90, new byte[8]));
        script.add(Arrays.copyOf(read, read.length / 2));
        assertThat(client.readCard()).isInstanceOf(SamClient.AttemptFailed.class);
        for (byte[] buffer : client.buffersCopy()) {
            assertAllZero(buffer);
        }
    }
}
