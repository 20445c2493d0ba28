package com.boothdesk.app.domain.lane;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.plate.PlateCandidate;

/**
 * What one lane shows now. Immutable; a new one is published on every change.
 *
 * @param decision   the rung that decided and why (its message key explains it to the attendant)
 * @param candidates exit: in-lot stays whose plate is similar to the read, best first (AWAITING_MATCH)
 * @param kind       what kind of car it is, when known
 */
public record LaneState(LaneInfo lane, LanePhase phase, PlateRead lastRead, ParkingOrder order, FeeQuote quote,
                        Decision decision, List<Candidate> candidates, CarKind kind, Instant at) {

    /** A similar in-lot stay the attendant can pick. */
    public record Candidate(PlateCandidate match, ParkingOrder order) {
    }

    public LaneState {
        candidates = List.copyOf(candidates);
    }

    public static LaneState idle(LaneInfo lane, Instant at) {
        return new LaneState(lane, LanePhase.IDLE, null, null, null, Decision.of(Step.READ_QUALITY, "lane.idle"),
                List.of(), null, at);
    }

    public String messageKey() {
        return decision.messageKey();
    }

    public List<Object> messageArgs() {
        return decision.args();
    }

    public Optional<PlateRead> read() {
        return Optional.ofNullable(lastRead);
    }

    public Optional<ParkingOrder> currentOrder() {
        return Optional.ofNullable(order);
    }

    public Optional<FeeQuote> currentQuote() {
        return Optional.ofNullable(quote);
    }
}
