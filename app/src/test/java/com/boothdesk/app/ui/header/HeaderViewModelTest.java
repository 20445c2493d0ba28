package com.boothdesk.app.ui.header;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.BoothStatus;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.ui.FakeLane;

/** The header shows the status feed as it is and lists each device change once, naming its lane. */
class HeaderViewModelTest {

    final Observable<BoothStatus> feed = new Observable<>(status(Map.of("main", 88), "CONNECTED", 0));
    final HeaderViewModel vm = new HeaderViewModel(FakeLane.env(), () -> feed, Map.of("A1", "入口1", "B1", "出口1"));

    @Test
    void cloudOutboxAndSpacesAreShownWithAreaNamesNeverTheInternalId() {
        vm.start();
        assertThat(vm.cloudProperty().get()).isEqualTo("云端 已连接");
        assertThat(vm.outboxProperty().get()).isEqualTo("待上传 0");
        assertThat(vm.freeProperty().get()).isEqualTo("余位 88");
        assertThat(vm.areaName("main")).isEqualTo("全场");
        Map<String, Integer> areas = new LinkedHashMap<>();
        areas.put("地上", 10);
        areas.put("地下", 5);
        feed.set(status(areas, "CONNECTED", 7));
        assertThat(vm.freeProperty().get()).isEqualTo("余位 15 (地上 10 · 地下 5)");
        assertThat(vm.outboxDepthProperty().get()).isEqualTo(7);
    }

    @Test
    void aDeviceGoingOffAndComingBackIsListedOnceEachWithItsLane() {
        vm.start();
        assertThat(vm.alerts()).isEmpty();
        feed.set(status(Map.of("main", 88), "OFFLINE", 0));
        feed.set(status(Map.of("main", 88), "OFFLINE", 1)); // same health, another refresh
        assertThat(vm.alerts()).hasSize(1);
        assertThat(vm.alerts().get(0).laneId()).isEqualTo("B1");
        assertThat(vm.alerts().get(0).text()).isEqualTo("出口1 相机 离线");
        assertThat(vm.troubleProperty().get()).isTrue();
        assertThat(vm.unseenProperty().get()).isEqualTo(1);
        feed.set(status(Map.of("main", 88), "CONNECTED", 0));
        assertThat(vm.alerts()).hasSize(2);
        assertThat(vm.alerts().get(0).text()).isEqualTo("出口1 相机 正常");
        assertThat(vm.troubleProperty().get()).isFalse();
        vm.seen();
        assertThat(vm.unseenProperty().get()).isZero();
    }

    @Test
    void theParksValidityIsWarnedInTheHeaderWithinItsWeekAndAsTroubleOnceEnded() {
        java.util.concurrent.atomic.AtomicReference<java.util.Optional<ParkValidityPort.Warning>> w =
                new java.util.concurrent.atomic.AtomicReference<>(java.util.Optional.empty());
        vm.parkValidity(w::get);
        vm.start();
        assertThat(vm.parkValidityProperty().get()).as("far away or unknown: nothing shown").isEmpty();
        w.set(java.util.Optional.of(new ParkValidityPort.Warning(java.time.LocalDate.of(2026, 11, 28), false)));
        feed.set(status(Map.of("main", 88), "CONNECTED", 1)); // the next refresh
        assertThat(vm.parkValidityProperty().get()).isEqualTo("车场有效期至 2026-11-28，请及时续期");
        assertThat(vm.parkExpiredProperty().get()).isFalse();
        w.set(java.util.Optional.of(new ParkValidityPort.Warning(java.time.LocalDate.of(2026, 11, 28), true)));
        feed.set(status(Map.of("main", 88), "CONNECTED", 2));
        assertThat(vm.parkValidityProperty().get()).isEqualTo("车场有效期已于 2026-11-28 到期，请联系平台续期");
        assertThat(vm.parkExpiredProperty().get()).isTrue();
    }

    @Test
    void devicesComingUpAsTheBoothStartsAreNoAlert() {
        Observable<BoothStatus> feed = new Observable<>(status(Map.of("main", 88), "UNKNOWN", 0));
        HeaderViewModel vm = new HeaderViewModel(FakeLane.env(), () -> feed, Map.of("B1", "出口1"));
        vm.start();
        feed.set(status(Map.of("main", 88), "UNKNOWN", 0));
        feed.set(status(Map.of("main", 88), "CONNECTED", 0));
        assertThat(vm.alerts()).isEmpty();
        assertThat(vm.unseenProperty().get()).isZero();
        // once in trouble, every change of that device is listed; only trouble counts as unseen
        feed.set(status(Map.of("main", 88), "OFFLINE", 0));
        feed.set(status(Map.of("main", 88), "UNKNOWN", 0));
        feed.set(status(Map.of("main", 88), "CONNECTED", 0));
        assertThat(vm.alerts()).extracting(HeaderViewModel.Alert::text)
                .containsExactly("出口1 相机 正常", "出口1 相机 未知", "出口1 相机 离线");
        assertThat(vm.unseenProperty().get()).isEqualTo(2);
    }

    @Test
    void aDeviceThatNeverComesUpIsAnAlert() {
        Observable<BoothStatus> feed = new Observable<>(status(Map.of("main", 88), "UNKNOWN", 0));
        HeaderViewModel vm = new HeaderViewModel(FakeLane.env(), () -> feed, Map.of("B1", "出口1"));
        vm.start();
        feed.set(status(Map.of("main", 88), "UNKNOWN", 0));
        feed.set(status(Map.of("main", 88), "OFFLINE", 0));
        assertThat(vm.alerts()).extracting(HeaderViewModel.Alert::text).containsExactly("出口1 相机 离线");
        assertThat(vm.unseenProperty().get()).isEqualTo(1);
    }

    static BoothStatus status(Map<String, Integer> areas, String camera, int outbox) {
        return new BoothStatus("LOGGED_IN", outbox, 3, areas.values().stream().mapToInt(i -> i).sum(), areas, "demo",
                Map.of("B1", new BoothStatus.LaneDevices("CONNECTED", "CONNECTED", camera)));
    }
}
