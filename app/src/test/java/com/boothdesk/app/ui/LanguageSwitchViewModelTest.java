package com.boothdesk.app.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.BoothStatus;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.ui.keys.Action;
import com.boothdesk.app.ui.keys.Chord;
import com.boothdesk.app.ui.lane.LaneViewModel;
import com.boothdesk.app.ui.port.UiPorts;

/**
 * The booth window follows the language switch without being rebuilt (issue 15): every text the lanes, the header,
 * the status line and the legend show is told again in the new language; and a key hint in a lane's text names the
 * key for that lane as the selection stands ("(F3)" only where F3 acts on it, else "(F12 → F3)").
 */
class LanguageSwitchViewModelTest {

    final UiEnv env = FakeLane.env();
    final FakeLane entry = FakeLane.entry();
    final FakeLane exit = FakeLane.exit();
    final Observable<BoothStatus> status = new Observable<>(new BoothStatus("LOGGED_IN", 3, 16, 184,
            Map.of("main", 184), "demo", Map.of(
                    "A1", new BoothStatus.LaneDevices("CONNECTED", "CONNECTED", "CONNECTED"),
                    "B1", new BoothStatus.LaneDevices("CONNECTED", "OFFLINE", "CONNECTED"))));
    final BoothViewModel vm = new BoothViewModel(new UiPorts(env.msg(), FakeLane.CLOCK, List.of(entry, exit),
            () -> status, limit -> List.of(), BoothViewModelTest.noSpaces(), null), env);

    {
        vm.start();
    }

    LaneViewModel lane(String id) {
        return vm.lane(id).orElseThrow();
    }

    @Test
    void everyTextOfTheBoothWindowFollowsTheSwitchAndBack() {
        exit.publish(exit.paying("京B55555", FakeLane.T0.plusSeconds(30), 700));
        vm.select("A1");
        vm.onKey(Chord.of("F1"), false); // a refusal on screen: it is told again too
        LaneViewModel a1 = lane("A1");
        LaneViewModel b1 = lane("B1");
        assertThat(b1.devicesProperty().get()).isEqualTo("显示屏 正常   道闸 离线   相机 正常");
        assertThat(a1.titleProperty().get()).startsWith("入口");
        assertThat(b1.messageProperty().get()).isEqualTo("京B55555 请收费 7.00 元");
        assertThat(a1.errorProperty().get()).isEqualTo("当前没有待收费车辆");
        assertThat(b1.carClassProperty().get()).isEqualTo("临时车");
        assertThat(vm.header().cloudProperty().get()).isEqualTo("云端 已连接");
        assertThat(vm.statusLineProperty().get()).contains("入口1");
        assertThat(vm.legend()).extracting(BoothViewModel.Legend::label).contains("确认放行");
        assertThat(vm.buttonTextBinding(Action.CONFIRM).get()).isEqualTo("确认放行  F3");
        var button = vm.buttonTextBinding(Action.CASH);
        var caption = vm.language().text("ui.lane.picture.exit");
        String zhCaption = caption.get();

        env.msg().switchTo(Locale.ENGLISH);

        assertThat(b1.devicesProperty().get()).isEqualTo("LED OK   Barrier offline   Camera OK");
        assertThat(a1.devicesProperty().get()).isEqualTo("LED OK   Barrier OK   Camera OK");
        assertThat(a1.titleProperty().get()).startsWith("Entry");
        assertThat(b1.titleProperty().get()).startsWith("Exit");
        assertThat(b1.messageProperty().get()).isEqualTo("京B55555: collect 7.00 yuan");
        assertThat(b1.carClassProperty().get()).isEqualTo("temporary car");
        assertThat(a1.errorProperty().get()).isEqualTo("No car is waiting to pay");
        assertThat(vm.header().cloudProperty().get()).isEqualTo("Cloud connected");
        assertThat(vm.header().outboxProperty().get()).isEqualTo("3 to upload");
        assertThat(vm.statusLineProperty().get()).startsWith("Selected lane: 入口1 (A1)");
        assertThat(vm.legend()).extracting(BoothViewModel.Legend::label).contains("Confirm")
                .noneMatch(l -> l.codePoints().anyMatch(c -> Character.UnicodeScript.of(c)
                        == Character.UnicodeScript.HAN));
        assertThat(button.get()).isEqualTo("Cash  F1");
        assertThat(caption.get()).isNotEqualTo(zhCaption).doesNotContainPattern("\\p{IsHan}");

        env.msg().switchTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(b1.devicesProperty().get()).isEqualTo("显示屏 正常   道闸 离线   相机 正常");
        assertThat(b1.messageProperty().get()).isEqualTo("京B55555 请收费 7.00 元");
        assertThat(vm.header().cloudProperty().get()).isEqualTo("云端 已连接");
        assertThat(button.get()).isEqualTo("现金收费  F1");
    }

    @Test
    void theHeadersDeviceAlertsAreToldAgainInTheNewLanguage() {
        status.set(new BoothStatus("DOWN", 0, 0, 10, Map.of("main", 10), "demo", Map.of(
                "B1", new BoothStatus.LaneDevices("CONNECTED", "CONNECTED", "OFFLINE"))));
        assertThat(vm.header().alerts().get(0).text()).isEqualTo("出口1 相机 离线");
        assertThat(vm.header().alerts().get(1).text()).isEqualTo("出口1 道闸 正常");
        int alerts = vm.header().alerts().size();
        int unseen = vm.header().unseenProperty().get();
        env.msg().switchTo(Locale.ENGLISH);
        assertThat(vm.header().alerts().get(0).text()).isEqualTo("出口1 Camera offline");
        assertThat(vm.header().alerts().get(1).text()).isEqualTo("出口1 Barrier OK");
        assertThat(vm.header().alerts()).hasSize(alerts);
        assertThat(vm.header().unseenProperty().get()).as("a switch is no new alert").isEqualTo(unseen);
        assertThat(vm.header().cloudProperty().get()).isEqualTo("Cloud down");
    }

    @Test
    void theEntrysConfirmKeyIsNamedForTheEntryNotAsIfItWereSelected() {
        // the exit is selected (a car waits to pay there); a no-plate car then waits at the entry too
        exit.publish(exit.paying("京B55555", FakeLane.T0.plusSeconds(30), 700));
        entry.publish(entry.phase(LanePhase.AWAITING_CONFIRMATION, "", FakeLane.T0, "entry.noplate"));
        assertThat(vm.selectedProperty().get().laneId()).isEqualTo("B1");
        // F3 would act on the exit: the entry names the key that selects it first
        assertThat(lane("A1").messageProperty().get()).isEqualTo("无牌车,请确认后放行 (F12 → F3)");
        vm.select("A1");
        assertThat(lane("A1").messageProperty().get()).isEqualTo("无牌车,请确认后放行 (F3)");
        env.msg().switchTo(Locale.ENGLISH);
        assertThat(lane("A1").messageProperty().get()).isEqualTo("Car without a plate: confirm to admit (F3)");
        vm.select("B1");
        assertThat(lane("A1").messageProperty().get())
                .isEqualTo("Car without a plate: confirm to admit (F12 → F3)");
    }

    @Test
    void aLaneWithoutTheBoothNamesItsOwnKeyAndAnUnboundActionNamesNone() {
        assertThat(Messages.withKeys("无牌车,请确认后放行[key:confirm]", a -> "F3")).isEqualTo("无牌车,请确认后放行 (F3)");
        assertThat(Messages.withKeys("修改车牌[key:correct] 或拒绝[key:refuse]", a -> a.equals("refuse") ? "" : "F6"))
                .isEqualTo("修改车牌 (F6) 或拒绝");
        assertThat(Messages.withKeys("无牌车,请确认后放行[key:confirm]", null)).isEqualTo("无牌车,请确认后放行");
        LaneViewModel alone = new LaneViewModel(FakeLane.entry(), env);
        assertThat(alone.title()).startsWith("入口");
    }

    @Test
    void noMessageTextHardCodesAKeyTheKeymapDecides() {
        for (Locale l : List.of(Locale.SIMPLIFIED_CHINESE, Locale.ENGLISH)) {
            Messages m = new Messages(l);
            for (String key : List.of("lane.confirm", "entry.noplate", "entry.confirm", "exit.checktimes",
                    "exit.noplate", "exit.norecord", "plate.invalid")) {
                assertThat(m.get(key, "京A12345", "临时车")).as(key).doesNotContainPattern("\\(F\\d+\\)")
                        .contains("[key:");
            }
        }
    }
}
