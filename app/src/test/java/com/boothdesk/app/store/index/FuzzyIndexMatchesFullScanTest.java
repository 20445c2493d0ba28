package com.boothdesk.app.store.index;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import com.boothdesk.app.domain.plate.MatchSettings;
import com.boothdesk.app.domain.plate.PlateCandidate;
import com.boothdesk.app.domain.plate.PlateMatcher;

/**
 * The exit's ranking through the lot index gives exactly what the matcher gives over the whole lot, for random
 * lots (normal, new-energy, short, oddly written plates), random settings and reads that are near or far from a
 * plate inside, while cars come and go.
 */
class FuzzyIndexMatchesFullScanTest {

    private static final String PROVINCES = "京津沪渝冀豫云辽黑湘皖鲁新苏浙赣鄂桂甘晋蒙陕吉闽贵粤青藏川宁琼";
    private static final String ALNUM = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789ODQ8B2Z1I5S6G";

    @Provide
    Arbitrary<MatchSettings> settings() {
        return Combinators.combine(Arbitraries.integers().between(1, 7), Arbitraries.of(true, false),
                Arbitraries.of(MatchSettings.DEFAULT_CONFUSABLES, List.of("0DQ", "8B"), List.<String>of(),
                        List.of("0dq", "8b", "2Z", "苏", "AB")), Arbitraries.integers().between(1, 12))
                .as(MatchSettings::new);
    }

    @Property(tries = 300)
    void indexedRankingEqualsTheFullScan(@ForAll("settings") MatchSettings settings,
                                         @ForAll @IntRange(min = 0, max = 400) int lotSize,
                                         @ForAll long seed) {
        Random rnd = new Random(seed);
        LotIndex index = LotIndex.empty();
        Set<String> inside = new HashSet<>();
        List<String> orders = new ArrayList<>();
        // a small alphabet now and then, so that many plates are near one another
        String alphabet = rnd.nextInt(4) == 0 ? "AB08DQ" : ALNUM;
        for (int i = 0; i < lotSize; i++) {
            String plate = plate(rnd, alphabet);
            String id = "o" + i;
            index.add(new LotIndex.Car(id, plate, "A1", Instant.ofEpochSecond(i)));
            orders.add(id);
        }
        PlateMatcher matcher = new PlateMatcher(settings);
        for (int round = 0; round < 30; round++) {
            // cars leave and arrive between reads, after the fuzzy index exists
            if (!orders.isEmpty() && rnd.nextBoolean()) {
                index.remove(orders.remove(rnd.nextInt(orders.size())));
            }
            if (rnd.nextBoolean()) {
                String id = "n" + round;
                index.add(new LotIndex.Car(id, plate(rnd, alphabet), "A2", Instant.ofEpochSecond(10_000 + round)));
                orders.add(id);
            }
            inside.clear();
            index.cars().forEach(c -> inside.add(c.plate()));
            assertThat(index.plates()).containsExactlyInAnyOrderElementsOf(inside);
            String read = read(rnd, new ArrayList<>(inside), alphabet);
            List<PlateCandidate> full = matcher.rank(read, new HashSet<>(inside));
            List<PlateCandidate> indexed = matcher.rank(read, index.plates());
            assertThat(indexed).as("read %s with %s", read, settings).isEqualTo(full);
        }
    }

    static String plate(Random rnd, String alphabet) {
        int kind = rnd.nextInt(20);
        StringBuilder b = new StringBuilder();
        b.append(PROVINCES.charAt(rnd.nextInt(4)));
        b.append((char) ('A' + rnd.nextInt(3)));
        int len = kind == 0 ? rnd.nextInt(4) : kind < 4 ? 6 : 5; // short, new energy (8), normal (7)
        for (int i = 0; i < len; i++) {
            b.append(alphabet.charAt(rnd.nextInt(alphabet.length())));
        }
        if (kind == 5) {
            b.append('学');
        }
        String p = b.toString();
        return switch (rnd.nextInt(12)) {
            case 0 -> p.toLowerCase(java.util.Locale.ROOT);
            case 1 -> p.substring(0, 2) + "·" + p.substring(2);
            case 2 -> " " + p;
            default -> p;
        };
    }

    /** A read near a plate inside (OCR errors, a missing or extra character) or unrelated. */
    static String read(Random rnd, List<String> inside, String alphabet) {
        if (inside.isEmpty() || rnd.nextInt(6) == 0) {
            return plate(rnd, alphabet);
        }
        StringBuilder b = new StringBuilder(PlateMatcher.normalize(inside.get(rnd.nextInt(inside.size()))));
        int edits = rnd.nextInt(4);
        for (int e = 0; e < edits && b.length() > 1; e++) {
            int at = rnd.nextInt(b.length());
            switch (rnd.nextInt(5)) {
                case 0 -> b.deleteCharAt(at);
                case 1 -> b.insert(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
                case 2 -> b.setCharAt(at, PROVINCES.charAt(rnd.nextInt(PROVINCES.length())));
                default -> b.setCharAt(at, alphabet.charAt(rnd.nextInt(alphabet.length())));
            }
        }
        return b.isEmpty() ? "A" : b.toString();
    }
}
