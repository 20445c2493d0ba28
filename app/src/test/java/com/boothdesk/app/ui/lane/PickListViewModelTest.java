package com.boothdesk.app.ui.lane;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.ui.FakeLane;

/** The pick list belongs to the car on screen and carries each candidate's entry picture and difference. */
class PickListViewModelTest {

    final FakeLane lane = FakeLane.exit();
    final LaneViewModel vm = new LaneViewModel(lane, FakeLane.env());

    @Test
    void eachCandidateHasItsEntryPictureTimeAndDifference() {
        lane.pictures.put("e1", new byte[] {1, 2, 3});
        vm.start(null);
        lane.publish(lane.matching("京A1234S", FakeLane.T0,
                FakeLane.order("O1", "京A12345", FakeLane.T0, "e1"),
                FakeLane.order("O2", "京A1Z34S", FakeLane.T0.plusSeconds(600), null)));
        var rows = vm.picks().rows();
        assertThat(rows).hasSize(2);
        assertThat(rows.get(0).plate()).isEqualTo("京A12345");
        assertThat(rows.get(0).inTime()).isEqualTo("11-25 08:00");
        assertThat(rows.get(0).why()).isEqualTo("第7位 5↔S 易混");
        assertThat(rows.get(0).pictureProperty().get()).containsExactly(1, 2, 3);
        assertThat(rows.get(1).pictureProperty().get()).isNull();
        assertThat(rows.get(1).text(FakeLane.env().msg())).startsWith("2. 京A1Z34S  入场时间 11-25 08:10");
    }

    @Test
    void aSearchFillsTheListAndTheNextCarEmptiesIt() {
        vm.start(null);
        lane.publish(lane.phase(LanePhase.NO_RECORD, "京Z99999", FakeLane.T0, "exit.norecord", "京Z99999"));
        lane.searchResult.add(FakeLane.order("O7", "京Z99998", FakeLane.T0, null));
        vm.picks().searchProperty().set("Z999");
        vm.search();
        assertThat(lane.calls).containsExactly("search Z999");
        assertThat(vm.picks().rows()).extracting(PickListViewModel.Row::plate).containsExactly("京Z99998");
        assertThat(vm.picks().titleProperty().get()).isEqualTo("搜索\"Z999\":1 条");
        vm.pick(1);
        assertThat(lane.calls).containsExactly("search Z999", "pick O7");

        lane.publish(lane.paying("京C11111", FakeLane.T0.plusSeconds(90), 500));
        assertThat(vm.picks().rows()).isEmpty();
        assertThat(vm.picks().searchProperty().get()).isEmpty();
    }
}
