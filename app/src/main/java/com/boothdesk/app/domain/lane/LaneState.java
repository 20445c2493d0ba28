package com.boothdesk.app.domain.lane;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.order.ParkingOrder;

/**
 * What one lane shows now. Immutable; a new one is published on every change.
 *
 * @param messageKey resource-bundle key of the operator-facing message, with {@code messageArgs}
 */
public record LaneState(LaneInfo lane, LanePhase phase, PlateRead lastRead, ParkingOrder order, FeeQuote quote,
                        String messageKey, List<Object> messageArgs, Instant at) {

    public LaneState {
        messageArgs = List.copyOf(messageArgs);
    }

    public static LaneState idle(LaneInfo lane, Instant at) {
        return new LaneState(lane, LanePhase.IDLE, null, null, null, "lane.idle", List.of(), at);
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
