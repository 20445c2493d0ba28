package com.boothdesk.app.domain.lane;

import java.util.List;
import java.util.concurrent.CompletableFuture;

import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.gate.GateOutcome;

/**
 * What a lane can do to the outside world: the barrier, the LED screen and the voice. Implemented in the
 * application's hardware wiring; every call returns at once (the device work runs on the device's own thread).
 */
public interface LaneSignals {

    /** Raises the barrier of the lane. */
    void openGate(LaneInfo lane);

    /** Lowers the barrier of the lane (attendant or remote command; normally the barrier's loop closes it). */
    void closeGate(LaneInfo lane);

    /** Shows lines on the lane's LED screen and speaks {@code voice} (may be empty). */
    void announce(LaneInfo lane, List<String> lines, String voice);

    /**
     * Moves the barrier and completes with what the device confirmed (the card's ACK, the camera reply handed to
     * the camera, or the failure). The lane records that outcome, and only a {@link GateOutcome#moved() moved}
     * barrier counts as a passage. This default, for devices that report nothing, sends and calls it sent.
     */
    default CompletableFuture<GateOutcome> move(LaneInfo lane, BarrierAction action) {
        switch (action) {
            case OPEN -> openGate(lane);
            case CLOSE -> closeGate(lane);
            default -> {
                return CompletableFuture.completedFuture(GateOutcome.unsupported(action + " is not wired"));
            }
        }
        return CompletableFuture.completedFuture(GateOutcome.sent("no confirmation from this device"));
    }
}
