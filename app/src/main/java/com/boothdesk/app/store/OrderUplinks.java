package com.boothdesk.app.store;

import java.sql.Connection;
import java.sql.SQLException;

import com.boothdesk.app.domain.order.ParkingOrder;

/**
 * Writes the cloud uplinks an order change causes, inside the same transaction as the order row, so that the row
 * and its uplink are committed together or not at all.
 */
public interface OrderUplinks {

    OrderUplinks NONE = new OrderUplinks() {
        @Override
        public void entered(Connection txn, ParkingOrder order, int emptySpaces) {
        }

        @Override
        public void exited(Connection txn, ParkingOrder order, int emptySpaces) {
        }
    };

    void entered(Connection txn, ParkingOrder order, int emptySpaces) throws SQLException;

    void exited(Connection txn, ParkingOrder order, int emptySpaces) throws SQLException;

    /**
     * The plate of an in-lot stay was corrected (the attendant's F6 at the entry, or the cloud's 3.43); called in
     * the transaction of the change, before it commits.
     */
    default void corrected(Connection txn, String oldPlate, ParkingOrder corrected) throws SQLException {
    }

    /** Called after the transaction that wrote uplinks has committed. */
    default void committed() {
    }
}
