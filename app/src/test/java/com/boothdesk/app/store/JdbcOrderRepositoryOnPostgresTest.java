package com.boothdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.app.domain.order.ParkingOrder;

/**
 * {@link JdbcOrderRepositoryTest} on a real PostgreSQL (the site database). A second process on the same database
 * is what a site is made of: where H2 refuses it, PostgreSQL lets a second booth in, and it sees the first's stay.
 */
class JdbcOrderRepositoryOnPostgresTest extends JdbcOrderRepositoryTest {

    JdbcOrderRepositoryOnPostgresTest() {
        stores = TestStore.postgres();
    }

    @Override
    @org.junit.jupiter.api.Test
    @org.junit.jupiter.api.DisplayName("a second booth on the same PostgreSQL database is let in and sees the first's stay")
    void aSecondProcessOnTheSameDatabaseGetsAClearMessage() {
        String id = orders.nextOrderId("A1", T0);
        orders.recordEntry(ParkingOrder.entered(id, "京A12345", "small", "A1", T0, "op1", null), 199);
        try (Database second = stores.open(dir)) {
            JdbcOrderRepository other = new JdbcOrderRepository(second, OrderUplinks.NONE);
            assertThat(other.findInLot("京A12345")).map(ParkingOrder::orderId).contains(id);
            assertThat(other.countInLot()).isEqualTo(1);
        }
    }
}
