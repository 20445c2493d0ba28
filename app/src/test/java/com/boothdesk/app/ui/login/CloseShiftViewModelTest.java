package com.boothdesk.app.ui.login;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.staff.HandoverRecord;
import com.boothdesk.app.domain.staff.PasswordHasher;
import com.boothdesk.app.domain.staff.Role;
import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.domain.staff.StaffSettings;
import com.boothdesk.app.store.staff.StaffFixture;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.shift.UiExecutors;

/**
 * A shift left open by a crash blocks the next attendant's log-in; a supervisor closes it on the log-in screen with
 * a reason (no cash counted), its totals are kept as they were, and the attendant logs in after. On a real H2.
 */
class CloseShiftViewModelTest {

    static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    StaffFixture f;
    StaffService restarted;
    LoginViewModel vm;
    Shift left;
    final List<HandoverRecord> closed = new CopyOnWriteArrayList<>();

    @BeforeEach
    void open() {
        f = new StaffFixture(dir);
        f.admin("a1", "a2");
        f.staff.login("admin", "admin-pass".toCharArray());
        f.staff.createAccount("admin", "boss", "王主管", 1, Role.SUPERVISOR, "boss-pass".toCharArray());
        f.staff.handover(null, "", null, null);
        left = f.staff.login("a1", StaffFixture.pw("a1")).shift();
        f.exit("京A00001", 700, 700, 0, PaymentMethod.CASH, null, "a1");
        f.advance(Duration.ofMinutes(30));
        // the booth process dies with a1's shift open; a new one starts on the same database
        restarted = new StaffService(f.store, StaffSettings.defaults().withIterations(StaffFixture.FAST),
                PasswordHasher.forTests(StaffFixture.FAST), f.clock, "B1");
        vm = new LoginViewModel(restarted, new Messages(Locale.SIMPLIFIED_CHINESE), SHANGHAI, UiExecutors.direct());
        vm.onShiftClosed(closed::add);
    }

    @AfterEach
    void close() {
        f.close();
    }

    private CloseShiftViewModel refusedLogIn() {
        vm.userId().set("a2");
        vm.password().set("pass-a2");
        vm.submit();
        assertThat(vm.loggedIn().get()).isNull();
        assertThat(vm.message().get()).isEqualTo("收费员a1(a1) 的班次（11-25 08:00 起）尚未交班：请先交班，或请主管结束该班次");
        return vm.closeShift().get();
    }

    @Test
    void theRefusedLogInOffersTheSupervisorsClosingOfThatShift() {
        CloseShiftViewModel close = refusedLogIn();
        assertThat(close).isNotNull();
        assertThat(close.shift().shiftId()).isEqualTo(left.shiftId());
        assertThat(close.title()).isEqualTo("主管结束 收费员a1(a1) 的班次 " + left.shiftId() + "（11-25 08:00 起）");
        assertThat(close.canSubmit().get()).isFalse();
        close.supervisor().set("boss");
        close.password().set("boss-pass");
        assertThat(close.canSubmit().get()).as("a reason is required").isFalse();
        close.remark().set("收费员离岗，程序崩溃");
        assertThat(close.canSubmit().get()).isTrue();

        close.submit();
        assertThat(close.password().get()).isEmpty();
        HandoverRecord r = close.done().get();
        assertThat(r).isNotNull();
        assertThat(r.closedBy()).isEqualTo("boss");
        assertThat(r.remark()).isEqualTo("收费员离岗，程序崩溃");
        assertThat(r.counted()).as("no cash counted").isNull();
        assertThat(r.totals().cashFen()).as("the shift's money stays its own").isEqualTo(700);
        assertThat(vm.closeShift().get()).isNull();
        assertThat(vm.message().get()).isEqualTo("主管结束 收费员a1(a1) 的班次 " + left.shiftId()
                + "（11-25 08:00 起） 已由主管 boss 结束（未清点现金），请重新登录");
        assertThat(closed).containsExactly(r);
        assertThat(restarted.shift(left.shiftId()).orElseThrow().open()).isFalse();

        // now the incoming attendant logs in, into a new shift
        vm.password().set("pass-a2");
        vm.submit();
        assertThat(vm.loggedIn().get()).isNotNull();
        assertThat(vm.loggedIn().get().shift().shiftId()).isNotEqualTo(left.shiftId());
        assertThat(vm.loggedIn().get().resumed()).isFalse();
    }

    @Test
    void anAttendantCannotCloseAnothersShiftAndAWrongPasswordSaysSo() {
        CloseShiftViewModel close = refusedLogIn();
        close.supervisor().set("a2");
        close.password().set("pass-a2");
        close.remark().set("想下班");
        close.submit();
        assertThat(close.done().get()).isNull();
        assertThat(close.message().get()).isEqualTo("收费员a2(a2) 不是主管，不能确认");
        close.supervisor().set("boss");
        close.password().set("not-it");
        close.submit();
        assertThat(close.done().get()).isNull();
        assertThat(close.message().get()).startsWith("工号或密码错误");
        assertThat(restarted.shift(left.shiftId()).orElseThrow().open()).isTrue();
        assertThat(closed).isEmpty();
    }

    @Test
    void theShiftsOwnAttendantResumesItWithoutASupervisor() {
        vm.userId().set("a1");
        vm.password().set("pass-a1");
        vm.submit();
        assertThat(vm.loggedIn().get().resumed()).isTrue();
        assertThat(vm.closeShift().get()).isNull();
    }
}
