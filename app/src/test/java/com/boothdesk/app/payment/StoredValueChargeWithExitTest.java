package com.boothdesk.app.payment;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.cloud.CloudBridge;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.lists.VehicleLists;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.store.OrderUplinks;
import com.boothdesk.app.store.TestStore;
import com.boothdesk.app.store.lists.ExitCharges;
import com.boothdesk.app.store.lists.ListUplinks;
import com.boothdesk.app.store.lists.ListsFixture;
import com.boothdesk.sdk.outbox.OutboxEntry;

/**
 * Defect (a) of issue 16: a stored-value charge at the exit and the exit record are one transaction. A failure
 * injected between the charge and the exit (inside the exit's transaction, after the charge was written) leaves
 * neither; the attendant's retry charges once. On the embedded H2 file; {@link StoredValueChargeWithExitOnPostgresTest}
 * runs the same on the real PostgreSQL.
 */
class StoredValueChargeWithExitTest {

    TestStore stores = TestStore.h2();

    @TempDir
    Path dir;
    ListsFixture f;
    Database db;
    JdbcOrderRepository orders;
    VehicleLists lanes;
    final AtomicBoolean failAfterCharge = new AtomicBoolean();

    @BeforeEach
    void open() {
        f = new ListsFixture(stores, dir);
        db = f.db;
        CloudBridge bridge = new CloudBridge(f.outbox, "A");
        OrderUplinks failing = new OrderUplinks() {
            @Override
            public void entered(Connection txn, ParkingOrder order, int emptySpaces) throws SQLException {
                bridge.entered(txn, order, emptySpaces);
            }

            @Override
            public void exited(Connection txn, ParkingOrder order, int emptySpaces) throws SQLException {
                if (failAfterCharge.get()) {
                    throw new SQLException("injected: the exit's write fails after the charge", "XX000");
                }
                bridge.exited(txn, order, emptySpaces);
            }

            @Override
            public void committed() {
                bridge.committed();
            }
        };
        orders = new JdbcOrderRepository(db, ExitCharges.around(db, failing));
        lanes = ExitCharges.atExit(f.lists);
        f.db.write(c -> {
            f.store.saveStoredValue(c, new StoredValueAccount("sv1", List.of("京G10001"), "王五", "138", 5000, "", ""));
            return null;
        });
    }

    @AfterEach
    void close() {
        f.close();
    }

    private ParkingOrder enter(String plate, Instant at) {
        ParkingOrder o = ParkingOrder.entered(orders.nextOrderId("A1", at), plate, "small", "A1", at, "op", null);
        orders.recordEntry(o, 99);
        return o;
    }

    private static ParkingOrder closed(ParkingOrder o, Instant at, long fen) {
        return o.closed("B1", at, fen, 0, PaymentMethod.STORED_VALUE, "op", null, null);
    }

    private long balance() {
        return f.db.read(c -> one(c, "SELECT balance_fen FROM prepay_card WHERE card_id = 'sv1'"));
    }

    private long trades() {
        return f.db.read(c -> one(c, "SELECT COUNT(*) FROM prepay_trade WHERE card_id = 'sv1'"));
    }

    private static long one(Connection c, String sql) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private List<String> services() {
        return f.outboxEntries().stream().map(OutboxEntry::serviceName).toList();
    }

    @Test
    void aFailureBetweenTheChargeAndTheExitLeavesNeitherAndTheRetryChargesOnce() {
        Instant in = ListsFixture.START;
        ParkingOrder stay = enter("京G10001", in);
        Instant out = in.plusSeconds(3600);

        // the exit flow: the card is checked and the charge kept for the exit, nothing is written yet
        assertThat(lanes.chargeStoredValue("sv1", 1200, stay.orderId(), out)).isTrue();
        assertThat(balance()).isEqualTo(5000);
        failAfterCharge.set(true);
        assertThatThrownBy(() -> orders.recordExit(closed(stay, out, 1200), 99, -1)).hasMessageContaining("injected");

        // neither the charge nor the exit: the card has its money, the car is inside, no 2.27 and no out_park
        assertThat(balance()).isEqualTo(5000);
        assertThat(trades()).isZero();
        assertThat(orders.find(stay.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.IN_LOT);
        assertThat(services()).containsExactly("in_park");

        // the attendant's retry runs the exit again: charged once, closed once, with its uplinks in that order
        failAfterCharge.set(false);
        assertThat(lanes.chargeStoredValue("sv1", 1200, stay.orderId(), out)).isTrue();
        orders.recordExit(closed(stay, out, 1200), 99, -1);
        assertThat(balance()).isEqualTo(3800);
        assertThat(trades()).isEqualTo(1);
        assertThat(orders.find(stay.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(services()).containsExactly("in_park", ListUplinks.PREPAY_CARD_DEDUCTION, "out_park");
        assertThat(ExitCharges.behind(lanes).orElseThrow().pending()).isZero();

        // the same order charged again (a second attempt's check): already paid, nothing more taken
        assertThat(lanes.chargeStoredValue("sv1", 1200, stay.orderId(), out)).isTrue();
        assertThat(balance()).isEqualTo(3800);
        assertThat(trades()).isEqualTo(1);
    }

    @Test
    void aChargeKeptForARetryIsAppliedByTheRetriedExitEvenWithoutASecondCheck() {
        ParkingOrder stay = enter("京G10001", ListsFixture.START);
        Instant out = ListsFixture.START.plusSeconds(600);
        assertThat(lanes.chargeStoredValue("sv1", 700, stay.orderId(), out)).isTrue();
        failAfterCharge.set(true);
        assertThatThrownBy(() -> orders.recordExit(closed(stay, out, 700), 99, -1));
        failAfterCharge.set(false);
        orders.recordExit(closed(stay, out, 700), 99, -1);
        assertThat(balance()).isEqualTo(4300);
        assertThat(trades()).isEqualTo(1);
    }

    @Test
    void aChargeOfAnAbandonedAttemptIsNotTakenByAnExitPaidOtherwise() {
        ParkingOrder stay = enter("京G10001", ListsFixture.START);
        Instant first = ListsFixture.START.plusSeconds(600);
        assertThat(lanes.chargeStoredValue("sv1", 700, stay.orderId(), first)).isTrue();
        // the barrier did not open; the car is let out later for cash, at another read
        ParkingOrder cash = stay.closed("B1", first.plusSeconds(120), 700, 700, PaymentMethod.CASH, "op", null, null);
        orders.recordExit(cash, 99, -1);
        assertThat(balance()).isEqualTo(5000);
        assertThat(trades()).isZero();
        assertThat(services()).containsExactly("in_park", "out_park");
    }

    @Test
    void aShortBalanceIsRefusedAtTheCheckAndNothingIsKept() {
        ParkingOrder stay = enter("京G10001", ListsFixture.START);
        Instant out = ListsFixture.START.plusSeconds(600);
        assertThat(lanes.chargeStoredValue("sv1", 5001, stay.orderId(), out)).isFalse();
        assertThat(ExitCharges.behind(lanes).orElseThrow().pending()).isZero();
        assertThat(lanes.chargeStoredValue("nope", 1, stay.orderId(), out)).isFalse();
    }

    @Test
    void aBalanceTakenBetweenTheCheckAndTheExitRefusesBothTogether() {
        ParkingOrder stay = enter("京G10001", ListsFixture.START);
        Instant out = ListsFixture.START.plusSeconds(600);
        assertThat(lanes.chargeStoredValue("sv1", 3000, stay.orderId(), out)).isTrue();
        // another booth (or the back office) charges the card for another stay meanwhile
        assertThat(f.lists.chargeStoredValue("sv1", 2500, "OTHER_1", out)).isTrue();
        assertThatThrownBy(() -> orders.recordExit(closed(stay, out, 3000), 99, -1))
                .hasMessageContaining("余额不足").hasMessageContaining("cannot pay");
        assertThat(balance()).isEqualTo(2500);
        assertThat(orders.find(stay.orderId()).orElseThrow().status()).isEqualTo(OrderStatus.IN_LOT);
    }
}
