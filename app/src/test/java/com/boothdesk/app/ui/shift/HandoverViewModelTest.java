package com.boothdesk.app.ui.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.staff.HandoverRecord;
import com.boothdesk.app.store.staff.StaffFixture;
import com.boothdesk.app.ui.Messages;

/** The handover screen: expected cash against counted cash, the difference, the remark rule, the next log-in. */
class HandoverViewModelTest {

    @TempDir
    Path dir;
    StaffFixture f;
    HandoverViewModel vm;
    final List<HandoverRecord> printed = new ArrayList<>();

    @BeforeEach
    void open() {
        f = new StaffFixture(dir);
        f.admin("a1", "a2");
        f.staff.login("a1", StaffFixture.pw("a1"));
        f.exit("京A11111", 1500, 1500, 0, PaymentMethod.CASH, null, "a1");
        f.exit("京A22222", 2000, 2000, 0, PaymentMethod.CASH, null, "a1");
        f.exit("京A33333", 900, 0, 0, PaymentMethod.FREE, "救护车", "a1");
        f.manualLift("a1", "车牌无法识别");
        f.advance(Duration.ofMinutes(10));
        vm = new HandoverViewModel(f.staff, new Messages(Locale.SIMPLIFIED_CHINESE), ZoneId.of("Asia/Shanghai"),
                UiExecutors.direct());
        vm.onHandedOver(printed::add);
        vm.refresh();
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theOutgoingShiftsTotalsAreShown() {
        assertThat(vm.outgoing().get()).isEqualTo("收费员a1(a1)");
        assertThat(vm.since().get()).isEqualTo("11-25 08:00");
        assertThat(vm.expectedFen().get()).isEqualTo(3500);
        assertThat(vm.lines()).contains("应收  44.00 元", "减免  9.00 元", "实收  35.00 元", "现金  35.00 元",
                "免费放行  1 辆  9.00 元", "    救护车  1 辆  9.00 元", "手动抬落杆  1 次", "    抬杆:车牌无法识别  1 次");
        assertThat(vm.differenceText().get()).isEqualTo("未清点");
    }

    @Test
    void whileTheScreenIsOpenTheTotalsFollowTheShiftsTakings() {
        vm.follow();
        vm.countedText().set("35.00");
        assertThat(vm.differenceFen().get()).isZero();
        // a car settled behind the screen (a cloud payment, a prepaid exit, the lane itself)
        f.exit("京A44444", 500, 500, 0, PaymentMethod.CASH, null, "a1");
        f.staff.refreshDuty();
        assertThat(vm.expectedFen().get()).isEqualTo(4000);
        assertThat(vm.differenceFen().get()).as("the count against the new expected cash").isEqualTo(-500);
        assertThat(vm.remarkRequired().get()).isTrue();

        vm.close();
        f.exit("京A55555", 500, 500, 0, PaymentMethod.CASH, null, "a1");
        f.staff.refreshDuty();
        assertThat(vm.expectedFen().get()).as("closed: no longer following").isEqualTo(4000);
    }

    @Test
    void theDifferenceFollowsTheCountAndNeedsARemark() {
        vm.countedText().set("34.50");
        assertThat(vm.differenceFen().get()).isEqualTo(-50);
        assertThat(vm.differenceText().get()).isEqualTo("-0.50");
        assertThat(vm.remarkRequired().get()).isTrue();
        assertThat(vm.canSubmit().get()).isFalse();
        vm.submit();
        assertThat(vm.message().get()).isEqualTo("现金有差额，请填写备注");
        assertThat(vm.done().get()).isNull();

        vm.byPieces().set(true);
        vm.pieces().get(2_000L).set(1);
        vm.pieces().get(1_000L).set(1);
        vm.pieces().get(500L).set(1);
        assertThat(vm.countedFen().get()).isEqualTo(3500);
        assertThat(vm.differenceFen().get()).isZero();
        assertThat(vm.remarkRequired().get()).isFalse();
        assertThat(vm.canSubmit().get()).isTrue();
    }

    @Test
    void theIncomingAttendantLogsInOnTheSameScreen() {
        vm.countedText().set("30");
        vm.remark().set("找零备用金 5 元未还");
        vm.incomingUser().set("a2");
        vm.incomingPassword().set("wrong-one");
        vm.submit();
        assertThat(vm.done().get()).isNull();
        assertThat(vm.message().get()).startsWith("工号或密码错误");
        assertThat(f.staff.currentShift().orElseThrow().userId()).isEqualTo("a1");

        vm.incomingPassword().set("pass-a2");
        vm.submit();
        HandoverRecord r = vm.done().get();
        assertThat(r).isNotNull();
        assertThat(r.differenceFen()).isEqualTo(-500);
        assertThat(r.remark()).isEqualTo("找零备用金 5 元未还");
        assertThat(vm.message().get()).isEqualTo("班次已交班，差额 -5.00 元");
        assertThat(vm.incomingPassword().get()).isEmpty();
        assertThat(printed).containsExactly(r);
        assertThat(f.staff.duty().get().userId()).isEqualTo("a2");
    }

    @Test
    void closingTheBoothLeavesNobodyOnDuty() {
        vm.countedText().set("35.00");
        vm.closeBooth();
        assertThat(vm.done().get().incoming()).isNull();
        assertThat(vm.done().get().differenceFen()).isZero();
        assertThat(f.staff.duty().get().onDuty()).isFalse();
        assertThat(f.staff.operator().get()).isNull();
    }
}
