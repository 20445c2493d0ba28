package com.boothdesk.app.site.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.cloud.CloudBridge;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.site.SitePostgres;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcGateEventLog;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.site.SiteDatabasePort;
import com.boothdesk.app.ui.site.SiteScreens;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxEntry;

/**
 * Booth A reaches the site's real PostgreSQL through a TCP proxy the test cuts; booth B reaches it directly. While A is
 * cut off it keeps recording (journal), B keeps working; when A's server is back the journal is replayed in order by
 * the written rule, once.
 */
class OutageReplayTest {

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");
    static final Duration WAIT = Duration.ofSeconds(60);

    @TempDir
    Path dir;
    CuttableProxy proxy;
    Database a;
    Database b;
    JdbcOutbox outboxA;
    JdbcOrderRepository siteA;
    JdbcOrderRepository siteB;
    JdbcGateEventLog gatesA;
    OutageModule m;
    OrderRepository orders;

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
        siteA = new JdbcOrderRepository(a, bridge);
        siteB = new JdbcOrderRepository(b, new CloudBridge(outboxB, "B"));
        gatesA = new JdbcGateEventLog(a, bridge);
        m = OutageModule.of(a, dir.resolve("outage"), "A", "small", siteA, gatesA, clock, Duration.ofMillis(100));
        orders = m.orders(siteA);
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

    private static ParkingOrder closed(ParkingOrder o, String lane, Instant when, long fen) {
        return o.closed(lane, when, fen, fen, PaymentMethod.CASH, "op", null, null);
    }

    @Test
    void aBoothCutOffKeepsRecordingAndItsJournalIsReplayedInOrderOnceByTheRule() throws Exception {
        ParkingOrder p1 = enter(orders, "A1", "京A00001", T0);
        ParkingOrder p2 = enter(orders, "A1", "京A00002", T0.plusSeconds(60));
        SiteDatabasePort port = SiteScreens.port(m);
        assertThat(port.state()).isEqualTo(SiteDatabasePort.State.UP);

        proxy.cut();
        // the first write that cannot reach the server finds the outage and is journaled, not lost
        ParkingOrder p3 = enter(orders, "A1", "京A00003", T0.plusSeconds(120));
        assertThat(m.state()).isEqualTo(SiteOutage.State.DOWN);
        assertThat(a.suspended()).isTrue();
        m.refreshCounts();
        assertThat(port.line(new Messages(java.util.Locale.SIMPLIFIED_CHINESE)).text()).contains("站点数据库断开")
                .contains("1");
        assertThat(port.line(new Messages(java.util.Locale.ENGLISH)).text()).contains("Site database down");

        // deciding from memory: the cars inside (the index), this booth's own entry of the outage
        assertThat(orders.findInLot("京A00002")).map(ParkingOrder::orderId).contains(p2.orderId());
        assertThat(orders.findInLot("京A00003")).map(ParkingOrder::orderId).contains(p3.orderId());
        assertThat(orders.countInLot()).isEqualTo(3);
        // order numbers while down: the local journal's, never one the site gives out
        assertThat(orders.nextOrderId("A1", T0.plusSeconds(130))).contains("_L");

        // while A is cut off: A lets p1 out first (3600 s), B lets it out later (4000 s): A's exit wins
        orders.recordExit(closed(p1, "B1", T0.plusSeconds(3600), 700), 99);
        m.gates(gatesA).record(new GateEvent("B1", T0.plusSeconds(3600), GateEvent.Action.OPEN,
                GateEvent.Cause.EXIT_PAID, "op", p1.orderId(), null));
        orders.recordExit(closed(p3, "B1", T0.plusSeconds(3700), 500), 99);
        assertThat(orders.findInLot("京A00003")).isEmpty();
        siteB.recordExit(closed(p1, "C1", T0.plusSeconds(4000), 800), 99);
        // p2: B lets it out first (1000 s), A later (5000 s): B's exit stands, A's is the conflict
        siteB.recordExit(closed(p2, "C1", T0.plusSeconds(1000), 300), 99);
        orders.recordExit(closed(p2, "B1", T0.plusSeconds(5000), 900), 99);
        assertThat(m.journal().waiting()).isEqualTo(5);
        assertThat(rows("SELECT COUNT(*) FROM parking_order WHERE order_id = '" + p3.orderId() + "'"))
                .isZero();

        proxy.restore();
        await().atMost(WAIT).until(() -> m.state() == SiteOutage.State.UP);
        assertThat(a.suspended()).isFalse();
        assertThat(m.journal().waiting()).isZero();
        assertThat(m.journal().total()).isEqualTo(5);

        ParkingOrder r1 = siteB.find(p1.orderId()).orElseThrow();
        assertThat(r1.exitLaneId()).isEqualTo("B1");
        assertThat(r1.outTime()).isEqualTo(T0.plusSeconds(3600));
        assertThat(r1.paidFen()).isEqualTo(700);
        ParkingOrder r2 = siteB.find(p2.orderId()).orElseThrow();
        assertThat(r2.exitLaneId()).isEqualTo("C1");
        ParkingOrder r3 = siteB.find(p3.orderId()).orElseThrow();
        assertThat(r3.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(r3.exitLaneId()).isEqualTo("B1");

        List<OutageConflicts.Conflict> conflicts = m.conflicts(10);
        assertThat(conflicts).extracting(OutageConflicts.Conflict::kind).containsExactlyInAnyOrder(
                "EXIT_TWICE_OTHER_LATER", "EXIT_TWICE");
        assertThat(conflicts).filteredOn(c -> c.kind().equals("EXIT_TWICE")).extracting(OutageConflicts.Conflict::orderId)
                .containsExactly(p2.orderId());

        // the journal's messages are in the site outbox in order, once; no second out_park for a stay let out twice
        assertThat(services(p3.orderId())).containsExactly("in_park", "out_park");
        assertThat(services(p1.orderId())).containsExactly("in_park", "out_park");
        assertThat(services(p2.orderId())).containsExactly("in_park", "out_park");
        assertThat(rows("SELECT COUNT(*) FROM gate_event WHERE lane_id = 'B1'")).isEqualTo(1);
        // the space counters agree with the stays
        assertThat(siteB.countInLot()).isZero();
        assertThat(rows("SELECT COUNT(*) FROM parking_order WHERE status = 'IN_LOT'")).isZero();

        // a crash before the journal marked its entries: the whole journal replayed again changes nothing
        m.journal().inTransaction(c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE outage_entry SET replayed_at = NULL")) {
                return ps.executeUpdate();
            }
        });
        assertThat(a.throughSuspension(() -> m.replay().replayAll())).isTrue();
        assertThat(services(p3.orderId())).containsExactly("in_park", "out_park");
        assertThat(services(p1.orderId())).containsExactly("in_park", "out_park");
        assertThat(m.conflicts(10)).hasSize(2);
        assertThat(rows("SELECT COUNT(*) FROM gate_event WHERE lane_id = 'B1'")).isEqualTo(1);
        Map<OutageReplay.Outcome, Integer> totals = m.replay().totals();
        assertThat(totals.get(OutageReplay.Outcome.ALREADY)).isGreaterThanOrEqualTo(4);
    }

    @Test
    void anEntryWhoseCarLeftThroughAnotherBoothMeanwhileIsKeptAsAConflictNotPutInside() throws Exception {
        enter(orders, "A1", "京A00009", T0); // up: the pool has a connection to lose
        proxy.cut();
        ParkingOrder mine = enter(orders, "A1", "京B00001", T0.plusSeconds(100));
        assertThat(m.down()).isTrue();
        // B never heard of it: the car is let out there as "no record" (a stay of its own, closed)
        ParkingOrder theirs = enter(siteB, "C2", "京B00001", T0.plusSeconds(200));
        siteB.recordExit(closed(theirs, "C1", T0.plusSeconds(300), 1000), 99);

        proxy.restore();
        await().atMost(WAIT).until(() -> m.state() == SiteOutage.State.UP);
        assertThat(siteB.find(mine.orderId())).isEmpty();
        assertThat(m.conflicts(10)).extracting(OutageConflicts.Conflict::kind)
                .containsExactly("ENTRY_CLOSED_ELSEWHERE");
        assertThat(outboxA.byOrderKey(mine.orderId())).isEmpty();
        assertThat(siteB.countInLot()).isEqualTo(1); // 京A00009 only
    }

    @Test
    void aReReadOfTheLotIndexThatIsTheFirstToFindTheServerGoneDoesNotLeaveTheOutageWithoutTheCarsInside() {
        ParkingOrder p = enter(orders, "A1", "京D00001", T0);
        ParkingOrder q = enter(orders, "A1", "京D00002", T0.plusSeconds(1));
        m.refreshCounts(); // the status thread, once a second while up: keeps a copy of the index
        proxy.cut();
        siteA.index().refresh(a); // the index's re-read (it clears itself first) meets the lost server
        assertThat(m.down()).isTrue();
        assertThat(siteA.index().size()).isEqualTo(2);
        assertThat(orders.findInLot("京D00001")).map(ParkingOrder::orderId).contains(p.orderId());
        assertThat(orders.findInLot("京D00002")).map(ParkingOrder::orderId).contains(q.orderId());
    }

    @Test
    void cameraReadsAreJournaledWhereTheyWereWrittenAndASiteReadDecidedWhileDownIsSettledThereAtTheReplay() {
        var intake = m.intake(new com.boothdesk.app.store.JdbcIntakeJournal(a));
        var read = new com.boothdesk.app.domain.lane.PlateRead("A1", "京E00001", 1, 90, T0, new byte[0], "test");
        long before = intake.record(read, false, T0); // up: the site's journal
        assertThat(before).isLessThan(OutageJournal.LOCAL_INTAKE_BASE);
        proxy.cut();
        long during = intake.record(read.withPlate("京E00002", 90, "test"), false, T0.plusSeconds(1));
        assertThat(m.down()).isTrue();
        assertThat(during).isGreaterThanOrEqualTo(OutageJournal.LOCAL_INTAKE_BASE);
        assertThat(intake.pending("A1")).extracting(e -> e.read().plate()).containsExactly("京E00002");
        intake.settle(before, "decided"); // decided while down (no stay): settled at the replay
        intake.settle(during, "decided");
        assertThat(intake.pending("A1")).isEmpty();

        proxy.restore();
        await().atMost(WAIT).until(() -> m.state() == SiteOutage.State.UP);
        assertThat(rows("SELECT COUNT(*) FROM intake_journal")).isZero();
        assertThat(intake.pending("A1")).isEmpty();
    }

    private List<String> services(String orderId) {
        return outboxA.byOrderKey(orderId).stream().sorted(java.util.Comparator.comparingLong(OutboxEntry::id))
                .map(OutboxEntry::serviceName).toList();
    }

    private int rows(String sql) {
        return b.read(c -> count(c, sql));
    }

    private static int count(java.sql.Connection c, String sql) throws java.sql.SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        }
    }
}
