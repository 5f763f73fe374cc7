package org.creditkiosk.device.fuzz;

import java.util.Arrays;
import java.util.List;
import java.util.Random;

/**
 * A seeded mutator of valid inputs, the way AFL's havoc stage works in small: bit and byte flips, interesting values,
 * inserted and deleted runs, truncation, duplication, and splices of two seeds. Deterministic for a seed, so a crash
 * found in a long run is reproduced by its seed and index (and kept as a regression input).
 */
public final class Mutator {

    private static final byte[] INTERESTING = {0, 1, -1, 0x7F, (byte) 0x80, 0x0A, 0x0D, 0x1B, 0x20, (byte) 0xAA,
            (byte) 0x96, 0x69, (byte) 0x90, (byte) 0x9F, 0x3A, 0x2F, 0x25, 0x22, 0x5C, 0x7B, 0x7D};

    private final Random rnd;
    private final List<byte[]> seeds;

    public Mutator(long seed, List<byte[]> seeds) {
        if (seeds.isEmpty()) {
            throw new IllegalArgumentException("no seeds");
        }
        this.rnd = new Random(seed);
        this.seeds = List.copyOf(seeds);
    }

    public Random random() {
        return rnd;
    }

    /** The next input: a seed with 1 to 8 stacked mutations (one in 16 is a seed as it is, one in 32 pure noise). */
    public byte[] next() {
        int pick = rnd.nextInt(32);
        if (pick == 0) {
            byte[] noise = new byte[rnd.nextInt(512)];
            rnd.nextBytes(noise);
            return noise;
        }
        byte[] b = seeds.get(rnd.nextInt(seeds.size())).clone();
        if (pick < 3) {
            return b;
        }
        int n = 1 + rnd.nextInt(8);
        for (int i = 0; i < n; i++) {
            b = mutate(b);
        }
        return b;
    }

    private byte[] mutate(byte[] b) {
        int len = b.length;
        switch (rnd.nextInt(10)) {
            case 0 -> {
                if (len > 0) {
                    b[rnd.nextInt(len)] ^= (byte) (1 << rnd.nextInt(8));
                }
            }
            case 1 -> {
                if (len > 0) {
                    b[rnd.nextInt(len)] = (byte) rnd.nextInt(256);
                }
            }
            case 2 -> {
                if (len > 0) {
                    b[rnd.nextInt(len)] = INTERESTING[rnd.nextInt(INTERESTING.length)];
                }
            }
            case 3 -> b = Arrays.copyOf(b, len == 0 ? 0 : rnd.nextInt(len)); // truncate
            case 4 -> { // delete a run
                if (len > 1) {
                    int from = rnd.nextInt(len);
                    int to = Math.min(len, from + 1 + rnd.nextInt(Math.max(1, len / 4)));
                    byte[] out = new byte[len - (to - from)];
                    System.arraycopy(b, 0, out, 0, from);
                    System.arraycopy(b, to, out, from, len - to);
                    b = out;
                }
            }
            case 5 -> { // insert random bytes
                int at = len == 0 ? 0 : rnd.nextInt(len + 1);
                byte[] ins = new byte[1 + rnd.nextInt(16)];
                rnd.nextBytes(ins);
                b = splice(b, at, ins);
            }
            case 6 -> { // duplicate a run
                if (len > 0) {
                    int from = rnd.nextInt(len);
                    int n = 1 + rnd.nextInt(Math.min(64, len - from));
                    b = splice(b, rnd.nextInt(len + 1), Arrays.copyOfRange(b, from, from + n));
                }
            }
            case 7 -> { // splice with another seed
                byte[] other = seeds.get(rnd.nextInt(seeds.size()));
                int cut = len == 0 ? 0 : rnd.nextInt(len);
                int from = other.length == 0 ? 0 : rnd.nextInt(other.length);
                byte[] out = Arrays.copyOf(b, cut + other.length - from);
                System.arraycopy(other, from, out, cut, other.length - from);
                b = out;
            }
            case 8 -> { // arithmetic on a byte
                if (len > 0) {
                    int i = rnd.nextInt(len);
                    b[i] = (byte) (b[i] + rnd.nextInt(35) - 17);
                }
            }
            default -> { // a big value: overlong length fields, huge numbers
                if (len > 1) {
                    int i = rnd.nextInt(len - 1);
                    b[i] = (byte) 0xFF;
                    b[i + 1] = (byte) (rnd.nextBoolean() ? 0xFF : 0x7F);
                }
            }
        }
        return b;
    }

    private static byte[] splice(byte[] b, int at, byte[] ins) {
        byte[] out = new byte[b.length + ins.length];
        System.arraycopy(b, 0, out, 0, at);
        System.arraycopy(ins, 0, out, at, ins.length);
        System.arraycopy(b, at, out, at + ins.length, b.length - at);
        return out;
    }
}
