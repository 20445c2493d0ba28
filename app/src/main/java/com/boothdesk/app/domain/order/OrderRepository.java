package com.boothdesk.app.domain.order;

import java.time.Instant;
import java.util.Collection;
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

    /**
     * As {@link #recordEntry(ParkingOrder, int)}, and the camera read that caused it (its intake journal entry,
     * {@code intakeId}; -1: none) leaves the journal in the same transaction, so that a crash can never leave a
     * recorded stay whose read is still pending (it would be decided a second time after the restart). Returns true
     * when the journal entry was settled here; false when the caller must settle it (stores without a journal).
     */
    default boolean recordEntry(ParkingOrder order, int emptySpaces, long intakeId) {
        recordEntry(order, emptySpaces);
        return false;
    }

    /** As {@link #recordExit(ParkingOrder, int)}, with the read's journal entry settled as for an entry. */
    default boolean recordExit(ParkingOrder closed, int emptySpaces, long intakeId) {
        recordExit(closed, emptySpaces);
        return false;
    }

    Optional<ParkingOrder> find(String orderId);

    /** The most recent in-lot order of exactly this plate. */
    Optional<ParkingOrder> findInLot(String plate);

    List<ParkingOrder> inLot();

    int countInLot();

    /** The plates of every stay in the lot (for the exit's fuzzy match: plates only, not whole rows). */
    java.util.Set<String> inLotPlates();

    /** How many of these plates are in the lot now (a monthly card's space group). */
    int countInLot(Collection<String> plates);

    /** In-lot orders whose plate contains {@code fragment}, newest first: the attendant's manual search. */
    List<ParkingOrder> searchInLot(String fragment, int limit);

    /**
     * Records money paid before the exit (3.2). Returns false, changing nothing, when this trade number was already
     * recorded (the cloud resends payment notices). Fails if the order is not in the lot.
     */
    boolean recordPrepayment(String tradeNo, String orderId, long fen, Instant paidAt, Instant received);

    /** Changes the plate of an in-lot order (a misread corrected) and returns the corrected order. */
    ParkingOrder correctPlate(String orderId, String newPlate);

    /** Newest first. */
    List<ParkingOrder> recent(int limit);
}
