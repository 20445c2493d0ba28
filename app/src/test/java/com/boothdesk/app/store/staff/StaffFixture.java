package com.boothdesk.app.store.staff;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import com.boothdesk.app.cloud.CloudBridge;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.staff.PasswordHasher;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.domain.staff.StaffSettings;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcGateEventLog;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.store.lists.JdbcListStore;
import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/** A real H2 in a temp folder with the staff store, the orders and the gate log on one clock. */
public final class StaffFixture implements AutoCloseable {

    public static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    /** Fast hashes for the rule tests; {@code PasswordHasherTest} checks the production count. */
    public static final int FAST = 1_000;

    public final MutableClock clock = new MutableClock(T0, ZoneId.of("Asia/Shanghai"));
    public final Database db;
    public final JdbcOutbox outbox;
    public final JdbcStaffStore store;
    public final StaffService staff;
    public final JdbcOrderRepository orders;
    public final JdbcGateEventLog gates;
    private int seq;

    public StaffFixture(Path dir) {
        this(dir, StaffSettings.defaults().withIterations(FAST));
    }

    public StaffFixture(Path dir, StaffSettings settings) {
        db = Database.open(dir);
        outbox = new JdbcOutbox(db.dataSource(), clock);
        store = new JdbcStaffStore(db, outbox, new JdbcListStore(clock),
                new StaffUplinks(settings.handoverServiceName()));
        staff = new StaffService(store, settings, PasswordHasher.forTests(FAST), clock, "B1");
        CloudBridge bridge = new CloudBridge(outbox, "B1", clock);
        orders = new JdbcOrderRepository(db, bridge);
        gates = new JdbcGateEventLog(db, bridge);
    }

    /** An admin "admin" (password admin-pass), logged in, who creates the given attendants (password "pass-" + id). */
    public void admin(String... attendants) {
        staff.createFirstAdmin("admin", "管理员", "admin-pass".toCharArray());
        staff.login("admin", "admin-pass".toCharArray());
        for (String a : attendants) {
            staff.createAccount("admin", a, "收费员" + a, 1, com.boothdesk.app.domain.staff.Role.ATTENDANT,
                    ("pass-" + a).toCharArray());
        }
        staff.handover(null, "", null, null);
    }

    public static char[] pw(String id) {
        return ("pass-" + id).toCharArray();
    }

    /** A car in and out now, settled by {@code operator} (null: nobody). Returns the order id. */
    public String exit(String plate, long dueFen, long paidFen, long prepaidFen, PaymentMethod m, String reason,
                       String operator) {
        Instant in = clock.instant().minus(Duration.ofHours(1));
        String id = orders.nextOrderId("A1", in) + (seq++);
        ParkingOrder o = ParkingOrder.entered(id, plate, "small", "A1", in, operator, null);
        orders.recordEntry(o, 100);
        if (prepaidFen > 0) {
            orders.recordPrepayment("T" + id, id, prepaidFen, in.plusSeconds(60), in.plusSeconds(60));
        }
        ParkingOrder stored = orders.find(id).orElseThrow();
        orders.recordExit(stored.closed("B1", clock.instant(), dueFen, paidFen, m, operator, null, reason), 100);
        return id;
    }

    /** A car with no entry record charged {@code feeFen} in cash by {@code operator}. */
    public String noRecordExit(String plate, long feeFen, String operator) {
        Instant at = clock.instant();
        String id = orders.nextOrderId("B1", at) + (seq++);
        orders.recordEntry(ParkingOrder.entered(id, plate, "small", "B1", at, operator, null,
                com.boothdesk.app.domain.order.CarKind.TEMPORARY, null, "无入场记录:车牌污损"), 100);
        ParkingOrder stored = orders.find(id).orElseThrow();
        orders.recordExit(stored.closed("B1", at, feeFen, feeFen, PaymentMethod.CASH, operator, null, null), 100);
        return id;
    }

    public void manualLift(String operator, String reason) {
        gates.record(new GateEvent("B1", clock.instant(), GateEvent.Action.OPEN, GateEvent.Cause.MANUAL, operator,
                null, reason));
    }

    public void advance(Duration d) {
        clock.advance(d);
    }

    @Override
    public void close() {
        db.close();
    }
}
