package com.boothdesk.app.domain.plate;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The plate grammar and the safe form of what is not a plate, against a corpus of hostile reads. */
class PlateGrammarTest {

    @ParameterizedTest
    @ValueSource(strings = {"京A12345", "沪AD12345", "粤B1234学", "粤Z1234港", "粤Z1234澳", "沪A1234警", "鲁B1234挂",
            "京A1234领", "使123456", "京a12345", "京A·12345", "京A 12345", "琼B00000", "藏A9ZZZZ"})
    void platesOfTheGrammarAreAccepted(String plate) {
        assertThat(PlateGrammar.check(plate).kind()).isEqualTo(PlateGrammar.Kind.PLATE);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "  ", "_无_", "无", "无牌车", "无车牌", "无牌"})
    void noPlateFormsAreCarsWithoutAPlate(String raw) {
        PlateGrammar.Checked c = PlateGrammar.check(raw);
        assertThat(c.kind()).isEqualTo(PlateGrammar.Kind.NO_PLATE);
        assertThat(c.plate()).isEmpty();
    }

    @Test
    void theHostileCorpusIsNeverAPlateAndIsShownSafely() {
        List<String> corpus = new ArrayList<>(List.of("%S%S%N", "%n%n%n%n", "${jndi:ldap://x}", "京A12345😀",
                "😀😀😀😀😀😀😀", "京A\u000012345", "\u0000", "京A1234\n5", "京A12345\r\nINFO forged line",
                "\u202E54321A京", "京A\u200B12345", "äº¬A12345", "ï¿½ï¿½", "\uFFFD\uFFFD", "京A\uD800123",
                "京A1234567", "京A12345678", "京A123456789AB", "京A1234567890ABCD", "ABCDEFG", "1234567",
                "京12345A", "京AA", "X京A12345", "京A12345警", "使12345", "'; DROP TABLE x;--", "<script>"));
        corpus.add("京A12345".repeat(300_000)); // 2.1 MB
        for (String raw : corpus) {
            PlateGrammar.Checked c = PlateGrammar.check(raw);
            assertThat(c.kind()).as("'%s'", SafeText.plate(raw)).isEqualTo(PlateGrammar.Kind.INVALID);
            assertThat(c.plate()).isEmpty();
            assertThat(c.shown().length()).isLessThanOrEqualTo(SafeText.PLATE_WIDTH + 24);
            assertThat(c.shown().chars().noneMatch(ch -> Character.isISOControl(ch)
                    || Character.getType(ch) == Character.FORMAT || Character.isSurrogate((char) ch))).isTrue();
        }
    }

    @Test
    void theSafeFormEscapesAndCutsWithTheLengthNoted() {
        assertThat(SafeText.of("a\nb", 10)).isEqualTo("a\\u000ab");
        assertThat(SafeText.of("\u202Eab", 10)).isEqualTo("\\u202eab");
        assertThat(SafeText.of("😀", 20)).isEqualTo("\\u{1f600}");
        assertThat(SafeText.of("x".repeat(2_000_000), 8)).isEqualTo("xxxxxxxx…(2000000 chars)");
        assertThat(SafeText.of(null, 8)).isEmpty();
    }

    @Test
    void theSafeFormIsBoundedWhateverTheInput() {
        java.util.Random r = new java.util.Random(7);
        for (int n = 0; n < 2000; n++) {
            StringBuilder sb = new StringBuilder();
            int len = r.nextInt(200);
            for (int i = 0; i < len; i++) {
                sb.append((char) r.nextInt(0x10000)); // lone surrogates, controls, bidi, anything
            }
            int max = 1 + r.nextInt(60);
            String safe = SafeText.of(sb.toString(), max);
            assertThat(safe.length()).isLessThanOrEqualTo(max + 20);
            assertThat(safe.chars().noneMatch(ch -> Character.isISOControl(ch) || Character.isSurrogate((char) ch)
                    || Character.getType(ch) == Character.FORMAT)).as(safe).isTrue();
        }
    }
}
