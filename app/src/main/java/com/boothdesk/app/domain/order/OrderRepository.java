package com.boothdesk.app.domain.order;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Durable store of parking orders. Every write is committed to disk before the method returns, together with the
 * cloud uplink it causes (in_park for an entry, out_park for an exit), so that neither is ever lost alone.
 */
public interface OrderRepository {

    /** A new order id for a stay entering at {@code laneId}, unique across restarts. */
    String nextOrderId(String laneId, Instant at);

    /** Stores a new in-lot order; an older in-lot order of the same plate is marked superseded. */
    void recordEntry(ParkingOrder order, int emptySpaces);

    /** Stores the closed order. Fails if the order is not in the lot any more (settled twice). */
    void recordExit(ParkingOrder closed, int emptySpaces);

    Optional<ParkingOrder> find(String orderId);

    /** The most recent in-lot order of exactly this plate. */
    Optional<ParkingOrder> findInLot(String plate);

    List<ParkingOrder> inLot();

    int countInLot();

    /** Newest first. */
    List<ParkingOrder> recent(int limit);
}
