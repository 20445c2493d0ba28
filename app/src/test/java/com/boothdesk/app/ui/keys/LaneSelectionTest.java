package com.boothdesk.app.ui.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The selection moves by itself only to a lane where a car newly waits while no other lane waits. */
class LaneSelectionTest {

    final LaneSelection sel = new LaneSelection(List.of("A1", "B1", "B2"), "B1");

    @Test
    void aCarWaitingAtAnotherLaneSelectsItWhenNothingElseWaits() {
        assertThat(sel.waiting("A1", true)).isTrue();
        assertThat(sel.selected()).isEqualTo("A1");
    }

    @Test
    void aSecondWaitingLaneNeverTakesTheSelectionAway() {
        sel.waiting("B1", true);
        assertThat(sel.waiting("A1", true)).isFalse();
        assertThat(sel.selected()).isEqualTo("B1");
        // still waiting at A1 after B1 is done: the attendant moves by click or key, not the screen
        sel.waiting("B1", false);
        assertThat(sel.selected()).isEqualTo("B1");
    }

    @Test
    void aLaneThatKeepsWaitingDoesNotPullTheSelectionBack() {
        sel.waiting("A1", true);
        sel.select("B2");
        assertThat(sel.waiting("A1", true)).as("same wait, republished").isFalse();
        assertThat(sel.selected()).isEqualTo("B2");
    }

    @Test
    void aWaitAfterAllOthersEndedSelectsAgain() {
        sel.waiting("A1", true);
        sel.waiting("A1", false);
        assertThat(sel.waiting("B2", true)).isTrue();
        assertThat(sel.selected()).isEqualTo("B2");
    }

    @Test
    void nextCyclesInScreenOrder() {
        assertThat(sel.next()).isEqualTo("B2");
        assertThat(sel.next()).isEqualTo("A1");
        assertThat(sel.next()).isEqualTo("B1");
    }
}
