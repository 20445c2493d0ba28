package com.boothdesk.app.ui.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.staff.StaffFixture;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.duty.DutyViewModel.Screen;
import com.boothdesk.app.ui.shift.UiExecutors;

/** Which screen covers the lanes, on a real H2: log-in first, handover, log-out, the password to leave, first admin. */
class DutyViewModelTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    StaffFixture f;
    final Messages msg = new Messages(Locale.SIMPLIFIED_CHINESE);
    DutyViewModel vm;

    @BeforeEach
    void open() {
        f = new StaffFixture(dir);
    }

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
        f.close();
    }

    DutyViewModel duty(boolean demo) {
        vm = new DutyViewModel(f.staff, msg, SHANGHAI, UiExecutors.direct(), demo);
        return vm;
    }

    @Test
    void theDemoWithoutAccountsShowsTheLanesOffersTheFirstAdminAndClosesWithoutAPassword() {
        duty(true);
        assertThat(vm.screen().get()).isEqualTo(Screen.NONE);
        assertThat(vm.needsFirstAdmin().get()).isTrue();
        assertThat(vm.dutyText().get()).as("the header keeps naming the configured operator").isEmpty();
        assertThat(vm.requestExit()).isTrue();

        vm.openFirstAdmin();
        assertThat(vm.screen().get()).isEqualTo(Screen.FIRST_ADMIN);
        vm.back();
        assertThat(vm.screen().get()).as("not forced on the demo").isEqualTo(Screen.NONE);

        vm.openFirstAdmin();
        var admin = vm.firstAdmin().get();
        admin.userId().set("boss");
        admin.name().set("站长");
        admin.password().set("boss-secret");
        admin.repeat().set("boss-secret");
        admin.submit();
        assertThat(vm.needsFirstAdmin().get()).isFalse();
        assertThat(vm.screen().get()).as("an admin exists: nobody on duty, so the log-in").isEqualTo(Screen.LOGIN);
        assertThat(vm.login().userId().get()).isEqualTo("boss");
        assertThat(vm.dutyText().get()).isEqualTo("无人在班");
    }

    @Test
    void aBoothWithoutAdminIsNeverBlockedByTheFirstAdminScreen() {
        duty(false);
        assertThat(vm.screen().get()).isEqualTo(Screen.NONE);
        assertThat(vm.onDuty().get()).isFalse();
    }

    @Test
    void logInComesFirstThenTheLanesAndTheHeaderSaysWhoSinceWhenAndHowMuch() {
        f.admin("a1", "a2");
        duty(false);
        assertThat(vm.screen().get()).isEqualTo(Screen.LOGIN);
        vm.openHandover();
        assertThat(vm.screen().get()).as("no handover with nobody on duty").isEqualTo(Screen.LOGIN);
        vm.login().userId().set("a1");
        vm.login().password().set("pass-a1");
        vm.login().submit();
        assertThat(vm.screen().get()).isEqualTo(Screen.NONE);
        assertThat(vm.onDuty().get()).isTrue();
        assertThat(vm.dutyText().get()).isEqualTo("值班：收费员a1(a1)  08:00 起  本班实收 0.00 元");

        f.exit("京A10001", 1000, 1000, 0, PaymentMethod.CASH, null, "a1");
        f.staff.refreshDuty();
        assertThat(vm.dutyText().get()).endsWith("本班实收 10.00 元");
    }

    @Test
    void theHandoverWithACountHandsTheBoothToTheNextAttendant() {
        f.admin("a1", "a2");
        f.staff.login("a1", StaffFixture.pw("a1"));
        f.exit("京A10001", 1000, 1000, 0, PaymentMethod.CASH, null, "a1");
        duty(false);
        assertThat(vm.screen().get()).isEqualTo(Screen.NONE);
        vm.openHandover();
        assertThat(vm.screen().get()).isEqualTo(Screen.HANDOVER);
        var h = vm.handover().get();
        assertThat(h.expectedFen().get()).isEqualTo(1000);
        h.countedText().set("9.00");
        h.remark().set("短款一元");
        h.incomingUser().set("a2");
        h.incomingPassword().set("pass-a2");
        f.clock.advance(Duration.ofHours(1));
        h.submit();
        assertThat(h.done().get()).isNotNull();
        assertThat(vm.screen().get()).as("the lanes for the incoming attendant").isEqualTo(Screen.NONE);
        assertThat(vm.handover().get()).isNull();
        assertThat(vm.dutyText().get()).isEqualTo("值班：收费员a2(a2)  09:00 起  本班实收 0.00 元");
    }

    @Test
    void aHandoverWithNobodyTakingOverLeavesTheLogInScreenWithTheDifference() {
        f.admin("a1");
        f.staff.login("a1", StaffFixture.pw("a1"));
        duty(false);
        vm.openHandover();
        vm.handover().get().countedText().set("0");
        vm.handover().get().closeBooth();
        assertThat(vm.screen().get()).isEqualTo(Screen.LOGIN);
        assertThat(vm.login().message().get()).isEqualTo("班次已交班，差额 0.00 元");
        assertThat(vm.dutyText().get()).isEqualTo("无人在班");
    }

    @Test
    void logOutNeedsThePasswordAndKeepsTheShiftOpenForTheSameAttendant() {
        f.admin("a1");
        f.staff.login("a1", StaffFixture.pw("a1"));
        String shift = f.staff.currentShift().orElseThrow().shiftId();
        duty(false);
        vm.logOut();
        assertThat(vm.screen().get()).isEqualTo(Screen.LEAVE);
        LeaveViewModel leave = vm.leave().get();
        assertThat(leave.userId().get()).as("the attendant on duty").isEqualTo("a1");
        leave.password().set("wrong-one");
        leave.submit();
        assertThat(leave.message().get()).startsWith("工号或密码错误");
        assertThat(leave.password().get()).isEmpty();
        assertThat(vm.onDuty().get()).isTrue();
        leave.password().set("pass-a1");
        leave.submit();
        assertThat(vm.onDuty().get()).isFalse();
        assertThat(vm.screen().get()).isEqualTo(Screen.LOGIN);
        assertThat(f.staff.openShiftHere().orElseThrow().shiftId()).isEqualTo(shift);
    }

    @Test
    void closingTheWindowAsksThePasswordAndOnlyThenExits() {
        f.admin("a1");
        f.staff.login("a1", StaffFixture.pw("a1"));
        duty(false);
        AtomicInteger exits = new AtomicInteger();
        vm.onExit(exits::incrementAndGet);
        assertThat(vm.requestExit()).isFalse();
        assertThat(vm.screen().get()).isEqualTo(Screen.LEAVE);
        vm.back();
        assertThat(vm.screen().get()).isEqualTo(Screen.NONE);
        assertThat(exits).hasValue(0);

        assertThat(vm.requestExit()).isFalse();
        vm.leave().get().password().set("pass-a1");
        vm.leave().get().submit();
        assertThat(exits).hasValue(1);
        assertThat(vm.onDuty().get()).isFalse();
    }

    @Test
    void closingWithNobodyOnDutyStillNeedsAnAccountsPassword() {
        f.admin("a1");
        duty(false);
        AtomicInteger exits = new AtomicInteger();
        vm.onExit(exits::incrementAndGet);
        assertThat(vm.requestExit()).isFalse();
        assertThat(vm.screen().get()).isEqualTo(Screen.LEAVE);
        vm.leave().get().userId().set("a1");
        vm.leave().get().password().set("pass-a1");
        vm.leave().get().submit();
        assertThat(exits).hasValue(1);
    }
}
