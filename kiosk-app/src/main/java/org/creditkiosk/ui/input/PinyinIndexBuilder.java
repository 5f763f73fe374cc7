package org.creditkiosk.ui.input;

import com.hankcs.hanlp.HanLP;
import com.hankcs.hanlp.collection.trie.DoubleArrayTrie;
import com.hankcs.hanlp.dictionary.CoreDictionary;
import com.hankcs.hanlp.dictionary.py.Pinyin;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Build time only (Maven's process-classes phase runs {@link #main}): the keyboard's pinyin index made from HanLP's
 * core dictionary (about 85 000 words with the frequency counted in its corpus), then about 60 000 place,
 * organisation and trade words of its custom dictionary ({@code com.hankcs:hanlp:portable}, Apache-2.0), spelt with
 * HanLP's word-level pinyin (which knows that 银行 is yin hang and 重庆 chong qing); the hall's own words
 * ({@link PinyinDictionary#HALL_WORDS}) ranked above all. The kiosk reads the written index
 * ({@link PinyinDictionary#shared()}) and never loads HanLP: its dictionaries held about 60 MB of the kiosk's heap
 * for as long as it ran, the index about 4 MB (issue 11, RSS).
 */
public final class PinyinIndexBuilder {

    /**
     * Words only in HanLP's custom dictionary (place, organisation and trade words such as 塞上) rank below the
     * core dictionary's common words: its counts are not from the same corpus.
     */
    static final long CUSTOM_RANK_CAP = 5;

    /** Longest word offered (longer entries of the dictionary are idioms and set phrases nobody types here). */
    static final int MAX_WORD = 6;

    private PinyinIndexBuilder() {
    }

    /** {@code PinyinIndexBuilder <file>}: writes the index of HanLP's dictionaries and the hall words to the file. */
    public static void main(String[] args) throws IOException {
        long t0 = System.nanoTime();
        PinyinDictionary d = build(PinyinDictionary.HALL_WORDS);
        Path out = Path.of(args[0]);
        Files.createDirectories(out.toAbsolutePath().getParent());
        try (OutputStream o = Files.newOutputStream(out)) {
            d.write(o);
        }
        System.out.printf("pinyin index: %d words written to %s (%d bytes) in %d ms%n", d.size(), out, Files.size(out),
                (System.nanoTime() - t0) / 1_000_000);
    }

    /**
     * The dictionary of HanLP's words and pinyin.
     *
     * @param hallWords words of the hall (its city, counties, districts) ranked above every dictionary word
     */
    public static PinyinDictionary build(List<String> hallWords) {
        HanLP.Config.enableDebug(false);
        Map<String, PinyinDictionary.Entry> entries = new LinkedHashMap<>();
        DoubleArrayTrie<CoreDictionary.Attribute> trie = CoreDictionary.trie;
        forEachKey(trie, (word, id) -> {
            if (word.length() > MAX_WORD || !allHan(word)) {
                return;
            }
            CoreDictionary.Attribute a = CoreDictionary.get(id);
            long freq = a == null ? 0 : a.totalFrequency;
            add(entries, word, freq);
        });
        com.hankcs.hanlp.dictionary.DynamicCustomDictionary custom = com.hankcs.hanlp.dictionary.CustomDictionary.DEFAULT;
        forEachKey(custom.dat, (word, id) -> {
            if (word.length() > MAX_WORD || entries.containsKey(word) || !allHan(word)) {
                return;
            }
            CoreDictionary.Attribute a = custom.get(word);
            add(entries, word, Math.min(CUSTOM_RANK_CAP, a == null ? 0 : a.totalFrequency));
        });
        long top = entries.values().stream().mapToLong(PinyinDictionary.Entry::rank).max().orElse(0);
        int i = 0;
        for (String w : hallWords) {
            String word = w.strip();
            if (!word.isEmpty() && allHan(word)) {
                entries.remove(word);
                add(entries, word, top + 1000 - i++);
            }
        }
        return PinyinDictionary.of(entries.values());
    }

    private static void add(Map<String, PinyinDictionary.Entry> entries, String word, long freq) {
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
        entries.merge(word, new PinyinDictionary.Entry(word, full.toString(), initials.toString(), freq),
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

}
