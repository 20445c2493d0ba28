package com.boothdesk.app.site.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Comparator;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.cloud.CloudBridge;
import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.lists.IssuedCoupon;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.lists.VehicleLists;
import com.boothdesk.app.domain.lists.VisitorPass;
import com.boothdesk.app.domain.lists.VisitorRecord;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.payment.PaymentRecord;
import com.boothdesk.app.payment.PaymentStore;
import com.boothdesk.app.site.SitePostgres;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcGateEventLog;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.store.StoreException;
import com.boothdesk.app.store.lists.ExitCharges;
import com.boothdesk.app.store.lists.JdbcVehicleLists;
import com.boothdesk.app.store.lists.ListUplinks;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxEntry;

/**
 * The writes of the car's path other than stays and gate events, made while booth A's site database (a real
 * PostgreSQL behind a proxy the test cuts) is down: a prepayment, plate corrections, a visitor's entry count, a
 * stored-value charge with its exit, coupon deductions, the payment module's records. Each is journaled in order,
 * and after the return it is in the site database once, in order, with the conflict rows the written rules say
 * (booth B, reaching the server directly, changes what they meet meanwhile).
 */
class OutageWritesTest {

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(60);
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    CuttableProxy proxy;
    Database a;
    Database b;
    JdbcOutbox outboxA;
    JdbcOrderRepository siteA;
    JdbcOrderRepository siteB;
    JdbcGateEventLog gatesA;
    JdbcVehicleLists listsA;
    JdbcVehicleLists listsB;
    OutageModule m;
    OrderRepository orders;
    VehicleLists lanes;
    PaymentStore paymentsA;

    @BeforeEach
    void open() throws Exception {
        String url = SitePostgres.freshDatabase();
        proxy = new CuttableProxy("127.0.0.1", SitePostgres.server().getPort());
        a = Database.connect(proxy.through(url), SitePostgres.USER, "", 4);
        b = Database.connect(url, SitePostgres.USER, "", 4);
        a.refreshEvery(Duration.ofHours(1));
        b.refreshEvery(Duration.ofHours(1));
        Clock clock = Clock.fixed(T0.plusSeconds(10_000), ZoneOffset.UTC);
        outboxA = new JdbcOutbox(a.dataSource(), clock, "A", Duration.ofSeconds(30));
        JdbcOutbox outboxB = new JdbcOutbox(b.dataSource(), clock, "B", Duration.ofSeconds(30));
        CloudBridge bridge = new CloudBridge(outboxA, "A");
        // as BoothApp wires it: the exit's stored-value charge in the exit's transaction
        siteA = new JdbcOrderRepository(a, ExitCharges.around(a, bridge));
        siteB = new JdbcOrderRepository(b, new CloudBridge(outboxB, "B"));
        gatesA = new JdbcGateEventLog(a, bridge);
        listsA = new JdbcVehicleLists(a, outboxA, ZONE, clock);
        listsB = new JdbcVehicleLists(b, outboxB, ZONE, clock);
        m = OutageModule.of(a, dir.resolve("outage"), "A", "small", siteA, gatesA, clock, Duration.ofMillis(100));
        orders = m.orders(siteA);
        lanes = m.lists(listsA);
        paymentsA = new PaymentStore(a);
    }

    @AfterEach
    void close() throws Exception {
        m.close();
        gatesA.close();
        a.close();
        b.close();
        proxy.close();
    }

    private ParkingOrder enter(OrderRepository at, String lane, String plate, Instant when) {
        ParkingOrder o = ParkingOrder.entered(at.nextOrderId(lane, when), plate, "small", lane, when, "op", null);
        at.recordEntry(o, 100);
        return o;
    }

    private static ParkingOrder closed(ParkingOrder o, String lane, Instant when, long fen, PaymentMethod method) {
        return o.closed(lane, when, fen, method == PaymentMethod.STORED_VALUE ? 0 : fen, method, "op", null, null);
    }

    private void seed() {
        b.write(c -> {
            var store = listsB.store();
            store.saveStoredValue(c, new StoredValueAccount("sv1", List.of("京S00001"), "王五", "138", 5000, "", ""));
            store.saveCoupon(c, new IssuedCoupon(Coupon.amount("t1", 500), "京S00002", "", 0, false, "商户", "券"));
            store.saveCoupon(c, new IssuedCoupon(Coupon.amount("t2", 300), "京S00002", "", 0, false, "商户", "券"));
            store.saveVisitor(c, new VisitorRecord("v1", new VisitorPass("京S00003", T0.minusSeconds(3600),
                    T0.plus(Duration.ofDays(1)), 3, 0), 1, "", "", ""));
            store.saveVisitor(c, new VisitorRecord("v2", new VisitorPass("京S00009", T0.minusSeconds(3600),
                    T0.plus(Duration.ofDays(1)), 3, 0), 1, "", "", ""));
            return null;
        });
    }

    @Test
    void everyWriteOfTheCarsPathMadeWhileDownIsInTheSiteOnceInOrderWithTheRulesConflicts() throws Exception {
        seed();
        ParkingOrder p1 = enter(orders, "A1", "京S00001", T0); // pays by stored value
        ParkingOrder p2 = enter(orders, "A1", "京S00002", T0.plusSeconds(10)); // two coupons
        ParkingOrder p3 = enter(orders, "A1", "京S00004", T0.plusSeconds(20)); // prepaid while down
        ParkingOrder p4 = enter(orders, "A1", "京S00005", T0.plusSeconds(30)); // plate corrected while down
        ParkingOrder p5 = enter(orders, "A1", "京S00007", T0.plusSeconds(40)); // corrected, closed at B meanwhile
        ParkingOrder p6 = enter(orders, "A1", "京S00008", T0.plusSeconds(50)); // prepaid, closed at B meanwhile

        proxy.cut();
        // the cloud's prepayment is the first write that cannot reach the server: journaled, not refused
        Instant paid = T0.plusSeconds(600);
        assertThat(orders.recordPrepayment("T1", p3.orderId(), 300, paid, paid)).isTrue();
        assertThat(m.down()).isTrue();
        assertThat(orders.recordPrepayment("T1", p3.orderId(), 300, paid, paid)).as("the cloud's resend").isFalse();
        assertThat(orders.find(p3.orderId()).orElseThrow().prepaidFen()).as("the exit prices it").isEqualTo(300);
        assertThat(orders.recordPrepayment("T2", p6.orderId(), 400, paid, paid)).isTrue();

        // the attendant corrects plates at the exit: the index finds the car under its new plate at once
        ParkingOrder fixed = orders.correctPlate(p4.orderId(), "京S00006");
        assertThat(fixed.plate()).isEqualTo("京S00006");
        assertThat(orders.findInLot("京S00006")).map(ParkingOrder::orderId).contains(p4.orderId());
        assertThat(orders.findInLot("京S00005")).isEmpty();
        orders.correctPlate(p5.orderId(), "京S00017");
        assertThatThrownBy(() -> orders.correctPlate("NOPE_1", "京S00099")).isInstanceOf(IllegalStateException.class);

        // a visitor comes in on its pass (counted), another whose pass is withdrawn at B meanwhile
        lanes.visitorEntered("京S00003", T0.plusSeconds(700));
        lanes.visitorEntered("京S00009", T0.plusSeconds(710));

        // p1 leaves paying 12.00 by its stored-value card (the exit flow: charge, then the exit)
        Instant out1 = T0.plusSeconds(3600);
        assertThat(lanes.chargeStoredValue("sv1", 1200, p1.orderId(), out1)).isTrue();
        orders.recordExit(closed(p1, "B1", out1, 1200, PaymentMethod.STORED_VALUE), 99);
        // p2 leaves with two coupons deducted, paid by code (the payment module's record)
        Instant out2 = T0.plusSeconds(3700);
        orders.recordExit(closed(p2, "B1", out2, 200, PaymentMethod.CASH), 99);
        assertThat(lanes.couponDeducted("t1", p2.orderId(), 500, out2)).isTrue();
        assertThat(lanes.couponDeducted("t2", p2.orderId(), 300, out2)).isTrue();
        PaymentRecord pay = new PaymentRecord(PaymentRecord.Kind.BOOTH_PAY, "W1", p2.orderId(), "B1", "京S00002", 1,
                "sweepcode", "wechat", 200, null, null, "op", "paid", out2);
        assertThat(paymentsA.record(pay)).isTrue();
        assertThat(paymentsA.record(pay)).as("the same answer again").isFalse();
        paymentsA.balance("京S00002", 8800, true, out2);
        assertThat(paymentsA.forOrder(p2.orderId())).as("no read of the server while down").isEmpty();

        // meanwhile at booth B: p5 and p6 leave; the card is charged 40.00 for another stay; coupon t2 is used by
        // another stay; the pass of 京S00009 is withdrawn
        siteB.recordExit(closed(p5, "C1", T0.plusSeconds(2000), 500, PaymentMethod.CASH), 99);
        siteB.recordExit(closed(p6, "C1", T0.plusSeconds(2100), 600, PaymentMethod.CASH), 99);
        assertThat(listsB.chargeStoredValue("sv1", 4000, "C1_OTHER", T0.plusSeconds(2200))).isTrue();
        assertThat(listsB.couponDeducted("t2", "C1_OTHER", 300, T0.plusSeconds(2200))).isTrue();
        b.write(c -> {
            listsB.store().saveVisitor(c, new VisitorRecord("v2", new VisitorPass("京S00009", T0.minusSeconds(3600),
                    T0.plus(Duration.ofDays(1)), 3, 0), 0, "", "", "撤销"));
            return null;
        });

        // journaled in the order they happened, the charge right before its exit (one local transaction)
        assertThat(m.journal().unreplayed(100)).extracting(OutageJournal.Entry::kind).containsExactly(
                OutageJournal.Kind.PREPAY, OutageJournal.Kind.PREPAY,
                OutageJournal.Kind.CORRECT_PLATE, OutageJournal.Kind.CORRECT_PLATE,
                OutageJournal.Kind.VISITOR, OutageJournal.Kind.VISITOR,
                OutageJournal.Kind.STORED_VALUE, OutageJournal.Kind.EXIT, OutageJournal.Kind.EXIT,
                OutageJournal.Kind.COUPON, OutageJournal.Kind.COUPON,
                OutageJournal.Kind.PAYMENT, OutageJournal.Kind.PAYMENT);
        assertThat(rows("SELECT COUNT(*) FROM prepayment")).isZero();

        proxy.restore();
        await().atMost(WAIT).until(() -> m.state() == SiteOutage.State.UP);
        assertThat(m.journal().waiting()).isZero();
        assertSiteAfterTheReplay(p1, p2, p3, p4, p5, p6);

        // the outbox: the card's 2.27 before p1's out_park (the journal's order), the coupon's 2.29 once
        List<OutboxEntry> out = outboxA.recent(1000).stream().sorted(Comparator.comparingLong(OutboxEntry::id))
                .toList();
        List<OutboxEntry> p1Deductions = out.stream().filter(e -> e.serviceName()
                .equals(ListUplinks.PREPAY_CARD_DEDUCTION) && e.json().contains(p1.orderId())).toList();
        assertThat(p1Deductions).hasSize(1);
        long deduction = p1Deductions.get(0).id();
        long p1Out = out.stream().filter(e -> p1.orderId().equals(e.orderKey()) && e.serviceName().equals("out_park"))
                .mapToLong(OutboxEntry::id).max().orElseThrow();
        assertThat(deduction).isLessThan(p1Out);
        int tickets = (int) out.stream().filter(e -> e.json().contains("\"t1\"")).count();
        assertThat(tickets).as("t1's 2.29 once").isEqualTo(1);

        // a crash before the journal marked its entries: the whole journal replayed again changes nothing
        m.journal().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outage_entry SET replayed_at = NULL")) {
                return ps.executeUpdate();
            }
        });
        assertThat(a.throughSuspension(() -> m.replay().replayAll())).isTrue();
        assertSiteAfterTheReplay(p1, p2, p3, p4, p5, p6);
        assertThat(outboxA.recent(1000)).hasSize(out.size());
    }

    private void assertSiteAfterTheReplay(ParkingOrder p1, ParkingOrder p2, ParkingOrder p3, ParkingOrder p4,
                                          ParkingOrder p5, ParkingOrder p6) {
        // prepayment: on p3 once; p6 was closed at B first: not added, a conflict
        assertThat(rows("SELECT COUNT(*) FROM prepayment WHERE trade_no = 'T1'")).isEqualTo(1);
        assertThat(siteB.find(p3.orderId()).orElseThrow().prepaidFen()).isEqualTo(300);
        assertThat(siteB.find(p6.orderId()).orElseThrow().prepaidFen()).isZero();
        assertThat(rows("SELECT COUNT(*) FROM prepayment WHERE trade_no = 'T2'")).isZero();
        // corrections: p4 under its new plate; p5 closed at B first keeps its plate
        assertThat(siteB.find(p4.orderId()).orElseThrow().plate()).isEqualTo("京S00006");
        assertThat(siteB.find(p5.orderId()).orElseThrow().plate()).isEqualTo("京S00007");
        // the visitor counted once; the withdrawn pass not
        assertThat(rows("SELECT used_entries FROM visitor WHERE visitor_id = 'v1'")).isEqualTo(1);
        assertThat(rows("SELECT used_entries FROM visitor WHERE visitor_id = 'v2'")).isZero();
        // the card: B's 40.00 and A's 12.00 both kept, the balance below zero
        assertThat(rows("SELECT COUNT(*) FROM prepay_trade WHERE card_id = 'sv1' AND order_id = '" + p1.orderId()
                + "'")).isEqualTo(1);
        assertThat(rows("SELECT balance_fen FROM prepay_card WHERE card_id = 'sv1'")).isEqualTo(-200);
        ParkingOrder r1 = siteB.find(p1.orderId()).orElseThrow();
        assertThat(r1.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(r1.paymentMethod()).isEqualTo(PaymentMethod.STORED_VALUE);
        // the coupons: t1 used by p2; t2 stays B's
        assertThat(rows("SELECT COUNT(*) FROM coupon WHERE ticket_id = 't1' AND status = 'USED' AND used_order_id = '"
                + p2.orderId() + "'")).isEqualTo(1);
        assertThat(rows("SELECT COUNT(*) FROM coupon WHERE ticket_id = 't2' AND used_order_id = 'C1_OTHER'"))
                .isEqualTo(1);
        // the payment module: the record once, the balance kept
        assertThat(rows("SELECT COUNT(*) FROM payment_record WHERE trade_no = 'W1'")).isEqualTo(1);
        assertThat(rows("SELECT balance_fen FROM member_balance WHERE plate = '京S00002'")).isEqualTo(8800);
        // the conflicts, by the written rules
        assertThat(m.conflicts(50)).extracting(OutageConflicts.Conflict::kind).containsExactlyInAnyOrder(
                "PREPAY_ORDER_CLOSED", "CORRECTION_ORDER_CLOSED", "VISITOR_NO_PASS", "STORED_VALUE_BELOW_ZERO",
                "COUPON_USED_ELSEWHERE");
        assertThat(m.conflicts(50)).filteredOn(c -> c.kind().equals("STORED_VALUE_BELOW_ZERO"))
                .singleElement().satisfies(c -> {
                    assertThat(c.orderId()).isEqualTo(p1.orderId());
                    assertThat(c.detail()).contains("sv1").contains("12.00").contains("below zero");
                });
        assertThat(m.conflicts(50)).filteredOn(c -> c.kind().equals("PREPAY_ORDER_CLOSED"))
                .extracting(OutageConflicts.Conflict::orderId).containsExactly(p6.orderId());
        assertThat(m.conflicts(50)).filteredOn(c -> c.kind().equals("CORRECTION_ORDER_CLOSED"))
                .extracting(OutageConflicts.Conflict::orderId).containsExactly(p5.orderId());
    }

    @Test
    void aBackOfficeWriteWhileDownIsRefusedWithABilingualMessageAndNothingIsWrittenLater() throws Exception {
        enter(orders, "A1", "京S00001", T0); // up: the pool has a connection to lose
        proxy.cut();
        enter(orders, "A1", "京S00002", T0.plusSeconds(10));
        assertThat(m.down()).isTrue();
        // a list edit (the back office's) is no write of the car's path: refused at once, said in both languages
        assertThatThrownBy(() -> a.write(c -> {
            listsA.store().saveStoredValue(c, new StoredValueAccount("sv9", List.of("京S00009"), "赵六", "139", 100,
                    "", ""));
            return null;
        })).isInstanceOf(StoreException.class).hasMessageContaining("站点数据库不可达")
                .hasMessageContaining("unreachable");
        proxy.restore();
        await().atMost(WAIT).until(() -> m.state() == SiteOutage.State.UP);
        assertThat(rows("SELECT COUNT(*) FROM prepay_card WHERE card_id = 'sv9'")).isZero();
        assertThat(m.journal().total()).as("only the entry was journaled").isEqualTo(1);
    }

    private int rows(String sql) {
        return b.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
