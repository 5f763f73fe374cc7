package org.creditkiosk.ui.input;

import java.io.BufferedOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pinyin to Chinese words for the touch keyboard: about 113 000 words of HanLP's dictionaries with their word-level
 * pinyin and frequency ({@link PinyinIndexBuilder} writes the index at build time; the kiosk never loads HanLP).
 * Each word is reachable by its full pinyin without tones ({@code yulin}) and by its initials ({@code yl});
 * candidates are ranked by frequency, with the hall's own words first.
 *
 * <p>{@link #candidates(String, int)} answers for the letters typed so far: words spelt by all of them, words spelt
 * by their initials, a phrase composed of words that together spell them ({@code yulinshangmao} → 榆林商贸), words
 * that continue them ({@code yul} → 榆林), then words and characters spelt by a leading part of them (choosing one
 * of those consumes only that part, like any pinyin input method). A look-up takes well under a millisecond
 * (docs/benchmarks.md).
 *
 * <p>The tables are flat arrays (about 4 MB for the whole dictionary, against some 60 MB of objects before): the
 * words' characters in one array, their spellings' letters in another, both in the order of the spellings (ties by
 * rank), and a second order by initials. Exact and prefix look-ups are binary searches over those orders.
 */
public final class PinyinDictionary {

    private static final Logger LOG = LoggerFactory.getLogger(PinyinDictionary.class);
    /** Written by {@link PinyinIndexBuilder} at build time, read from the class path. */
    static final String RESOURCE = "pinyin.idx";
    private static final int MAGIC = 0x50594958; // "PYIX"
    private static final int VERSION = 3;

    /** A word offered for the typed letters; choosing it consumes the first {@code consumed} letters. */
    public record Candidate(String text, int consumed) {
        public Candidate {
            Objects.requireNonNull(text);
        }
    }

    /** A word, its spelling (full pinyin, initials) and its rank, as the builder makes it. */
    record Entry(String word, String full, String initials, long rank) {
    }

    private static final Comparator<Entry> BY_RANK = Comparator.comparingLong(Entry::rank).reversed()
            .thenComparing(Entry::word);

    /**
     * The hall's place names, first among their spellings ({@code yl} offers 榆林 before 以来): the city of Yulin,
     * its two districts and ten counties and county-level cities, as they appear in company names and departments.
     */
    public static final List<String> HALL_WORDS = List.of("榆林", "榆林市", "榆阳", "榆阳区", "横山", "横山区", "神木",
            "神木市", "府谷", "府谷县", "靖边", "靖边县", "定边", "定边县", "绥德", "绥德县", "米脂", "米脂县", "佳县",
            "吴堡", "吴堡县", "清涧", "清涧县", "子洲", "子洲县");

    private static volatile CompletableFuture<PinyinDictionary> shared;

    /** Entry i: its word is words[wordStart[i] .. wordStart[i+1]), its initials the same range of initials. */
    private final char[] words;
    private final byte[] initials;
    private final int[] wordStart;
    /** Entry i's full pinyin is fulls[fullStart[i] .. fullStart[i+1]); entries are sorted by it, then by rank. */
    private final byte[] fulls;
    private final int[] fullStart;
    private final long[] rank;
    /** The entries ordered by initials, then by rank (stored in the index: no sort at start). */
    private final int[] byInitials;
    private final int longestKey;

    private PinyinDictionary(char[] words, byte[] initials, int[] wordStart, byte[] fulls, int[] fullStart, long[] rank,
            int[] byInitials) {
        this.words = words;
        this.initials = initials;
        this.wordStart = wordStart;
        this.fulls = fulls;
        this.fullStart = fullStart;
        this.rank = rank;
        this.byInitials = byInitials;
        int longest = 0;
        for (int i = 0; i < rank.length; i++) {
            longest = Math.max(longest, fullStart[i + 1] - fullStart[i]);
        }
        longestKey = longest;
    }

    /** The entries ordered by initials, then by rank, then by word (build time: the index stores the order). */
    private static int[] orderByInitials(char[] words, byte[] initials, int[] wordStart, long[] rank) {
        int n = rank.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> {
            int c = compare(initials, wordStart, a, initials, wordStart, b);
            if (c == 0) {
                c = Long.compare(rank[b], rank[a]);
            }
            return c != 0 ? c : Arrays.compare(words, wordStart[a], wordStart[a + 1], words, wordStart[b], wordStart[b + 1]);
        });
        int[] byInitials = new int[n];
        for (int i = 0; i < n; i++) {
            byInitials[i] = order[i];
        }
        return byInitials;
    }

    /** The tables of these entries (build time). */
    static PinyinDictionary of(Collection<Entry> entries) {
        Entry[] sorted = entries.toArray(Entry[]::new);
        Arrays.sort(sorted, Comparator.comparing(Entry::full).thenComparing(BY_RANK));
        int n = sorted.length;
        StringBuilder w = new StringBuilder();
        StringBuilder ini = new StringBuilder();
        StringBuilder f = new StringBuilder();
        int[] ws = new int[n + 1];
        int[] fs = new int[n + 1];
        long[] r = new long[n];
        for (int i = 0; i < n; i++) {
            Entry e = sorted[i];
            if (e.initials().length() != e.word().length()) {
                throw new IllegalArgumentException("one initial a character: " + e);
            }
            w.append(e.word());
            ini.append(e.initials());
            f.append(e.full());
            ws[i + 1] = w.length();
            fs[i + 1] = f.length();
            r[i] = e.rank();
        }
        char[] wc = w.toString().toCharArray();
        byte[] ic = ini.toString().getBytes(StandardCharsets.US_ASCII);
        return new PinyinDictionary(wc, ic, ws, f.toString().getBytes(StandardCharsets.US_ASCII), fs, r,
                orderByInitials(wc, ic, ws, r));
    }

    /**
     * Writes the tables (build time; {@link #read} reads them): a header, then each array whole (big-endian), so
     * that reading is a few bulk copies.
     */
    void write(OutputStream out) throws IOException {
        DataOutputStream d = new DataOutputStream(new BufferedOutputStream(out, 1 << 16));
        d.writeInt(MAGIC);
        d.writeInt(VERSION);
        int n = rank.length;
        d.writeInt(n);
        d.writeInt(words.length);
        d.writeInt(fulls.length);
        for (char c : words) {
            d.writeChar(c);
        }
        d.write(initials);
        d.write(fulls);
        for (int i = 1; i <= n; i++) {
            d.writeByte(wordStart[i] - wordStart[i - 1]);
        }
        for (int i = 1; i <= n; i++) {
            d.writeByte(fullStart[i] - fullStart[i - 1]);
        }
        for (long r : rank) {
            d.writeLong(r);
        }
        for (int i : byInitials) {
            d.writeInt(i);
        }
        d.flush();
    }

    /** Reads tables written by {@link #write}; a stream that is not such tables is an {@link IOException}. */
    static PinyinDictionary read(InputStream in) throws IOException {
        java.nio.ByteBuffer b = java.nio.ByteBuffer.wrap(in.readAllBytes());
        try {
            if (b.getInt() != MAGIC || b.getInt() != VERSION) {
                throw new IOException("not a pinyin index of version " + VERSION);
            }
            int n = b.getInt();
            int wordChars = b.getInt();
            int fullBytes = b.getInt();
            long expected = 20L + 2L * wordChars + wordChars + fullBytes + 2L * n + 8L * n + 4L * n;
            if (n < 0 || wordChars < 0 || fullBytes < 0 || expected != b.capacity()) {
                throw new IOException("pinyin index sizes do not match its length");
            }
            char[] words = new char[wordChars];
            b.asCharBuffer().get(words);
            b.position(b.position() + 2 * wordChars);
            byte[] initials = new byte[wordChars];
            b.get(initials);
            byte[] fulls = new byte[fullBytes];
            b.get(fulls);
            int[] ws = new int[n + 1];
            for (int i = 0; i < n; i++) {
                ws[i + 1] = ws[i] + (b.get() & 0xff);
            }
            int[] fs = new int[n + 1];
            for (int i = 0; i < n; i++) {
                fs[i + 1] = fs[i] + (b.get() & 0xff);
            }
            long[] rank = new long[n];
            b.asLongBuffer().get(rank);
            b.position(b.position() + 8 * n);
            int[] byInitials = new int[n];
            b.asIntBuffer().get(byInitials);
            if (ws[n] != wordChars || fs[n] != fullBytes) {
                throw new IOException("pinyin index lengths do not add up");
            }
            for (int i : byInitials) {
                if (i < 0 || i >= n) {
                    throw new IOException("pinyin index order out of range");
                }
            }
            return new PinyinDictionary(words, initials, ws, fulls, fs, rank, byInitials);
        } catch (java.nio.BufferUnderflowException e) {
            throw new IOException("pinyin index truncated", e);
        }
    }

    /**
     * The kiosk's one dictionary, read from the class path on a daemon thread at the first call (well under a
     * second; the kiosk calls this at start so that it is ready before the first visitor types).
     */
    public static CompletableFuture<PinyinDictionary> shared() {
        CompletableFuture<PinyinDictionary> s = shared;
        if (s == null) {
            synchronized (PinyinDictionary.class) {
                s = shared;
                if (s == null) {
                    s = new CompletableFuture<>();
                    CompletableFuture<PinyinDictionary> f = s;
                    Thread t = new Thread(() -> {
                        long t0 = System.nanoTime();
                        try (InputStream in = PinyinDictionary.class.getResourceAsStream(RESOURCE)) {
                            if (in == null) {
                                throw new IOException(RESOURCE + " is missing from the class path (made at build time "
                                        + "by PinyinIndexBuilder)");
                            }
                            PinyinDictionary d = read(in);
                            LOG.info("pinyin dictionary: {} words read in {} ms", d.size(), (System.nanoTime() - t0) / 1_000_000);
                            f.complete(d);
                        } catch (IOException | RuntimeException | Error e) {
                            LOG.error("pinyin dictionary could not be read: the keyboard offers no Chinese words ({})",
                                    e.toString());
                            f.completeExceptionally(e);
                        }
                    }, "pinyin-dictionary");
                    t.setDaemon(true);
                    t.start();
                    shared = s;
                }
            }
        }
        return s;
    }

    public int size() {
        return rank.length;
    }

    private String word(int i) {
        return new String(words, wordStart[i], wordStart[i + 1] - wordStart[i]);
    }

    private int fullLength(int i) {
        return fullStart[i + 1] - fullStart[i];
    }

    /** Compares entry a's range of {@code x} with entry b's range of {@code y}, as strings. */
    private static int compare(byte[] x, int[] xs, int a, byte[] y, int[] ys, int b) {
        return Arrays.compare(x, xs[a], xs[a + 1], y, ys[b], ys[b + 1]);
    }

    /** Compares entry i's letters in {@code table} with {@code key}; with {@code prefix}, a key it starts with is equal. */
    private static int compareKey(byte[] table, int[] start, int i, byte[] key, boolean prefix) {
        int from = start[i];
        int len = start[i + 1] - from;
        int n = prefix ? Math.min(len, key.length) : len;
        int c = Arrays.compare(table, from, from + n, key, 0, prefix ? n : key.length);
        if (c == 0 && prefix && len < key.length) {
            return -1; // shorter than the key: sorts before it
        }
        return c;
    }

    /** Entries whose spelling in {@code table} (ordered by {@code order}, or natural) equals (or starts with) key. */
    private static int[] range(byte[] table, int[] start, int[] order, int n, byte[] key, boolean prefix) {
        int lo = 0;
        int hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareKey(table, start, order == null ? mid : order[mid], key, prefix) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        int from = lo;
        hi = n;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (compareKey(table, start, order == null ? mid : order[mid], key, prefix) <= 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return new int[] {from, lo};
    }

    private int[] spelt(String letters) {
        return range(fulls, fullStart, null, rank.length, letters.getBytes(StandardCharsets.US_ASCII), false);
    }

    /**
     * Candidates for the typed letters (a to z; other characters are ignored), best first, at most {@code max}.
     * No candidate appears twice.
     */
    public List<Candidate> candidates(String typed, int max) {
        String letters = typed == null ? "" : typed.toLowerCase(Locale.ROOT).replaceAll("[^a-z]", "");
        if (letters.isEmpty() || max <= 0) {
            return List.of();
        }
        Map<String, Candidate> out = new LinkedHashMap<>();
        int all = letters.length();
        byte[] key = letters.getBytes(StandardCharsets.US_ASCII);
        // 1. words spelt by all the letters
        int[] r = spelt(letters);
        for (int i = r[0]; i < r[1]; i++) {
            offer(out, word(i), all, max);
        }
        // 2. words spelt by their initials (two letters or more: one letter is every character)
        if (all >= 2) {
            r = range(initials, wordStart, byInitials, rank.length, key, false);
            for (int j = r[0]; j < r[1]; j++) {
                offer(out, word(byInitials[j]), all, max);
            }
        }
        // 3. a phrase of words that together spell the letters
        compose(letters).ifPresent(p -> offer(out, p, all, max));
        // 4. words that continue the letters (the last syllable not finished yet)
        if (out.size() < max) {
            // The best few of what may be thousands (every word starting with s): a bounded heap, worst on top.
            Comparator<Integer> byRank = Comparator.<Integer>comparingLong(i -> rank[i]).reversed()
                    .thenComparing(this::word);
            java.util.PriorityQueue<Integer> best = new java.util.PriorityQueue<>(max + 1, byRank.reversed());
            r = range(fulls, fullStart, null, rank.length, key, true);
            for (int i = r[0]; i < r[1]; i++) {
                if (fullLength(i) > all) {
                    best.add(i);
                    if (best.size() > max) {
                        best.poll();
                    }
                }
            }
            List<Integer> more = new ArrayList<>(best);
            more.sort(byRank);
            for (int i : more) {
                if (out.size() >= max) {
                    break;
                }
                offer(out, word(i), all, max);
            }
        }
        // 5. words and characters spelt by a leading part of the letters, longest part first
        for (int len = Math.min(all - 1, longestKey); len >= 1 && out.size() < max; len--) {
            r = spelt(letters.substring(0, len));
            for (int i = r[0]; i < r[1]; i++) {
                offer(out, word(i), len, max);
            }
        }
        return List.copyOf(out.values());
    }

    private static void offer(Map<String, Candidate> out, String word, int consumed, int max) {
        if (out.size() < max) {
            out.putIfAbsent(word, new Candidate(word, consumed));
        }
    }

    /**
     * The letters split into as few dictionary spellings as possible (ties: the more frequent first words), each
     * replaced by its most frequent word; empty when they cannot be split or are a single word already.
     */
    Optional<String> compose(String letters) {
        int n = letters.length();
        int[] parts = new int[n + 1];
        long[] score = new long[n + 1];
        int[] from = new int[n + 1];
        int[] best = new int[n + 1]; // the most frequent entry spelt by letters[from[j], j)
        Arrays.fill(parts, Integer.MAX_VALUE);
        parts[0] = 0;
        for (int i = 0; i < n; i++) {
            if (parts[i] == Integer.MAX_VALUE) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(n, i + longestKey); j++) {
                int[] r = spelt(letters.substring(i, j));
                if (r[0] == r[1]) {
                    continue;
                }
                int p = parts[i] + 1;
                long s = score[i] + rank[r[0]];
                if (p < parts[j] || (p == parts[j] && s > score[j])) {
                    parts[j] = p;
                    score[j] = s;
                    from[j] = i;
                    best[j] = r[0];
                }
            }
        }
        if (parts[n] == Integer.MAX_VALUE || parts[n] < 2) {
            return Optional.empty();
        }
        List<String> found = new ArrayList<>();
        for (int j = n; j > 0; j = from[j]) {
            found.add(word(best[j]));
        }
        StringBuilder b = new StringBuilder();
        for (int k = found.size() - 1; k >= 0; k--) {
            b.append(found.get(k));
        }
        return Optional.of(b.toString());
    }
}
