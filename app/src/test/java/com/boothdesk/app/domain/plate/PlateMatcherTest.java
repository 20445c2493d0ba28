package com.boothdesk.app.domain.plate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class PlateMatcherTest {

    private final PlateMatcher matcher = new PlateMatcher(MatchSettings.defaults());

    @Test
    void exactMatchIsAloneAndFirst() {
        List<PlateCandidate> c = matcher.rank("苏A12345", List.of("苏A12346", "苏A12345", "浙A12345"));

        assertThat(c).containsExactly(new PlateCandidate("苏A12345", 100, true, "完全一致"));
    }

    @Test
    void exactIgnoresCaseSpacesAndSeparatorsButReturnsTheStoredPlate() {
        List<PlateCandidate> c = matcher.rank(" 苏a·12345", List.of("苏A 12345"));

        assertThat(c).singleElement().satisfies(p -> {
            assertThat(p.exact()).isTrue();
            assertThat(p.plate()).isEqualTo("苏A 12345");
        });
    }

    @Test
    void confusableCharactersMatchFuzzily() {
        List<PlateCandidate> c = matcher.rank("苏A1234D", List.of("苏A12340", "苏B99999"));

        assertThat(c).singleElement().satisfies(p -> {
            assertThat(p.plate()).isEqualTo("苏A12340");
            assertThat(p.exact()).isFalse();
            assertThat(p.score()).isBetween(90, 99);
            assertThat(p.why()).contains("第7位 D↔0 易混");
        });
    }

    @Test
    void provinceIsIgnoredWhenConfigured() {
        assertThat(matcher.rank("京B12345", List.of("琼B12345"))).singleElement()
                .satisfies(p -> assertThat(p.why()).isEqualTo("省份不同(京→琼)"));
        PlateMatcher strict = new PlateMatcher(MatchSettings.defaults().withMinMatching(7).withIgnoreProvince(false));
        assertThat(strict.rank("京B12345", List.of("琼B12345"))).isEmpty();
    }

    @Test
    void sixOfSevenAllowsOneDifferentCharacter() {
        assertThat(matcher.rank("苏A12345", List.of("苏A12395"))).hasSize(1);
        assertThat(matcher.rank("苏A12345", List.of("苏A12995"))).isEmpty();
        PlateMatcher five = new PlateMatcher(MatchSettings.defaults().withMinMatching(5));
        assertThat(five.rank("苏A12345", List.of("苏A12995"))).hasSize(1);
    }

    @Test
    void candidatesAreRankedBestFirst() {
        List<PlateCandidate> c = matcher.rank("苏A12345",
                List.of("苏A12349", "浙A12345", "苏A1234S", "苏B99999"));

        assertThat(c).extracting(PlateCandidate::plate).containsExactly("浙A12345", "苏A1234S", "苏A12349");
        assertThat(c).extracting(PlateCandidate::score).isSortedAccordingTo((a, b) -> b - a);
    }

    @Test
    void newEnergyPlateWithADroppedCharacterIsACandidate() {
        List<PlateCandidate> c = matcher.rank("苏AD1234", List.of("苏AD12345"));

        assertThat(c).singleElement().satisfies(p -> assertThat(p.why()).isEqualTo("识别缺少第8位 5"));
    }

    @Test
    void provinceIgnoredPlusOneDifferenceIsStillSixOfSeven() {
        assertThat(matcher.rank("京B12345", List.of("琼B12395"))).singleElement()
                .satisfies(p -> assertThat(p.why()).isEqualTo("省份不同(京→琼); 第6位 4≠9"));
    }

    @Test
    void eightCharacterPlatesCompareAndAnExtraReadCharacterIsOneDifference() {
        assertThat(matcher.rank("苏AD12345", List.of("苏AD1Z345"))).singleElement()
                .satisfies(p -> assertThat(p.why()).isEqualTo("第5位 2↔Z 易混"));
        assertThat(matcher.rank("苏A123456", List.of("苏A12345"))).singleElement()
                .satisfies(p -> assertThat(p.why()).isEqualTo("识别多出第8位 6"));
        assertThat(matcher.rank("苏A1234", List.of("苏A123456"))).isEmpty();
    }

    @Test
    void customConfusableGroups() {
        PlateMatcher none = new PlateMatcher(MatchSettings.defaults().withMinMatching(7)
                .withConfusableGroups(List.of()));
        PlateMatcher uv = new PlateMatcher(MatchSettings.defaults().withMinMatching(7)
                .withConfusableGroups(List.of("uv")));

        assertThat(none.rank("苏A1234D", List.of("苏A12340"))).isEmpty();
        assertThat(uv.rank("苏A1234U", List.of("苏A1234V"))).hasSize(1);
    }

    @Test
    void fullWidthCharactersAreNormalised() {
        assertThat(PlateMatcher.normalize("苏Ａ１２３４５")).isEqualTo("苏A12345");
        assertThat(PlateMatcher.normalize("苏A-123.45_")).isEqualTo("苏A12345");
        assertThat(PlateMatcher.normalize("苏A12345")).isEqualTo("苏A12345");
        assertThat(PlateMatcher.normalize(null)).isEmpty();
    }

    @Test
    void atMostMaxCandidates() {
        PlateMatcher three = new PlateMatcher(MatchSettings.defaults().withMaxCandidates(3));
        List<String> lot = Arrays.asList("苏A12341", "苏A12342", "苏A12343", "苏A12344", "苏A12346");

        assertThat(three.rank("苏A12345", lot)).hasSize(3);
    }

    @Test
    void blankReadsAndBlankStoredPlatesGiveNoCandidates() {
        assertThat(matcher.rank("", List.of("苏A12345"))).isEmpty();
        assertThat(matcher.rank(null, List.of("苏A12345"))).isEmpty();
        assertThat(matcher.rank("苏A12345", Arrays.asList(null, "", " "))).isEmpty();
        assertThat(matcher.rank("苏A12345", null)).isEmpty();
    }

    @Test
    void settingsAreChecked() {
        assertThatThrownBy(() -> MatchSettings.defaults().withMinMatching(8))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("1..7");
    }
}
