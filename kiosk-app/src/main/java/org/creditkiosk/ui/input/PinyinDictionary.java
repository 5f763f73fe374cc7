package org.creditkiosk.ui.input;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pinyin to Chinese words for the touch keyboard, built from HanLP's core dictionary (about 85 000 words with the
 * frequency counted in its corpus, then about 60 000 place, organisation and trade words of its custom dictionary; {@code com.hankcs:hanlp:portable}, Apache-2.0) and HanLP's word-level pinyin
 * (which knows that 银行 is yin hang and 重庆 chong qing). Each word is reachable by its full pinyin without tones
 * ({@code yulin}) and by its initials ({@code yl}); candidates are ranked by frequency, with the hall's own words
 * (its city and counties, given in the configuration) first.
 *
 * <p>{@link #candidates(String, int)} answers for the letters typed so far: words spelt by all of them, words spelt
 * by their initials, a phrase composed of words that together spell them ({@code yulinshangmao} → 榆林商贸), words
 * that continue them ({@code yul} → 榆林), then words and characters spelt by a leading part of them (choosing one
 * of those consumes only that part, like any pinyin input method). The tables are built once, off the FX thread
 * ({@link #shared()}); a look-up then takes well under a millisecond (docs/benchmarks.md).
 */
public final class PinyinDictionary {

    private static final Logger LOG = LoggerFactory.getLogger(PinyinDictionary.class);

    /** A word offered for the typed letters; choosing it consumes the first {@code consumed} letters. */
    public record Candidate(String text, int consumed) {
        public Candidate {
            Objects.requireNonNull(text);
        }
    }

    private record Entry(String word, String full, String initials, long rank) {
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

    /**
     * Words only in HanLP's custom dictionary (place, organisation and trade words such as 塞上) rank below the
     * core dictionary's common words: its counts are not from the same corpus.
     */
    static final long CUSTOM_RANK_CAP = 5;

    /** Longest word offered (longer entries of the dictionary are idioms and set phrases nobody types here). */
    static final int MAX_WORD = 6;

    private static volatile CompletableFuture<PinyinDictionary> shared;

    private final Map<String, List<Entry>> byFull;
    private final Map<String, List<Entry>> byInitials;
    /** Every entry sorted by full pinyin, for the words that continue the typed letters. */
    private final Entry[] sortedByFull;
    private final int longestKey;

    private PinyinDictionary(Collection<Entry> entries) {
        byFull = group(entries, Entry::full);
        byInitials = group(entries, Entry::initials);
        sortedByFull = entries.toArray(Entry[]::new);
        Arrays.sort(sortedByFull, Comparator.comparing(Entry::full).thenComparing(BY_RANK));
        longestKey = byFull.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    private static Map<String, List<Entry>> group(Collection<Entry> entries, Function<Entry, String> key) {
        Map<String, List<Entry>> m = new HashMap<>();
        for (Entry e : entries) {
            m.computeIfAbsent(key.apply(e), k -> new ArrayList<>(2)).add(e);
        }
        m.values().forEach(l -> {
            l.sort(BY_RANK);
            ((ArrayList<Entry>) l).trimToSize();
        });
        return m;
    }

    /**
     * The kiosk's one dictionary, built on a daemon thread at the first call (about a second; the kiosk calls this
     * at start so that it is ready before the first visitor types).
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
                        try {
                            f.complete(build(HALL_WORDS));
                        } catch (RuntimeException | Error e) {
                            LOG.error("pinyin dictionary could not be built: the keyboard offers no Chinese words", e);
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

    /**
     * Builds the tables from HanLP's dictionaries.
     *
     * @param hallWords words of the hall (its city, counties, districts) ranked above every dictionary word
     */
    public static PinyinDictionary build(List<String> hallWords) {
        long t0 = System.nanoTime();
        HanLP.Config.enableDebug(false);
        Map<String, Entry> entries = new LinkedHashMap<>();
        DoubleArrayTrie<CoreDictionary.Attribute> trie = CoreDictionary.trie;
        forEachKey(trie, (word, id) -> {
            if (word.length() > MAX_WORD || !allHan(word)) {
                return;
            }
            CoreDictionary.Attribute a = CoreDictionary.get(id);
            long freq = a == null ? 0 : a.totalFrequency;
            add(entries, word, freq);
        });
        int core = entries.size();
        com.hankcs.hanlp.dictionary.DynamicCustomDictionary custom = com.hankcs.hanlp.dictionary.CustomDictionary.DEFAULT;
        forEachKey(custom.dat, (word, id) -> {
            if (word.length() > MAX_WORD || entries.containsKey(word) || !allHan(word)) {
                return;
            }
            CoreDictionary.Attribute a = custom.get(word);
            add(entries, word, Math.min(CUSTOM_RANK_CAP, a == null ? 0 : a.totalFrequency));
        });
        LOG.debug("pinyin dictionary: {} core words, {} custom words", core, entries.size() - core);
        long top = entries.values().stream().mapToLong(Entry::rank).max().orElse(0);
        int i = 0;
        for (String w : hallWords) {
            String word = w.strip();
            if (!word.isEmpty() && allHan(word)) {
                entries.remove(word);
                add(entries, word, top + 1000 - i++);
            }
        }
        PinyinDictionary d = new PinyinDictionary(entries.values());
        LOG.info("pinyin dictionary: {} words, {} spellings, built in {} ms", entries.size(), d.byFull.size(),
                (System.nanoTime() - t0) / 1_000_000);
        return d;
    }

    private static void add(Map<String, Entry> entries, String word, long freq) {
        List<Pinyin> py = HanLP.convertToPinyinList(word);
        if (py.size() != word.length()) {
            return;
        }
        StringBuilder full = new StringBuilder();
        StringBuilder initials = new StringBuilder();
        for (Pinyin p : py) {
            String s = p.getPinyinWithoutTone();
            if (s == null || s.isEmpty() || p == Pinyin.none5) {
                return;
            }
            // HanLP spells ü as v (lv, nv); a kiosk keyboard has no ü key either.
            s = s.toLowerCase(Locale.ROOT).replace('ü', 'v');
            full.append(s);
            initials.append(s.charAt(0));
        }
        entries.merge(word, new Entry(word, full.toString(), initials.toString(), freq),
                (was, is) -> was.rank() >= is.rank() ? was : is);
    }

    private static boolean allHan(String word) {
        return !word.isEmpty() && word.codePoints().allMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN);
    }

    private interface KeyVisitor {
        void visit(String key, int valueIndex);
    }

    /**
     * Walks every key of a HanLP double-array trie (the trie keeps no key list; its public base and check arrays
     * are the darts layout: the child of the node at base b for char c sits at b + c + 1 with check = b, the end of
     * a key at b with a negative base holding the value index).
     */
    static void forEachKey(DoubleArrayTrie<?> trie, KeyVisitor visitor) {
        int[] base = trie.getBase();
        int[] check = trie.getCheck();
        int n = Math.min(base.length, check.length);
        // Children of each base value, as positions sorted by check then position (counting sort by check).
        int maxBase = 0;
        for (int p = 0; p < n; p++) {
            if (check[p] > maxBase) {
                maxBase = check[p];
            }
        }
        int[] start = new int[maxBase + 2];
        for (int p = 1; p < n; p++) {
            if (check[p] > 0) {
                start[check[p] + 1]++;
            }
        }
        for (int b = 0; b <= maxBase; b++) {
            start[b + 1] += start[b];
        }
        int[] children = new int[start[maxBase + 1]];
        int[] fill = Arrays.copyOf(start, start.length);
        for (int p = 1; p < n; p++) {
            if (check[p] > 0) {
                children[fill[check[p]]++] = p;
            }
        }
        // Iterative depth-first walk from the root.
        char[] key = new char[64];
        int[] stackBase = new int[64];
        int[] stackIndex = new int[64];
        int depth = 0;
        stackBase[0] = base[0];
        stackIndex[0] = start[Math.min(base[0], maxBase + 1)];
        while (depth >= 0) {
            int b = stackBase[depth];
            int end = b <= maxBase ? start[b + 1] : 0;
            if (b > maxBase || stackIndex[depth] >= end) {
                depth--;
                continue;
            }
            int p = children[stackIndex[depth]++];
            int c = p - b - 1;
            if (p == b) {
                if (base[p] < 0) {
                    visitor.visit(new String(key, 0, depth), -base[p] - 1);
                }
                continue;
            }
            if (c < 0 || c > Character.MAX_VALUE || depth + 1 >= key.length) {
                continue;
            }
            key[depth] = (char) c;
            depth++;
            stackBase[depth] = base[p];
            stackIndex[depth] = base[p] > 0 && base[p] <= maxBase ? start[base[p]] : 0;
        }
    }

    public int size() {
        return byFull.values().stream().mapToInt(List::size).sum();
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
        // 1. words spelt by all the letters
        for (Entry e : byFull.getOrDefault(letters, List.of())) {
            offer(out, e.word(), all, max);
        }
        // 2. words spelt by their initials (two letters or more: one letter is every character)
        if (all >= 2) {
            for (Entry e : byInitials.getOrDefault(letters, List.of())) {
                offer(out, e.word(), all, max);
            }
        }
        // 3. a phrase of words that together spell the letters
        compose(letters).ifPresent(p -> offer(out, p, all, max));
        // 4. words that continue the letters (the last syllable not finished yet)
        if (out.size() < max) {
            // The best few of what may be thousands (every word starting with s): a bounded heap, worst on top.
            java.util.PriorityQueue<Entry> best = new java.util.PriorityQueue<>(max + 1, BY_RANK.reversed());
            int from = lowerBound(letters);
            for (int j = from; j < sortedByFull.length && sortedByFull[j].full().startsWith(letters); j++) {
                if (sortedByFull[j].full().length() > all) {
                    best.add(sortedByFull[j]);
                    if (best.size() > max) {
                        best.poll();
                    }
                }
            }
            List<Entry> more = new ArrayList<>(best);
            more.sort(BY_RANK);
            for (Entry e : more) {
                if (out.size() >= max) {
                    break;
                }
                offer(out, e.word(), all, max);
            }
        }
        // 5. words and characters spelt by a leading part of the letters, longest part first
        for (int len = Math.min(all - 1, longestKey); len >= 1 && out.size() < max; len--) {
            for (Entry e : byFull.getOrDefault(letters.substring(0, len), List.of())) {
                offer(out, e.word(), len, max);
            }
        }
        return List.copyOf(out.values());
    }

    private static void offer(Map<String, Candidate> out, String word, int consumed, int max) {
        if (out.size() < max) {
            out.putIfAbsent(word, new Candidate(word, consumed));
        }
    }

    private int lowerBound(String key) {
        int lo = 0;
        int hi = sortedByFull.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sortedByFull[mid].full().compareTo(key) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /**
     * The letters split into as few dictionary spellings as possible (ties: the more frequent first words), each
     * replaced by its most frequent word; empty when they cannot be split or are a single word already.
     */
    java.util.Optional<String> compose(String letters) {
        int n = letters.length();
        int[] parts = new int[n + 1];
        long[] score = new long[n + 1];
        int[] from = new int[n + 1];
        Arrays.fill(parts, Integer.MAX_VALUE);
        parts[0] = 0;
        for (int i = 0; i < n; i++) {
            if (parts[i] == Integer.MAX_VALUE) {
                continue;
            }
            for (int j = i + 1; j <= Math.min(n, i + longestKey); j++) {
                List<Entry> l = byFull.get(letters.substring(i, j));
                if (l == null) {
                    continue;
                }
                int p = parts[i] + 1;
                long s = score[i] + l.get(0).rank();
                if (p < parts[j] || (p == parts[j] && s > score[j])) {
                    parts[j] = p;
                    score[j] = s;
                    from[j] = i;
                }
            }
        }
        if (parts[n] == Integer.MAX_VALUE || parts[n] < 2) {
            return java.util.Optional.empty();
        }
        StringBuilder b = new StringBuilder();
        List<String> words = new ArrayList<>();
        for (int j = n; j > 0; j = from[j]) {
            words.add(byFull.get(letters.substring(from[j], j)).get(0).word());
        }
        for (int k = words.size() - 1; k >= 0; k--) {
            b.append(words.get(k));
        }
        return java.util.Optional.of(b.toString());
    }
}
