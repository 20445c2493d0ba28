package com.boothdesk.app.hardware.camera;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.boothdesk.devices.camera.common.WhiteListPlate;

/** Which plates each camera's own list holds: lane limits at entries, everything at exits, the longest validity. */
class BoothWhiteListLanesTest {
    private static BoothWhiteList.Row row(String plate, int toDay, Set<String> lanes) {
        return new BoothWhiteList.Row(new WhiteListPlate(plate, LocalDateTime.of(2026, 11, 1, 0, 0),
                LocalDateTime.of(2026, 12, toDay, 23, 59, 59), "monthly"), lanes);
    }

    @Test
    void entryCamerasGetOnlyTheCardsForTheirLaneAndExitCamerasAll() {
        List<BoothWhiteList.Row> rows = List.of(row("京A1", 31, Set.of()), row("京A2", 31, Set.of("A1", "A2")),
                row("京A3", 31, Set.of("A2")), row("京A4", 31, Set.of("-1")), row("京A5", 10, Set.of("A2")),
                row("京A5", 20, Set.of()));
        assertThat(BoothWhiteList.forLane(rows, "A1", true)).extracting(WhiteListPlate::plate)
                .containsExactly("京A1", "京A2", "京A5");
        assertThat(BoothWhiteList.forLane(rows, "A2", true)).extracting(WhiteListPlate::plate)
                .containsExactly("京A1", "京A2", "京A3", "京A5");
        assertThat(BoothWhiteList.forLane(rows, "B1", false)).extracting(WhiteListPlate::plate)
                .containsExactly("京A1", "京A2", "京A3", "京A4", "京A5");
        // a plate on two cards keeps the longer validity among those that apply to the lane
        assertThat(BoothWhiteList.forLane(rows, "A1", true).get(2).validTo().getDayOfMonth()).isEqualTo(20);
        assertThat(BoothWhiteList.forLane(rows, "A2", true).get(3).validTo().getDayOfMonth()).isEqualTo(20);
    }
}
