package com.boothdesk.app.store.history;

import java.time.Instant;

/** One recorded barrier movement in the history (gate events are searchable by themselves). */
public record GateRow(long id, String laneId, Instant at, String action, String cause, String operator,
                      String orderId, String reason, String image, String outcome, String outcomeDetail) {

    /** A movement by an attendant's hand (F7–F10, the lane buttons) rather than a car's decision. */
    public boolean manual() {
        return "MANUAL".equals(cause);
    }
}
