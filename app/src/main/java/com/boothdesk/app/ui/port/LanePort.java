package com.boothdesk.app.ui.port;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.boothdesk.app.LaneEcho;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.lane.LaneInfo;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.domain.lane.SettleResult;
import com.boothdesk.app.domain.order.ParkingOrder;

/**
 * What the lane screen may ask of one lane: its state feed, its LED/voice echo, and the attendant's commands. Every
 * command completes on the lane's own thread (never blocks the caller); {@link #search} and {@link #picture} read the
 * store and must be called off the FX thread (through the UI executor).
 */
public interface LanePort {

    LaneInfo lane();

    /** The lane's name and direction as they change (3.13 gate_sync renames a lane); the current one first. */
    default Observable<LaneInfo> laneInfo() {
        return new Observable<>(lane());
    }

    /** The lane's state; listeners run on the publisher's thread. */
    Observable<LaneState> state();

    /** What the lane's LED shows and what its voice said last. */
    Observable<LaneEcho> echo();

    /** Reasons offered for a free release (site configuration {@code rules.free_reasons}). */
    List<String> freeReasons();

    CompletableFuture<Void> confirm();

    CompletableFuture<Void> refuse();

    CompletableFuture<Void> correctPlate(String plate);

    CompletableFuture<Void> pick(String orderId);

    CompletableFuture<Void> chargeNoRecord(String reason);

    /** Cash for the waiting car; {@code tenderedFen} 0 means exactly the fee. */
    CompletableFuture<SettleResult> settleCash(long tenderedFen);

    CompletableFuture<?> releaseFree(String reason);

    /** The attendant's manual barrier command, reason required; recorded with who, why and a picture. */
    CompletableFuture<Void> barrier(BarrierAction action, String reason);

    /** In-lot stays whose plate contains {@code fragment} (blocking: reads the store). */
    List<ParkingOrder> search(String fragment);

    /** A stored picture (an order's entry picture) by its reference (blocking: reads the disk). */
    Optional<byte[]> picture(String ref);

    /** proto3: the fee classes the attendant may switch to at this exit (the tariff's), in order; none: no switch. */
    default List<com.boothdesk.app.domain.lane.VehicleClasses.Choice> vehicleClasses() {
        return List.of();
    }

    /** proto3: the attendant switches the fee class of the car waiting at this exit; the fee is recomputed. */
    default CompletableFuture<Void> switchClass(String vehicleClass) {
        return CompletableFuture.failedFuture(new UnsupportedOperationException("switchClass"));
    }
}
