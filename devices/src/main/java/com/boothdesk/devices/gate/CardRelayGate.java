package com.boothdesk.devices.gate;

import com.boothdesk.devices.card.CommandOutcome;
import com.boothdesk.devices.card.LaneCard;
import com.boothdesk.devices.health.HealthStatus;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

/** Barrier on relay 0x0F of the lane card; window and throttle come from the card's {@code LaneCardOptions}. */
public final class CardRelayGate implements GateController {
    private final LaneCard card;
    private volatile boolean held;

    public CardRelayGate(LaneCard card) {
        this.card = Objects.requireNonNull(card, "card");
    }

    @Override
    public CompletableFuture<CommandOutcome> open() {
        return card.openGateAsync();
    }

    @Override
    public CompletableFuture<CommandOutcome> close() {
        held = false;
        return card.closeGateAsync();
    }

    @Override
    public CompletableFuture<CommandOutcome> keepOpen(boolean hold) {
        CompletableFuture<CommandOutcome> f = hold ? card.keepGateOpenAsync() : card.releaseGateAsync();
        return f.thenApply(o -> {
            if (o.delivered()) {
                held = hold;
            }
            return o;
        });
    }

    /** Only the held-open state is known (the card confirmed it); otherwise the card does not report. */
    @Override
    public GateState state() {
        return held ? GateState.HELD_OPEN : GateState.UNKNOWN;
    }

    @Override
    public GateRoute route() {
        return GateRoute.CARD_RELAY;
    }

    @Override
    public HealthStatus health() {
        return card.health();
    }

    @Override
    public void addHealthListener(Consumer<HealthStatus> listener) {
        card.addHealthListener(listener);
    }
}
