package org.creditkiosk.device.idcard;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.creditkiosk.device.fuzz.FuzzTarget;

/** Fuzz targets of the ID card reader's decoders: GA/T 467 frames on the wire, and the card's text block. */
public final class IdCardFuzzTargets {

    private IdCardFuzzTargets() {
    }

    /** Bytes from the reader, in chunks as a UART delivers them, into the length-driven frame decoder. */
    public static FuzzTarget frames() {
        return new FuzzTarget() {
            private final FrameDecoder decoder = FrameDecoder.forAnswers();

            @Override
            public String name() {
                return "GA/T 467 frames";
            }

            @Override
            public List<byte[]> seeds() {
                List<byte[]> seeds = new ArrayList<>();
                for (IdentityCard c : IdCardFixtures.all()) {
                    seeds.add(SamFrames.answer(0x90, concat(CardText.encode(c), new byte[CardText.PHOTO_SIZE])));
                }
                seeds.add(SamFrames.answer(0x9F, new byte[4]));
                seeds.add(SamFrames.answer(0x90, new byte[8]));
                seeds.add(SamFrames.answer(0x80, new byte[0]));
                seeds.add(concat(SamFrames.answer(0x90, new byte[0]), SamFrames.answer(0x9F, new byte[4])));
                return seeds;
            }

            @Override
            public String run(byte[] input) {
                decoder.clear();
                int frames = 0;
                int off = 0;
                int step = 1 + (input.length == 0 ? 0 : (input[0] & 0x3F));
                while (off < input.length) {
                    int n = Math.min(step, input.length - off);
                    decoder.feed(input, off, n);
                    off += n;
                    Optional<FrameDecoder.Result> r;
                    int guard = 0;
                    while ((r = decoder.next()).isPresent()) {
                        if (++guard > input.length + 16) {
                            throw new IllegalStateException("decoder makes no progress");
                        }
                        frames++;
                    }
                }
                if (decoder.buffered() > SamFrames.MAX_LEN + SamFrames.HEADER) {
                    throw new IllegalStateException("decoder holds " + decoder.buffered() + " bytes");
                }
                return frames == 0 ? "no frame" : frames == 1 ? "1 frame" : "frames";
            }
        };
    }

    /** The 256-byte text block (and the photo after it) into the card text decoder. */
    public static FuzzTarget cardText() {
        return new FuzzTarget() {
            @Override
            public String name() {
                return "card text";
            }

            @Override
            public List<byte[]> seeds() {
                return IdCardFixtures.all().stream().map(CardText::encode).toList();
            }

            @Override
            public String run(byte[] input) {
                byte[] text = Arrays.copyOf(input, Math.min(input.length, CardText.SIZE + (input.length % 3 == 0 ? 7 : 0)));
                CardText.Result r = CardText.decode(text, new byte[0]);
                if (r instanceof CardText.Decoded d) {
                    // a decoded card is a whole card: a resident's or permit holder's number has 18 characters, an
                    // old-style foreign permanent resident card 15
                    int len = d.card().idNumber().length();
                    if (len != 18 && !(d.card().cardType() == CardType.FOREIGN_PERMANENT_RESIDENT && len == 15)) {
                        throw new IllegalStateException("decoded card with a " + len + "-character number");
                    }
                    return "Decoded";
                }
                return "Rejected:" + ((CardText.Rejected) r).outcome().code();
            }
        };
    }

    static byte[] concat(byte[] a, byte[] b) {
        byte[] out = Arrays.copyOf(a, a.length + b.length);
        System.arraycopy(b, 0, out, a.length, b.length);
        return out;
    }
}
