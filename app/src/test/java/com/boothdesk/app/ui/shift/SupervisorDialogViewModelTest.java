package com.boothdesk.app.ui.shift;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.staff.Confirmation;
import com.boothdesk.app.domain.staff.Role;
import com.boothdesk.app.domain.staff.StaffSettings;
import com.boothdesk.app.domain.staff.SupervisedAction;
import com.boothdesk.app.domain.staff.SupervisorPolicy;
import com.boothdesk.app.store.staff.StaffFixture;
import com.boothdesk.app.ui.Messages;

/** The supervisor dialog and the gate a lane view-model calls. */
class SupervisorDialogViewModelTest {

    @TempDir
    Path dir;
    StaffFixture f;
    final List<SupervisorDialogViewModel> opened = new ArrayList<>();
    SupervisorGate gate;

    @BeforeEach
    void open() {
        f = new StaffFixture(dir, StaffSettings.defaults().withIterations(StaffFixture.FAST).withSupervisor(
                new SupervisorPolicy(EnumSet.of(SupervisedAction.FREE_RELEASE, SupervisedAction.MANUAL_LIFT), 1000)));
        f.admin("a1");
        f.staff.login("admin", "admin-pass".toCharArray());
        f.staff.createAccount("admin", "boss", "王主管", 1, Role.SUPERVISOR, "boss-pass".toCharArray());
        f.staff.handover(null, "", "a1", StaffFixture.pw("a1"));
        gate = new SupervisorGate(f.staff, new Messages(Locale.SIMPLIFIED_CHINESE), UiExecutors.direct(),
                opened::add);
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void aFreeReleaseUnderTheThresholdNeedsNobody() {
        CompletableFuture<Optional<Confirmation>> r = gate.require(SupervisedAction.FREE_RELEASE, 1000, "京A1");
        assertThat(r).isCompletedWithValue(Optional.empty());
        assertThat(opened).isEmpty();
        assertThat(gate.require(SupervisedAction.NO_RECORD_FEE, 5000, "京A1")).isCompletedWithValue(Optional.empty());
    }

    @Test
    void aSupervisorConfirmsAndTheConfirmationIsRecordedWithTheAttendant() {
        CompletableFuture<Optional<Confirmation>> r = gate.require(SupervisedAction.FREE_RELEASE, 1500, "京A12345");
        assertThat(opened).hasSize(1);
        SupervisorDialogViewModel vm = opened.get(0);
        assertThat(vm.title().get()).isEqualTo("需要主管确认：免费放行 15.00元 · 京A12345");
        assertThat(vm.canConfirm().get()).isFalse();

        vm.supervisorId().set("a1");
        vm.password().set("pass-a1");
        vm.confirm();
        assertThat(vm.message().get()).isEqualTo("收费员a1(a1) 不是主管，不能确认");
        assertThat(r).isNotDone();

        vm.supervisorId().set("boss");
        vm.password().set("bad-pass");
        vm.confirm();
        assertThat(vm.message().get()).startsWith("工号或密码错误，还可尝试 4 次");
        assertThat(vm.password().get()).isEmpty();

        vm.password().set("boss-pass");
        vm.confirm();
        Confirmation c = r.join().orElseThrow();
        assertThat(c.supervisor()).isEqualTo("boss");
        assertThat(c.attendant()).isEqualTo("a1");
        assertThat(c.amountFen()).isEqualTo(1500);
        assertThat(vm.message().get()).isEqualTo("boss 已确认");
        assertThat(f.store.confirmations(StaffFixture.T0, StaffFixture.T0.plusSeconds(60)))
                .containsEntry("FREE_RELEASE", 1);
    }

    @Test
    void cancellingLeavesTheActionUndone() {
        CompletableFuture<Optional<Confirmation>> r = gate.require(SupervisedAction.MANUAL_LIFT, 0, "B1");
        opened.get(0).cancel();
        assertThat(r).isCompletedExceptionally();
        org.assertj.core.api.Assertions.assertThatThrownBy(r::join)
                .hasCauseInstanceOf(java.util.concurrent.CancellationException.class);
        assertThat(f.store.confirmations(StaffFixture.T0, StaffFixture.T0.plusSeconds(60))).isEmpty();
    }
}
