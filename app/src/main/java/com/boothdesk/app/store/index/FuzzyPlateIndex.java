package com.boothdesk.app.store.index;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import com.boothdesk.app.domain.plate.MatchSettings;
import com.boothdesk.app.domain.plate.PlateMatcher;

/**
 * Finds, for one exit read, a small superset of the in-lot plates that {@link PlateMatcher#rank} could accept with
 * one {@link MatchSettings}, without looking at every plate. Not thread-safe: {@link LotIndex} guards it.
 *
 * <p>The matcher accepts a plate when at most {@code a = 7 - minMatching} characters differ "hard" (identical,
 * confusable and, at position 0 when the province is ignored, anything else is soft), at equal length, or at a
 * length one apart with one character skipped (the skip counting as one difference). By the pigeonhole principle,
 * if the positions 1..m of the shorter plate are cut into {@code a + 1} blocks, at least one block holds no hard
 * difference and does not straddle the skip, so it equals, character class by character class, the same positions
 * of the other plate (at equal length) or the same positions or those one further on (lengths one apart). Each
 * plate is filed under the hashes of its blocks; a read looks up its own blocks. Position 0 is never in a block and
 * hash collisions only add plates, so the result is a superset; the matcher then decides exactly as over the whole
 * lot. Plates too short for {@code a + 1} non-empty blocks are found by scanning the (few) plates of that length.
 */
final class FuzzyPlateIndex {

    private static final long EQUAL = 1;
    private static final long LONGER = 2;

    private final int allowed;
    private final int[] group = new int[128];
    /** block hash → normalised plates (raw plates come from the caller's map). */
    private final Map<Long, Set<String>> blocks = new HashMap<>();

    FuzzyPlateIndex(MatchSettings settings) {
        this.allowed = 7 - settings.minMatching();
        int id = 1;
        for (String g : settings.confusableGroups()) {
            for (char ch : PlateMatcher.normalize(g).toCharArray()) {
                if (ch < 128) {
                    group[ch] = id;
                }
            }
            id++;
        }
    }

    void add(String norm) {
        forEachKey(norm, key -> blocks.computeIfAbsent(key, k -> new LinkedHashSet<>(2)).add(norm));
    }

    void remove(String norm) {
        forEachKey(norm, key -> {
            Set<String> s = blocks.get(key);
            if (s != null && s.remove(norm) && s.isEmpty()) {
                blocks.remove(key);
            }
        });
    }

    /**
     * Normalised plates that may match {@code read}; {@code byLength} gives every normalised plate of a length (for
     * the plates too short to be cut into blocks).
     */
    Set<String> near(String read, java.util.function.IntFunction<Collection<String>> byLength) {
        Set<String> out = new LinkedHashSet<>();
        int n = read.length();
        int k = allowed + 1;
        // equal length: the read's blocks against the E-keys of length n
        if (n - 1 >= k) {
            for (int b = 0; b < k; b++) {
                addAll(out, blocks.get(key(EQUAL, n, b, 0, read, 0, n - 1, b)));
            }
        } else {
            out.addAll(byLength.apply(n));
        }
        if (allowed < 1) {
            return out;
        }
        // stored plate one shorter (the read has an extra character): its E-keys, the read at offset 0 or 1
        if (n - 1 >= 1) {
            if (n - 2 >= k) {
                for (int b = 0; b < k; b++) {
                    for (int o = 0; o <= 1; o++) {
                        addAll(out, blocks.get(key(EQUAL, n - 1, b, 0, read, o, n - 2, b)));
                    }
                }
            } else {
                out.addAll(byLength.apply(n - 1));
            }
        }
        // stored plate one longer (the read misses a character): blocks cut on the read, filed at both offsets
        if (n - 1 >= k) {
            for (int b = 0; b < k; b++) {
                for (int o = 0; o <= 1; o++) {
                    addAll(out, blocks.get(key(LONGER, n + 1, b, o, read, 0, n - 1, b)));
                }
            }
        } else {
            out.addAll(byLength.apply(n + 1));
        }
        return out;
    }

    private static void addAll(Set<String> out, Set<String> found) {
        if (found != null) {
            out.addAll(found);
        }
    }

    private interface KeySink {
        void accept(long key);
    }

    private void forEachKey(String norm, KeySink sink) {
        int len = norm.length();
        int k = allowed + 1;
        if (len - 1 >= k) {
            for (int b = 0; b < k; b++) {
                sink.accept(key(EQUAL, len, b, 0, norm, 0, len - 1, b));
            }
        }
        if (allowed >= 1 && len - 2 >= k) {
            for (int b = 0; b < k; b++) {
                for (int o = 0; o <= 1; o++) {
                    // blocks cut on the shorter plate's positions 1..len-2, content from this plate at offset o
                    sink.accept(key(LONGER, len, b, o, norm, o, len - 2, b));
                }
            }
        }
    }

    /**
     * The hash of block {@code b} of {@code a + 1} blocks over positions 1..m, its characters taken from {@code s}
     * at {@code position + shift}; {@code offset} is part of the key (which offset of the longer plate it files).
     */
    private long key(long family, int length, int b, int offset, String s, int shift, int m, int block) {
        int k = allowed + 1;
        int from = 1 + (int) ((long) block * m / k);
        int to = 1 + (int) ((long) (block + 1) * m / k); // exclusive
        long h = 0xcbf29ce484222325L;
        h = mix(h, family);
        h = mix(h, length);
        h = mix(h, b);
        h = mix(h, offset);
        for (int p = from; p < to; p++) {
            h = mix(h, canonical(s.charAt(p + shift)));
        }
        return finish(h);
    }

    private int canonical(char ch) {
        return ch < 128 && group[ch] != 0 ? 0x10000 + group[ch] : ch;
    }

    private static long mix(long h, long v) {
        return (h ^ v) * 0x100000001b3L;
    }

    private static long finish(long h) {
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        h *= 0xc4ceb9fe1a85ec53L;
        return h ^ (h >>> 33);
    }

    int keys() {
        return blocks.size();
    }

    static List<String> sorted(Collection<String> c) {
        List<String> l = new ArrayList<>(c);
        l.sort(null);
        return l;
    }
}
