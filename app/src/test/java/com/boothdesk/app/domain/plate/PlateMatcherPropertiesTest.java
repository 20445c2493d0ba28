package com.boothdesk.app.domain.plate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

class PlateMatcherPropertiesTest {

    private static final String TAIL = "0123456789ABCDEFGHJKLMNPQRSTUVWXYZ";

    @Provide
    Arbitrary<String> plates() {
        Arbitrary<Character> province = Arbitraries.of('京', '沪', '苏', '浙', '粤', '川', '鄂', '琼');
        Arbitrary<Character> city = Arbitraries.chars().range('A', 'H');
        Arbitrary<String> tail = Arbitraries.of(TAIL.chars().mapToObj(c -> (char) c).toList()).list().ofSize(5)
                .map(l -> l.stream().map(String::valueOf).reduce("", String::concat));
        return Combinators.combine(province, city, tail).as((p, c, t) -> "" + p + c + t);
    }

    @Provide
    Arbitrary<List<String>> lots() {
        return plates().list().ofMinSize(1).ofMaxSize(200).uniqueElements();
    }

    @Property(tries = 300)
    void aPlateInTheLotIsFoundExactlyAndAlone(@ForAll("lots") List<String> lot, @ForAll @IntRange(min = 0, max = 199)
            int pick) {
        String plate = lot.get(pick % lot.size());
        List<PlateCandidate> c = new PlateMatcher(MatchSettings.defaults()).rank(plate, lot);

        assertThat(c).containsExactly(new PlateCandidate(plate, 100, true, "完全一致"));
    }

    @Property(tries = 300)
    void oneOcrConfusionStillFindsThePlate(@ForAll("lots") List<String> lot, @ForAll @IntRange(min = 0, max = 199)
            int pick, @ForAll @IntRange(min = 2, max = 6) int position) {
        String plate = lot.get(pick % lot.size());
        String misread = swapConfusable(plate, position);
        if (misread == null || lot.contains(misread)) {
            return;
        }
        PlateMatcher strictest = new PlateMatcher(MatchSettings.defaults().withMinMatching(7)
                .withIgnoreProvince(false).withMaxCandidates(1000));

        assertThat(strictest.rank(misread, lot)).extracting(PlateCandidate::plate).contains(plate);
    }

    @Property(tries = 300)
    void candidatesAreFromTheLotRankedAndBounded(@ForAll("lots") List<String> lot, @ForAll("plates") String read,
                                                 @ForAll @IntRange(min = 1, max = 7) int minMatching,
                                                 @ForAll @IntRange(min = 1, max = 20) int max) {
        PlateMatcher matcher = new PlateMatcher(MatchSettings.defaults().withMinMatching(minMatching)
                .withMaxCandidates(max));
        List<PlateCandidate> c = matcher.rank(read, lot);

        assertThat(c.size()).isLessThanOrEqualTo(max);
        assertThat(lot).containsAll(c.stream().map(PlateCandidate::plate).toList());
        assertThat(c).extracting(PlateCandidate::score).isSortedAccordingTo((a, b) -> b - a);
        assertThat(c).allSatisfy(p -> assertThat(p.exact()).isEqualTo(p.plate().equals(read)));
        assertThat(c).allSatisfy(p -> assertThat(p.score()).isBetween(1, 100));
    }

    @Property(tries = 300)
    void onePlainDifferenceNeedsSixOfSeven(@ForAll("plates") String plate,
                                           @ForAll @IntRange(min = 1, max = 6) int position) {
        char original = plate.charAt(position);
        char other = original == 'X' ? 'Y' : 'X';
        String misread = plate.substring(0, position) + other + plate.substring(position + 1);
        List<String> lot = new ArrayList<>(List.of(plate));

        assertThat(new PlateMatcher(MatchSettings.defaults().withMinMatching(6)).rank(misread, lot)).hasSize(1);
        assertThat(new PlateMatcher(MatchSettings.defaults().withMinMatching(7)).rank(misread, lot)).isEmpty();
    }

    private static String swapConfusable(String plate, int position) {
        char ch = plate.charAt(position);
        char twin = switch (ch) {
            case '0' -> 'D';
            case 'D' -> 'Q';
            case 'Q' -> '0';
            case '8' -> 'B';
            case 'B' -> '8';
            case '2' -> 'Z';
            case 'Z' -> '2';
            default -> 0;
        };
        return twin == 0 ? null : plate.substring(0, position) + twin + plate.substring(position + 1);
    }
}
