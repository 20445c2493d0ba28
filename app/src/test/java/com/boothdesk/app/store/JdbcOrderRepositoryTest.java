package com.boothdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashSet;
import java.util.Set;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.cloud.CloudBridge;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxEntry;

class JdbcOrderRepositoryTest {

    /** The database the tests run on (the PostgreSQL subclass sets it). */
    TestStore stores = TestStore.h2();

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir
    Path dir;
    Database db;
    JdbcOutbox outbox;
    JdbcOrderRepository orders;

    @BeforeEach
    void open() {
        db = stores.open(dir);
        outbox = new JdbcOutbox(db.dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
        orders = new JdbcOrderRepository(db, new CloudBridge(outbox, "B1"));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void anEntryAndItsInParkUplinkAreStoredTogetherAndSurviveAReopen() {
        String id = orders.nextOrderId("A1", T0);
        orders.recordEntry(ParkingOrder.entered(id, "京A12345", "small", "A1", T0, "op1", null), 199);

        db.close();
        db = stores.open(dir);
        orders = new JdbcOrderRepository(db, OrderUplinks.NONE);
        outbox = new JdbcOutbox(db.dataSource(), Clock.systemUTC());

        ParkingOrder o = orders.findInLot("京A12345").orElseThrow();
        assertThat(o.orderId()).isEqualTo(id);
        assertThat(o.inTime()).isEqualTo(T0);
        assertThat(o.status()).isEqualTo(OrderStatus.IN_LOT);
        assertThat(outbox.byOrderKey(id)).extracting(OutboxEntry::serviceName).containsExactly("in_park");
        assertThat(outbox.byOrderKey(id).get(0).json()).contains("\"order_id\":\"" + id + "\"")
                .contains("\"empty_plot\":199");
    }

    @Test
    void settlingAnExitClosesTheOrderOnceAndQueuesOutPark() {
        String id = orders.nextOrderId("A1", T0);
        ParkingOrder in = ParkingOrder.entered(id, "京A12345", "small", "A1", T0, "op1", null);
        orders.recordEntry(in, 199);
        ParkingOrder closed = in.closed("B1", T0.plusSeconds(3 * 3600), 700, 700, PaymentMethod.CASH, "op2", null,
                null);
        orders.recordExit(closed, 200);

        ParkingOrder stored = orders.find(id).orElseThrow();
        assertThat(stored.status()).isEqualTo(OrderStatus.CLOSED);
        assertThat(stored.paidFen()).isEqualTo(700);
        assertThat(stored.paymentMethod()).isEqualTo(PaymentMethod.CASH);
        assertThat(orders.findInLot("京A12345")).isEmpty();
        assertThat(outbox.byOrderKey(id)).extracting(OutboxEntry::serviceName).containsExactly("in_park", "out_park");

        assertThatThrownBy(() -> orders.recordExit(closed, 200)).hasMessageContaining("not in the lot");
        assertThat(outbox.byOrderKey(id)).hasSize(2);
    }

    @Test
    void whenTheUplinkCannotBeStoredTheOrderIsNotStoredEither() {
        JdbcOrderRepository failing = new JdbcOrderRepository(db, new OrderUplinks() {
            @Override
            public void entered(Connection txn, ParkingOrder order, int emptySpaces) throws SQLException {
                throw new SQLException("disk full (simulated)");
            }

            @Override
            public void exited(Connection txn, ParkingOrder order, int emptySpaces) {
            }
        });
        String id = failing.nextOrderId("A1", T0);
        assertThatThrownBy(() -> failing.recordEntry(
                ParkingOrder.entered(id, "京A12345", "small", "A1", T0, "op1", null), 1))
                .hasMessageContaining("disk full");
        assertThat(orders.find(id)).isEmpty();
    }

    @Test
    void aNewEntryOfAPlateStillInTheLotSupersedesTheOldOrder() {
        String first = orders.nextOrderId("A1", T0);
        orders.recordEntry(ParkingOrder.entered(first, "京A12345", "small", "A1", T0, "op1", null), 199);
        String second = orders.nextOrderId("A1", T0.plusSeconds(60));
        orders.recordEntry(ParkingOrder.entered(second, "京A12345", "small", "A1", T0.plusSeconds(60), "op1", null),
                199);

        assertThat(orders.find(first).orElseThrow().status()).isEqualTo(OrderStatus.SUPERSEDED);
        assertThat(orders.findInLot("京A12345").orElseThrow().orderId()).isEqualTo(second);
        assertThat(orders.countInLot()).isEqualTo(1);
    }

    @Test
    void orderIdsAreUniqueAndFitTheProtocol() {
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < 500; i++) {
            String id = orders.nextOrderId("A1", T0);
            assertThat(id).matches("[0-9A-Za-z_]{1,48}");
            ids.add(id);
        }
        assertThat(ids).hasSize(500);
    }

    @Test
    void aSecondProcessOnTheSameDatabaseGetsAClearMessage() {
        // H2 in embedded mode locks the file for the JVM; a second JVM is what a booth would meet. Within one JVM
        // the same URL shares the database, so the lock is shown through a child process.
        ProcessBuilder pb = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp", System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
                OpenDatabase.class.getName(), dir.toString());
        pb.redirectErrorStream(true);
        try {
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(p.waitFor()).isEqualTo(3);
            assertThat(out).contains("in use by another process");
        } catch (java.io.IOException | InterruptedException e) {
            throw new AssertionError(e);
        }
    }

    /** Child process: tries to open the database and exits 3 with the message when it is in use. */
    public static final class OpenDatabase {
        public static void main(String[] args) {
            try (Database d = Database.open(Path.of(args[0]))) {
                System.out.println("opened");
                System.exit(0);
            } catch (StoreException e) {
                System.out.println(e.getMessage());
                System.exit(3);
            }
        }
    }
}
