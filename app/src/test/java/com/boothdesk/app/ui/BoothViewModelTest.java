package com.boothdesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.BoothStatus;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.lane.Decision;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.lane.Step;
import com.boothdesk.app.ui.keys.Chord;
import com.boothdesk.app.ui.port.SpaceAdjustments;
import com.boothdesk.app.ui.port.UiPorts;

/** The whole screen's rules: selection, keys on the selected lane only, the status line and the legend. */
class BoothViewModelTest {

    final FakeLane entry = FakeLane.entry();
    final FakeLane exit = FakeLane.exit();
    final Observable<BoothStatus> status = new Observable<>(new BoothStatus("LOGGED_IN", 0, 0, 10,
            Map.of("main", 10), "demo", Map.of()));
    final BoothViewModel vm = new BoothViewModel(new UiPorts(FakeLane.env().msg(), FakeLane.CLOCK,
            List.of(entry, exit), () -> status, limit -> List.of(), noSpaces(), null), FakeLane.env());

    {
        vm.start();
    }

    @Test
    void theExitIsSelectedAtStartAndTheStatusLineNamesIt() {
        assertThat(vm.selectedProperty().get().laneId()).isEqualTo("B1");
        assertThat(vm.statusLineProperty().get()).contains("出口1").contains("B1").contains("F12");
        assertThat(vm.legend()).extracting(BoothViewModel.Legend::key).contains("F1", "F6", "1-5", "F7", "F9");
        assertThat(vm.buttonText(com.boothdesk.app.ui.keys.Action.CASH)).isEqualTo("现金收费  F1");
    }

    @Test
    void f6WhileTheExitWaitsCorrectsTheExitNeverTheEntryThatJustAdmittedACar() {
        entry.publish(entered("京A1234S"));
        exit.publish(exit.paying("京B55555", FakeLane.T0.plusSeconds(30), 700));
        assertThat(vm.selectedProperty().get().laneId()).isEqualTo("B1");
        assertThat(vm.onKey(Chord.of("F6"), false)).isTrue();
        assertThat(vm.correctionProperty().get().laneId()).isEqualTo("B1");
        assertThat(vm.correctionProperty().get().oldPlate()).isEqualTo("京B55555");
    }

    @Test
    void aCarWaitingAtTheEntryIsSelectedWhenNothingElseWaitsAndTheKeysFollowTheSelection() {
        entry.publish(entry.phase(LanePhase.AWAITING_CONFIRMATION, "", FakeLane.T0, "entry.noplate"));
        assertThat(vm.selectedProperty().get().laneId()).isEqualTo("A1");
        assertThat(vm.legend()).extracting(BoothViewModel.Legend::key).doesNotContain("F1");
        // a car now waits at the exit too: the selection stays on the entry the attendant is looking at
        exit.publish(exit.paying("京B55555", FakeLane.T0.plusSeconds(30), 700));
        assertThat(vm.selectedProperty().get().laneId()).isEqualTo("A1");
        vm.onKey(Chord.of("F1"), false);
        assertThat(exit.calls).as("F1 never reaches a lane that is not selected").isEmpty();
        assertThat(vm.lane("A1").orElseThrow().errorProperty().get()).isEqualTo("当前没有待收费车辆");
        vm.onKey(Chord.of("F3"), false);
        assertThat(entry.calls).containsExactly("confirm");
        vm.onKey(Chord.of("F12"), false);
        assertThat(vm.selectedProperty().get().laneId()).isEqualTo("B1");
        vm.onKey(Chord.of("F1"), false);
        assertThat(exit.calls).containsExactly("cash 0");
    }

    @Test
    void aClickSelectsALaneAndOnlyOneLaneIsSelected() {
        vm.select("A1");
        assertThat(vm.lanes()).filteredOn(l -> l.selectedProperty().get()).extracting(l -> l.laneId())
                .containsExactly("A1");
        vm.onKey(Chord.of("F7"), false);
        assertThat(vm.lane("A1").orElseThrow().errorProperty().get()).contains("原因");
        assertThat(vm.lane("B1").orElseThrow().errorProperty().get()).isEmpty();
    }

    @Test
    void f6WithNothingToCorrectSaysWhyAndOpensNoDialog() {
        vm.onKey(Chord.of("F6"), false);
        assertThat(vm.correctionProperty().get()).isNull();
        assertThat(vm.lane("B1").orElseThrow().errorProperty().get()).isEqualTo("没有可修改的车牌");
    }

    private LaneState entered(String plate) {
        return new LaneState(entry.info, LanePhase.ENTERED, FakeLane.read("A1", plate, FakeLane.T0),
                FakeLane.order("O1", plate, FakeLane.T0, null), null,
                Decision.of(Step.LIST_STATUS, "entry.temporary", plate), List.of(), null, FakeLane.T0);
    }

    static SpaceAdjustments noSpaces() {
        return new SpaceAdjustments() {
            @Override
            public List<String> areas() {
                return List.of();
            }

            @Override
            public int free(String area) {
                return 0;
            }

            @Override
            public int adjust(String area, int delta, String reason) {
                return 0;
            }
        };
    }
}
