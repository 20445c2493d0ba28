package com.boothdesk.app.ui.tools;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.UplinkRow;
import com.boothdesk.app.ui.FakeLane;
import com.boothdesk.app.ui.port.SpaceAdjustments;

/** 上传记录 and 余位校正 without a window. */
class ToolsViewModelTest {

    @Test
    void theUploadsListShowsWholeTimesAndSumsUpTheBacklog() {
        List<UplinkRow> rows = List.of(
                new UplinkRow(2, "out_park", "A1_1795564800_12", "FAILED", 20, Instant.parse("2026-11-25T01:02:03Z"),
                        "timeout"),
                new UplinkRow(1, "in_park", "A1_1795564800_11", "ACKNOWLEDGED", 1, FakeLane.T0, null));
        UplinksViewModel vm = new UplinksViewModel(FakeLane.env(), limit -> rows);
        vm.reload();
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.time(vm.rows().get(0))).isEqualTo("2026-11-25 09:02:03");
        assertThat(vm.status(vm.rows().get(0))).isEqualTo("失败");
        assertThat(vm.summaryProperty().get()).isEqualTo("共 2 条 · 未确认 0 · 失败 1");
    }

    @Test
    void aStoreThatFailsIsSaidAndTheOldRowsStay() {
        UplinksViewModel vm = new UplinksViewModel(FakeLane.env(), limit -> {
            throw new IllegalStateException("database closed");
        });
        vm.reload();
        assertThat(vm.errorProperty().get()).contains("database closed");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void theSpacesWindowNamesAreasAndNeedsAReasonAndANonZeroChange() {
        Map<String, Integer> free = new HashMap<>(Map.of("main", 100));
        List<String> log = new ArrayList<>();
        SpaceAdjustments spaces = new SpaceAdjustments() {
            @Override
            public List<String> areas() {
                return List.of("main");
            }

            @Override
            public int free(String area) {
                return free.get(area);
            }

            @Override
            public int adjust(String area, int delta, String reason) {
                log.add(area + " " + delta + " " + reason);
                free.merge(area, delta, Integer::sum);
                return free.get(area);
            }
        };
        SpacesViewModel vm = new SpacesViewModel(FakeLane.env(), spaces, a -> "main".equals(a) ? "全场" : a);
        vm.load();
        assertThat(vm.areas()).extracting(SpacesViewModel.Area::name).containsExactly("全场");
        assertThat(vm.areaProperty().get().toString()).isEqualTo("全场");
        vm.deltaProperty().set("-3");
        vm.apply();
        assertThat(vm.feedbackProperty().get()).isEqualTo("请选择或填写原因");
        assertThat(vm.failedProperty().get()).isTrue();
        vm.reasonProperty().set("三个车位封闭");
        vm.deltaProperty().set("0");
        vm.apply();
        assertThat(vm.feedbackProperty().get()).isEqualTo("增减数量不能为 0");
        vm.deltaProperty().set("-3");
        vm.apply();
        assertThat(log).containsExactly("main -3 三个车位封闭");
        assertThat(vm.feedbackProperty().get()).isEqualTo("全场 余位 97");
        assertThat(vm.reasonProperty().get()).isEmpty();
        assertThat(vm.areaProperty().get().free()).isEqualTo(97);
    }
}
