package com.boothdesk.app.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LaneDirection;

/** The keys decide an action and the one lane it acts on: always the selected lane. */
class KeymapTest {

    static final List<String> LANES = List.of("A1", "B1");
    final Keymap keys = Keymap.load(null);

    @Test
    void theBoothKeysMeanWhatTheyAlwaysMeant() {
        assertThat(action("F1")).isEqualTo(Action.CASH);
        assertThat(action("F2")).isEqualTo(Action.FREE);
        assertThat(action("F3")).isEqualTo(Action.CONFIRM);
        assertThat(action("F4")).isEqualTo(Action.REFUSE);
        assertThat(action("F5")).isEqualTo(Action.NO_RECORD);
        assertThat(action("F6")).isEqualTo(Action.CORRECT);
        assertThat(action("F7")).isEqualTo(Action.BARRIER_OPEN);
        assertThat(action("F8")).isEqualTo(Action.BARRIER_CLOSE);
        assertThat(action("F9")).isEqualTo(Action.KEEP_OPEN);
        assertThat(action("F10")).isEqualTo(Action.RELEASE_KEEP_OPEN);
        assertThat(action("DIGIT3")).isEqualTo(Action.PICK_3);
        assertThat(action("NUMPAD5")).isEqualTo(Action.PICK_5);
        assertThat(keys.resolve(Chord.of("F11"), LANES, "B1", false)).isEmpty();
    }

    @Test
    void everyKeyActsOnTheSelectedLaneAndNoOther() {
        for (String k : List.of("F1", "F2", "F3", "F4", "F5", "F6", "F7", "F8", "F9", "F10", "DIGIT1")) {
            assertThat(keys.resolve(Chord.of(k), LANES, "B1", false).orElseThrow().laneId()).as(k).isEqualTo("B1");
            assertThat(keys.resolve(Chord.of(k), LANES, "A1", false).orElseThrow().laneId()).as(k).isEqualTo("A1");
        }
    }

    @Test
    void noLaneSelectedMeansNoKeyActs() {
        assertThat(keys.resolve(Chord.of("F6"), LANES, null, false)).isEmpty();
        assertThat(keys.resolve(Chord.of("F6"), LANES, "C9", false)).isEmpty();
    }

    @Test
    void theNextLaneKeyNamesTheLaneAfterTheSelectedOneAndWrapsAround() {
        assertThat(keys.resolve(Chord.of("F12"), LANES, "A1", false).orElseThrow())
                .isEqualTo(new KeyCommand(Action.NEXT_LANE, "B1"));
        assertThat(keys.resolve(Chord.of("F12"), LANES, "B1", false).orElseThrow())
                .isEqualTo(new KeyCommand(Action.NEXT_LANE, "A1"));
    }

    @Test
    void aDigitTypedIntoAFieldStaysInTheFieldButCtrlDigitPicks() {
        assertThat(keys.resolve(Chord.of("DIGIT1"), LANES, "B1", true)).isEmpty();
        assertThat(keys.resolve(new Chord("DIGIT1", true, false, false), LANES, "B1", true).orElseThrow().action())
                .isEqualTo(Action.PICK_1);
        assertThat(keys.resolve(Chord.of("F1"), LANES, "B1", true).orElseThrow().action()).isEqualTo(Action.CASH);
    }

    @Test
    void aSiteRemapsAKeyInItsOwnFile(@TempDir Path site) throws Exception {
        Files.writeString(site.resolve("keymap.properties"), "cash=F11\nfree=Ctrl+F\n");
        Keymap own = Keymap.load(site);
        assertThat(own.resolve(Chord.of("F11"), LANES, "B1", false).orElseThrow().action()).isEqualTo(Action.CASH);
        assertThat(own.resolve(Chord.of("F1"), LANES, "B1", false)).as("F1 no longer cash").isEmpty();
        assertThat(own.resolve(new Chord("F", true, false, false), LANES, "B1", false).orElseThrow().action())
                .isEqualTo(Action.FREE);
        assertThat(own.label(Action.CASH)).isEqualTo("F11");
        assertThat(own.label(Action.FREE)).isEqualTo("Ctrl+F");
        assertThat(own.label(Action.CONFIRM)).isEqualTo("F3");
    }

    @Test
    void aKeyBoundTwiceOrAnUnknownActionIsRefusedWithTheLineAtFault() {
        Properties twice = new Properties();
        twice.setProperty("cash", "F1");
        twice.setProperty("free", "F1");
        assertThatThrownBy(() -> Keymap.parse(twice)).hasMessageContaining("F1").hasMessageContaining("cash")
                .hasMessageContaining("free");
        Properties unknown = new Properties();
        unknown.setProperty("fly", "F1");
        assertThatThrownBy(() -> Keymap.parse(unknown)).hasMessageContaining("fly");
        Properties bad = new Properties();
        bad.setProperty("cash", "Hyper+F1");
        assertThatThrownBy(() -> Keymap.parse(bad)).hasMessageContaining("cash=Hyper+F1");
    }

    @Test
    void theLegendOfAnEntryLaneHasNoMoneyKeys() {
        assertThat(keys.legend(LaneDirection.ENTRY)).doesNotContain(Action.CASH, Action.FREE, Action.NO_RECORD)
                .contains(Action.CONFIRM, Action.CORRECT, Action.BARRIER_OPEN, Action.KEEP_OPEN, Action.NEXT_LANE);
        assertThat(keys.legend(LaneDirection.EXIT)).contains(Action.CASH, Action.FREE, Action.PICK_1);
        assertThat(keys.label(Action.PICK_1)).isEqualTo("1");
    }

    @Test
    void theKeysForAnActionOnALaneNameTheLaneSelectionWhenAnotherLaneIsSelected() {
        List<String> three = List.of("A1", "B1", "B2");
        assertThat(keys.keysFor(Action.CONFIRM, three, "A1", "A1")).isEqualTo("F3");
        assertThat(keys.keysFor(Action.CONFIRM, three, "B1", "A1")).isEqualTo("F12×2 → F3");
        assertThat(keys.keysFor(Action.CONFIRM, three, "A1", "B1")).isEqualTo("F12 → F3");
        assertThat(keys.selectKeys(three, "B2", "A1")).isEqualTo("F12");
        assertThat(keys.selectKeys(three, "A1", "A1")).isEmpty();
        Properties p = new Properties();
        p.setProperty("confirm", "F11");
        Keymap own = Keymap.parse(p); // a site that binds no next-lane key: a click selects, the key alone is named
        assertThat(own.keysFor(Action.CONFIRM, three, "B1", "A1")).isEqualTo("F11");
        assertThat(own.keysFor(Action.REFUSE, three, "A1", "A1")).isEmpty();
    }

    private Action action(String key) {
        return keys.resolve(Chord.of(key), LANES, "B1", false).orElseThrow().action();
    }
}
