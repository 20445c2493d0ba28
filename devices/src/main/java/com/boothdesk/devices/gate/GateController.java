package com.boothdesk.devices.gate;

import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.health.HealthSource;
import java.util.concurrent.CompletableFuture;

/**
 * One lane's barrier. Every implementation keeps the safety rules: a command that cannot go out within its window
 * (default 2 s) is dropped and logged, never sent late; opens closer together than the throttle (default 1 s) are
 * ignored. Closing is normally done by the barrier's own loop detector; {@link #close()} is for the attendant.
 */
public interface GateController extends HealthSource {
    /** Pulses the open relay. */
    CompletableFuture<CommandOutcome> open();

    /** Pulses the close relay ({@link CommandOutcome.Status#REJECTED} where the route has none). */
    CompletableFuture<CommandOutcome> close();

    /** Holds the barrier open ({@code true}) or releases it ({@code false}). */
    CompletableFuture<CommandOutcome> keepOpen(boolean hold);

    /** Position if the device reports it, else {@link GateState#UNKNOWN}. */
    GateState state();

    GateRoute route();
}
