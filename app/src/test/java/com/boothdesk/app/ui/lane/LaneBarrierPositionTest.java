package com.boothdesk.app.ui.lane;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.boothdesk.app.BoothStatus;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.ui.FakeLane;

/**
 * cam3: the lane's device line shows the barrier's position where its camera reports it (Hikvision
 * {@code barrierGateStatus}, the Zhenshi gate-state field), and a fault the camera reports is trouble.
 */
class LaneBarrierPositionTest {

    FakeLane lane = FakeLane.exit();
    Observable<BoothStatus> status = new Observable<>(status("UNKNOWN"));
    LaneViewModel vm;

    @BeforeEach
    void start() {
        vm = new LaneViewModel(lane, FakeLane.env());
        vm.start(() -> status);
    }

    @Test
    void thePositionTheCameraReportsIsShownNextToTheBarriersHealth() {
        assertThat(vm.devicesProperty().get()).as("a camera that reports nothing adds nothing")
                .isEqualTo("显示屏 正常   道闸 正常   相机 正常");
        status.set(status("OPEN"));
        assertThat(vm.devicesProperty().get()).isEqualTo("显示屏 正常   道闸 正常 (已抬起)   相机 正常");
        assertThat(vm.devicesTroubleProperty().get()).isFalse();
        status.set(status("CLOSED"));
        assertThat(vm.devicesProperty().get()).contains("道闸 正常 (已落下)");
        status.set(status("HELD_OPEN"));
        assertThat(vm.devicesProperty().get()).contains("道闸 正常 (常开)");
        status.set(status("FAULT"));
        assertThat(vm.devicesProperty().get()).contains("道闸 正常 (故障)");
        assertThat(vm.devicesTroubleProperty().get()).isTrue();
    }

    static BoothStatus status(String barrier) {
        return new BoothStatus("LOGGED_IN", 0, 0, 10, Map.of("main", 10), "demo",
                Map.of("B1", new BoothStatus.LaneDevices("CONNECTED", "CONNECTED", "CONNECTED", barrier)));
    }
}
