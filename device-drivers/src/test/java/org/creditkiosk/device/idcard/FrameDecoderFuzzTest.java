package org.creditkiosk.device.idcard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Random, truncated and corrupted frames into the decoders: typed results only, no hang, bounded memory. */
class FrameDecoderFuzzTest {

    private static final int FRAMES = 120_000;

    @Test
    void randomTruncatedAndCorruptedFramesGiveTypedResultsOnly() {
        Random rnd = new Random(467);
        List<byte[]> cards = IdCardFixtures.all().stream().map(CardText::encode).toList();
        FrameDecoder decoder = FrameDecoder.forAnswers();
        ByteArrayOutputStream stream = new ByteArrayOutputStream();
        List<byte[]> intact = new ArrayList<>();
        int recovered = 0;
        int defects = 0;
        int maxCapacity = 0;
        for (int i = 0; i < FRAMES; i++) {
            byte[] frame = randomFrame(rnd, cards);
            switch (rnd.nextInt(6)) {
                case 0 -> frame = Arrays.copyOf(frame, rnd.nextInt(frame.length)); // truncated
                case 1 -> frame[5 + rnd.nextInt(frame.length - 5)] ^= (byte) (1 + rnd.nextInt(255)); // corrupted
                case 2 -> { // random bytes, sometimes with a preamble in front
                    frame = new byte[rnd.nextInt(64)];
                    rnd.nextBytes(frame);
                    if (frame.length > 7 && rnd.nextBoolean()) {
                        System.arraycopy(SamFrames.PREAMBLE, 0, frame, 0, 5);
                    }
                }
                default -> intact.add(frame);
            }
            stream.writeBytes(frame);
            // deliver in random chunks, as a UART would
            byte[] bytes = stream.toByteArray();
            stream.reset();
            int off = 0;
            while (off < bytes.length) {
                int n = Math.min(bytes.length - off, 1 + rnd.nextInt(300));
                decoder.feed(bytes, off, n);
                off += n;
                Optional<FrameDecoder.Result> r;
                int guard = 0;
                while ((r = decoder.next()).isPresent()) {
                    if (++guard > 100_000) {
                        fail("decoder makes no progress");
                    }
                    FrameDecoder.Result res = r.get();
                    if (res instanceof FrameDecoder.Frame f) {
                        recovered++;
                        // whatever comes out as a frame also goes through the answer and text decoders
                        byte[] body = f.body();
                        SamClient.Attempt a = SamClient.decodeRead(Arrays.copyOfRange(body, Math.min(3, body.length),
                                body.length));
                        if (a == null) {
                            fail("no outcome");
                        }
                    } else if (res instanceof FrameDecoder.BadChecksum || res instanceof FrameDecoder.BadLength) {
                        defects++;
                    } else {
                        fail("untyped result " + res);
                    }
                }
                if (decoder.buffered() > SamFrames.HEADER + SamFrames.MAX_LEN + 300) {
                    fail("decoder holds " + decoder.buffered() + " bytes");
                }
                maxCapacity = Math.max(maxCapacity, decoder.capacity());
            }
        }
        assertThat(maxCapacity).isLessThanOrEqualTo(2 * (SamFrames.HEADER + SamFrames.MAX_LEN + 300));
        assertThat(defects).isPositive();
        // a truncated frame may swallow the next one (it waits for its Len) but resynchronisation finds it again
        assertThat(recovered).isGreaterThanOrEqualTo((int) (intact.size() * 0.99));
    }

    @Test
    void randomAndMutatedTextBlocksGiveTypedOutcomes() {
        Random rnd = new Random(11643);
        List<byte[]> cards = IdCardFixtures.all().stream().map(CardText::encode).toList();
        for (int i = 0; i < 100_000; i++) {
            byte[] text;
            if (rnd.nextBoolean()) {
                text = new byte[CardText.SIZE];
                rnd.nextBytes(text);
            } else {
                text = cards.get(rnd.nextInt(cards.size())).clone();
                for (int k = 0; k <= rnd.nextInt(4); k++) {
                    text[rnd.nextInt(text.length)] = (byte) rnd.nextInt(256);
                }
            }
            CardText.Result r = CardText.decode(text, new byte[0]);
            if (r instanceof CardText.Decoded d) {
                String id = d.card().idNumber();
                if (!IdNumbers.isValid(id) && !IdNumbers.isValidForeign2017(id)) {
                    fail("a card with a bad number was accepted");
                }
            } else if (((CardText.Rejected) r).outcome() == null) {
                fail("rejection without outcome");
            }
        }
    }

    private static byte[] randomFrame(Random rnd, List<byte[]> cards) {
        int kind = rnd.nextInt(10);
        if (kind == 0) { // a full card read answer
            byte[] text = cards.get(rnd.nextInt(cards.size()));
            byte[] data = new byte[4 + 256 + 1024];
            data[0] = 1;
            data[2] = 4;
            System.arraycopy(text, 0, data, 4, 256);
            return SamFrames.answer(0x90, data);
        }
        byte[] data = new byte[rnd.nextInt(kind < 5 ? 20 : 200)];
        rnd.nextBytes(data);
        if (rnd.nextInt(4) == 0 && data.length >= 5) { // data that contains the preamble itself
            System.arraycopy(SamFrames.PREAMBLE, 0, data, rnd.nextInt(data.length - 4), 5);
        }
        return SamFrames.answer(rnd.nextInt(256), data);
    }
}
