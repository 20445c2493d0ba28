package com.boothdesk.app.store.staff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.staff.Account;
import com.boothdesk.app.domain.staff.CashCount;
import com.boothdesk.app.domain.staff.HandoverRecord;
import com.boothdesk.app.domain.staff.Role;
import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.domain.staff.StaffException;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.domain.staff.StaffSettings;
import com.boothdesk.app.domain.staff.SupervisedAction;
import com.boothdesk.app.domain.staff.SupervisorPolicy;
import com.boothdesk.app.domain.staff.ShiftTotals;
import com.boothdesk.sdk.outbox.OutboxEntry;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Accounts, log-in, shifts and handover on a real H2. */
class StaffServiceTest {

    @TempDir
    Path dir;
    StaffFixture f;
    StaffService staff;

    @BeforeEach
    void open() {
        f = new StaffFixture(dir);
        staff = f.staff;
    }

    @AfterEach
    void close() {
        f.close();
    }

    @Test
    void theFirstAdminIsCreatedOnceAndNoDefaultPasswordExists() {
        assertThat(staff.needsFirstAdmin()).isTrue();
        assertThatThrownBy(() -> staff.login("admin", "admin".toCharArray()))
                .isInstanceOfSatisfying(StaffException.class, e -> assertThat(e.key()).isEqualTo("staff.login.wrong"));
        staff.createFirstAdmin("admin", "管理员", "admin-pass".toCharArray());
        assertThat(staff.needsFirstAdmin()).isFalse();
        assertThatThrownBy(() -> staff.createFirstAdmin("boss", "", "other-pass".toCharArray()))
                .isInstanceOfSatisfying(StaffException.class, e -> assertThat(e.key()).isEqualTo("staff.admin.exists"));
    }

    @Test
    void passwordsAreStoredOnlyAsSaltedPbkdf2() {
        staff.createFirstAdmin("admin", "", "admin-pass".toCharArray());
        String stored = f.db.read(c -> {
            try (var rs = c.createStatement().executeQuery("SELECT credential FROM staff_account")) {
                rs.next();
                return rs.getString(1);
            }
        });
        assertThat(stored).startsWith("pbkdf2-sha256$").doesNotContain("admin-pass");
        String dump = f.db.read(c -> {
            StringBuilder sb = new StringBuilder();
            try (var rs = c.createStatement().executeQuery("SCRIPT")) {
                while (rs.next()) {
                    sb.append(rs.getString(1)).append('\n');
                }
            }
            return sb.toString();
        });
        assertThat(dump).doesNotContain("admin-pass");
    }

    @Test
    void wrongPasswordsLockTheAccountForTheConfiguredTimeOnTheInjectedClock() {
        f.admin("a1");
        for (int i = 1; i < 5; i++) {
            int left = 5 - i;
            assertThatThrownBy(() -> staff.login("a1", "nope".toCharArray()))
                    .isInstanceOfSatisfying(StaffException.class, e -> {
                        assertThat(e.key()).isEqualTo("staff.login.wrong_left");
                        assertThat(e.args()).first().isEqualTo(left);
                    });
        }
        assertThatThrownBy(() -> staff.login("a1", "nope".toCharArray()))
                .isInstanceOfSatisfying(StaffException.class, e -> assertThat(e.key()).isEqualTo("staff.login.locked"));
        // even the right password is refused while locked
        assertThatThrownBy(() -> staff.login("a1", StaffFixture.pw("a1")))
                .isInstanceOfSatisfying(StaffException.class, e -> {
                    assertThat(e.key()).isEqualTo("staff.login.locked");
                    assertThat(e.args()).containsExactly("11-25 08:15");
                });
        f.advance(Duration.ofMinutes(15));
        assertThat(staff.login("a1", StaffFixture.pw("a1")).account().userId()).isEqualTo("a1");
        assertThat(f.store.account("a1").orElseThrow().failedLogins()).isZero();
    }

    @Test
    void aSecondLogInOfTheSameAccountIsRefusedWithWhereItIsLoggedIn() {
        f.admin("a1", "a2");
        staff.login("a1", StaffFixture.pw("a1"));
        assertThatThrownBy(() -> staff.handover(null, "", "a1", StaffFixture.pw("a1")))
                .isInstanceOfSatisfying(StaffException.class, e -> assertThat(e.key())
                        .isEqualTo("staff.handover.same_person"));
        assertThatThrownBy(() -> staff.login("a1", StaffFixture.pw("a1")))
                .isInstanceOfSatisfying(StaffException.class, e -> {
                    assertThat(e.key()).isEqualTo("staff.login.second_session");
                    assertThat(e.args()).containsExactly("B1", "11-25 08:00");
                });
    }

    @Test
    void aLogInAfterACrashResumesTheOpenShiftAndAnotherAttendantIsSentToTheHandover() {
        f.admin("a1", "a2");
        Shift first = staff.login("a1", StaffFixture.pw("a1")).shift();
        f.exit("京A00001", 500, 500, 0, PaymentMethod.CASH, null, "a1");
        f.advance(Duration.ofMinutes(30));
        // the booth process dies; a new one starts on the same database
        StaffService restarted = new StaffService(f.store, StaffSettings.defaults().withIterations(1000),
                com.boothdesk.app.domain.staff.PasswordHasher.forTests(1000), f.clock, "B1");
        assertThatThrownBy(() -> restarted.login("a2", StaffFixture.pw("a2")))
                .isInstanceOfSatisfying(StaffException.class, e -> {
                    assertThat(e.key()).isEqualTo("staff.shift.open_by_other");
                    assertThat(e.args()).containsExactly("收费员a1(a1)", "11-25 08:00");
                });
        StaffService.Login again = restarted.login("a1", StaffFixture.pw("a1"));
        assertThat(again.resumed()).isTrue();
        assertThat(again.shift().shiftId()).isEqualTo(first.shiftId());
        assertThat(restarted.currentTotals().cashFen()).isEqualTo(500);
    }

    @Test
    void theHandoverComparesTheCountedCashAndStartsTheIncomingShiftInOneStep() {
        f.admin("a1", "a2");
        Shift s1 = staff.login("a1", StaffFixture.pw("a1")).shift();
        f.exit("京A00001", 1000, 1000, 0, PaymentMethod.CASH, null, "a1");
        f.exit("京A00002", 800, 0, 0, PaymentMethod.FREE, "军警车", "a1");
        f.exit("京A00003", 600, 600, 0, PaymentMethod.STORED_VALUE, null, "a1");
        f.exit("京A00004", 700, 200, 500, PaymentMethod.CASH, null, "a1");
        f.exit("京A00005", 300, 300, 0, PaymentMethod.CASH, null, "nobody-else");
        f.manualLift("a1", "设备故障");
        assertThat(staff.duty().get().onDuty()).isTrue();

        assertThatThrownBy(() -> staff.handover(CashCount.total(1000), " ", "a2", StaffFixture.pw("a2")))
                .isInstanceOfSatisfying(StaffException.class, e -> assertThat(e.key())
                        .isEqualTo("staff.handover.remark_required"));
        assertThatThrownBy(() -> staff.handover(CashCount.total(1200), "", "a2", "wrong".toCharArray()))
                .isInstanceOf(StaffException.class);
        assertThat(staff.currentShift().orElseThrow().shiftId()).isEqualTo(s1.shiftId());

        f.advance(Duration.ofMinutes(5));
        HandoverRecord h = staff.handover(CashCount.byPieces(Map.of(10_000L, 0, 1_000L, 1, 100L, 1)), "少一元",
                "a2", StaffFixture.pw("a2"));
        ShiftTotals t = h.totals();
        assertThat(t.exitCount()).isEqualTo(4);
        assertThat(t.receivableFen()).isEqualTo(3100);
        assertThat(t.receivedFen()).isEqualTo(2300);
        assertThat(t.reductionFen()).isEqualTo(800);
        assertThat(t.cashFen()).isEqualTo(1200);
        assertThat(t.prepaidFen()).isEqualTo(500);
        assertThat(t.storedValueFen()).isEqualTo(600);
        assertThat(t.electronicFen()).isEmpty();
        assertThat(t.free()).containsEntry("军警车", new ShiftTotals.Tally(1, 800));
        assertThat(t.manual()).containsEntry("抬杆:设备故障", 1);
        assertThat(h.differenceFen()).isEqualTo(-100);
        assertThat(staff.currentShift().orElseThrow().userId()).isEqualTo("a2");
        assertThat(staff.duty().get().userId()).isEqualTo("a2");
        assertThat(staff.duty().get().receivedFen()).isZero();

        // the orders are booked to s1 once; the outbox has off-duty, handover, on-duty in that order
        int booked = f.db.read(c -> {
            try (var rs = c.createStatement().executeQuery(
                    "SELECT COUNT(*) FROM parking_order WHERE shift_id = '" + s1.shiftId() + "'")) {
                rs.next();
                return rs.getInt(1);
            }
        });
        assertThat(booked).isEqualTo(4);
        List<OutboxEntry> all = f.outbox.byOrderKey("shift:B1");
        // the admin's set-up shift first (on, off, handover), then a1's
        List<OutboxEntry> shiftUplinks = all.subList(3, all.size());
        assertThat(json(shiftUplinks.get(0)).path("uuid").asText()).isEqualTo(s1.shiftId());
        assertThat(shiftUplinks).extracting(OutboxEntry::serviceName).containsExactly("work_record", "work_record",
                "upload_shift_handover", "work_record");
        ObjectNode handover = json(shiftUplinks.get(2));
        assertThat(handover.path("uuid").asText()).isEqualTo(s1.shiftId());
        assertThat(handover.path("cash_pay").asText()).isEqualTo("12.00");
        assertThat(handover.path("counted_cash").asText()).isEqualTo("11.00");
        assertThat(handover.path("cash_diff").asText()).isEqualTo("-1.00");
        assertThat(handover.path("next_user_id").asText()).isEqualTo("a2");
        assertThat(json(shiftUplinks.get(1)).path("state").asInt()).isEqualTo(1);
        assertThat(staff.handoverOf(s1.shiftId()).orElseThrow().totals()).isEqualTo(t);
    }

    @Test
    void aSupervisorClosesAShiftLeftOpenAndAnAttendantCannot() {
        f.admin("a1", "a2");
        staff.login("admin", "admin-pass".toCharArray());
        staff.createAccount("admin", "boss", "主管", 1, Role.SUPERVISOR, "boss-pass".toCharArray());
        staff.handover(null, "", "a1", StaffFixture.pw("a1"));
        Shift left = staff.currentShift().orElseThrow();
        f.exit("京A00001", 500, 500, 0, PaymentMethod.CASH, null, "a1");
        StaffService restarted = new StaffService(f.store, StaffSettings.defaults().withIterations(1000),
                com.boothdesk.app.domain.staff.PasswordHasher.forTests(1000), f.clock, "B1");
        assertThatThrownBy(() -> restarted.closeShift(left.shiftId(), "a2", StaffFixture.pw("a2"), "x"))
                .isInstanceOfSatisfying(StaffException.class, e -> assertThat(e.key())
                        .isEqualTo("staff.supervisor.not_supervisor"));
        f.advance(Duration.ofMinutes(1));
        HandoverRecord h = restarted.closeShift(left.shiftId(), "boss", "boss-pass".toCharArray(), "a1 病假");
        assertThat(h.counted()).isNull();
        assertThat(h.closedBy()).isEqualTo("boss");
        assertThat(h.totals().cashFen()).isEqualTo(500);
        assertThat(f.store.shift(left.shiftId()).orElseThrow().closedBy()).isEqualTo("boss");
        assertThat(restarted.login("a2", StaffFixture.pw("a2")).resumed()).isFalse();
        assertThat(f.store.confirmations(StaffFixture.T0, StaffFixture.T0.plusSeconds(3600)))
                .containsEntry("CLOSE_OTHERS_SHIFT", 1);
    }

    @Test
    void supervisorConfirmationsAreRecordedAndRefusedForAttendants() {
        StaffFixture g = f;
        g.admin("a1");
        staff.login("admin", "admin-pass".toCharArray());
        staff.createAccount("admin", "boss", "主管", 1, Role.SUPERVISOR, "boss-pass".toCharArray());
        staff.handover(null, "", "a1", StaffFixture.pw("a1"));
        assertThatThrownBy(() -> staff.confirm(SupervisedAction.MANUAL_LIFT, 0, "B1", "a1", StaffFixture.pw("a1")))
                .isInstanceOfSatisfying(StaffException.class, e -> assertThat(e.key())
                        .isEqualTo("staff.supervisor.not_supervisor"));
        var c = staff.confirm(SupervisedAction.MANUAL_LIFT, 0, "B1", "boss", "boss-pass".toCharArray());
        assertThat(c.supervisor()).isEqualTo("boss");
        assertThat(c.attendant()).isEqualTo("a1");
        assertThat(f.store.confirmations(StaffFixture.T0, StaffFixture.T0.plusSeconds(60)))
                .containsEntry("MANUAL_LIFT", 1);
    }

    @Test
    void theSupervisorPolicyDecidesWhatNeedsConfirmation() {
        SupervisorPolicy p = new SupervisorPolicy(java.util.EnumSet.of(SupervisedAction.FREE_RELEASE,
                SupervisedAction.MANUAL_LIFT), 2000);
        assertThat(p.requires(SupervisedAction.FREE_RELEASE, 2000)).isFalse();
        assertThat(p.requires(SupervisedAction.FREE_RELEASE, 2001)).isTrue();
        assertThat(p.requires(SupervisedAction.MANUAL_LIFT, 0)).isTrue();
        assertThat(p.requires(SupervisedAction.NO_RECORD_FEE, 500)).isFalse();
        SupervisorPolicy all = new SupervisorPolicy(java.util.EnumSet.of(SupervisedAction.FREE_RELEASE), 0);
        assertThat(all.requires(SupervisedAction.FREE_RELEASE, 1)).isTrue();
    }

    @Test
    void aCollectorFromTheCloudSetsItsFirstPasswordThenLogsIn() {
        f.admin();
        f.db.write(c -> {
            new com.boothdesk.app.store.lists.JdbcListStore(f.clock).saveCollector(c,
                    new com.boothdesk.app.domain.lists.Collector("c9", "小王", 1));
            return null;
        });
        Account a = f.store.account("c9").orElseThrow();
        assertThat(a.role()).isEqualTo(Role.ATTENDANT);
        assertThat(a.hasPassword()).isFalse();
        assertThatThrownBy(() -> staff.login("c9", "".toCharArray()))
                .isInstanceOfSatisfying(StaffException.class, e -> assertThat(e.key())
                        .isEqualTo("staff.login.needs_password"));
        assertThatThrownBy(() -> staff.setFirstPassword("c9", "123".toCharArray()))
                .isInstanceOfSatisfying(StaffException.class, e -> assertThat(e.key())
                        .isEqualTo("staff.password.too_short"));
        staff.setFirstPassword("c9", "c9-secret".toCharArray());
        assertThatThrownBy(() -> staff.setFirstPassword("c9", "other-secret".toCharArray()))
                .isInstanceOfSatisfying(StaffException.class, e -> assertThat(e.key())
                        .isEqualTo("staff.password.already_set"));
        assertThat(staff.login("c9", "c9-secret".toCharArray()).account().name()).isEqualTo("小王");
    }

    @Test
    void accountsMadeAtTheBoothAreUploadedAs24AddChangeDelete() {
        f.admin("a1");
        staff.login("admin", "admin-pass".toCharArray());
        staff.updateAccount("admin", "a1", "老王", 1, Role.SUPERVISOR);
        staff.deleteAccount("admin", "a1");
        List<OutboxEntry> ups = f.outbox.byOrderKey(com.boothdesk.app.store.lists.ListUplinks.key("collector", "a1"));
        assertThat(ups).extracting(e -> json(e).path("operate_type").asInt()).containsExactly(1, 1, 3);
        assertThat(json(ups.get(1)).path("name").asText()).isEqualTo("老王");
        assertThat(f.store.account("a1")).isEmpty();
        assertThatThrownBy(() -> staff.createAccount("a2", "zz", "", 0, Role.ADMIN, "zzzzzzzz".toCharArray()))
                .isInstanceOfSatisfying(StaffException.class, e -> assertThat(e.key())
                        .isEqualTo("staff.account.not_admin"));
    }

    static ObjectNode json(OutboxEntry e) {
        try {
            return (ObjectNode) WireCodec.MAPPER.readTree(e.json());
        } catch (Exception x) {
            throw new IllegalStateException(x);
        }
    }
}
