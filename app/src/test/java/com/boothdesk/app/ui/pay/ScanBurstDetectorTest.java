package com.boothdesk.app.ui.pay;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The booth scanner's burst against the attendant's typing, on key times given by the test. */
class ScanBurstDetectorTest {

    static final long MS = 1_000_000L;
    final ScanBurstDetector d = new ScanBurstDetector(Duration.ofMillis(40));

    /** Feeds {@code digits} then Enter, {@code gapMs} apart, starting at {@code t0}; returns every result. */
    List<ScanBurstDetector.Result> type(String digits, long t0, long gapMs, boolean typing) {
        List<ScanBurstDetector.Result> out = new ArrayList<>();
        long t = t0;
        for (char c : digits.toCharArray()) {
            out.add(d.key("DIGIT" + c, t, typing));
            t += gapMs * MS;
        }
        out.add(d.key("ENTER", t, typing));
        return out;
    }

    @Test
    void eighteenDigitsAndEnterWithinAFewMillisecondsAreAPayCode() {
        List<ScanBurstDetector.Result> r = type("134567890123456789", 0, 4, false);
        assertThat(r.subList(0, 18)).allSatisfy(x -> {
            assertThat(x).isInstanceOf(ScanBurstDetector.Held.class);
            assertThat(x.released()).isEmpty();
        });
        assertThat(r.get(18)).isEqualTo(new ScanBurstDetector.Burst("134567890123456789", List.of()));
        assertThat(d.holding()).isFalse();
    }

    @Test
    void theAttendantsDigitIsReleasedToTheKeymapWhenNothingFollowsQuickly() {
        // a pick (1) while a candidate list is shown: held at most the gap, then dispatched as typed
        assertThat(d.key("DIGIT1", 0, false)).isInstanceOf(ScanBurstDetector.Held.class);
        assertThat(d.holdFor()).isEqualTo(Duration.ofMillis(200));
        assertThat(d.expire(150 * MS)).isEmpty();
        assertThat(d.expire(201 * MS)).containsExactly("DIGIT1");
        assertThat(d.holding()).isFalse();
    }

    @Test
    void slowTypingOfEighteenDigitsIsNoPayCode() {
        List<ScanBurstDetector.Result> r = type("134567890123456789", 0, 300, false);
        // every digit is released by the next one (the gap is too long), Enter passes to the keymap
        assertThat(r.get(1).released()).containsExactly("DIGIT1");
        assertThat(r.get(18)).isInstanceOf(ScanBurstDetector.Pass.class);
        assertThat(r.get(18).released()).containsExactly("DIGIT9");
    }

    @Test
    void aFastTypistIsNoScannerAndGetsEveryKeyInOrder() {
        List<ScanBurstDetector.Result> r = type("134567890123456789", 0, 70, false);
        assertThat(r.get(18)).isInstanceOf(ScanBurstDetector.Pass.class);
        assertThat(r.get(18).released()).hasSize(18).startsWith("DIGIT1", "DIGIT3").endsWith("DIGIT9");
    }

    @Test
    void oneStalledKeyInABurstOnABusyPcStillMakesAPayCode() {
        long t = 0;
        for (char c : "134567890123456789".toCharArray()) {
            d.key("DIGIT" + c, t, false);
            t += (c == '9' ? 120 : 3) * MS; // the machine stalled once for 120 ms
        }
        assertThat(d.key("ENTER", t, false)).isInstanceOf(ScanBurstDetector.Burst.class);
    }

    @Test
    void aShortBurstOrAnotherKeyIsNoPayCode() {
        List<ScanBurstDetector.Result> r = type("12345", 0, 3, false);
        assertThat(r.get(5)).isInstanceOf(ScanBurstDetector.Pass.class);
        assertThat(r.get(5).released()).containsExactly("DIGIT1", "DIGIT2", "DIGIT3", "DIGIT4", "DIGIT5");
        d.key("DIGIT7", 1000 * MS, false);
        ScanBurstDetector.Result f1 = d.key("F1", 1001 * MS, false);
        assertThat(f1).isInstanceOf(ScanBurstDetector.Pass.class);
        assertThat(f1.released()).containsExactly("DIGIT7");
    }

    @Test
    void aPauseBeforeEnterLongerThanTheGapIsNoPayCode() {
        for (int i = 0; i < 18; i++) {
            d.key("NUMPAD" + (i % 10), i * 3 * MS, false);
        }
        ScanBurstDetector.Result enter = d.key("ENTER", (17 * 3 + 250) * MS, false);
        assertThat(enter).isInstanceOf(ScanBurstDetector.Pass.class);
        assertThat(enter.released()).hasSize(18);
    }

    @Test
    void inATextFieldDigitsPassAtOnceAndTheBurstIsStillFound() {
        List<ScanBurstDetector.Result> r = type("287654321098765432", 0, 5, true);
        assertThat(r.subList(0, 18)).allSatisfy(x -> assertThat(x).isInstanceOf(ScanBurstDetector.Pass.class));
        assertThat(r.get(18)).isInstanceOf(ScanBurstDetector.Burst.class);
    }
}
