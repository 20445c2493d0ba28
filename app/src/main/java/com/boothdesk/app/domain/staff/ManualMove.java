package com.boothdesk.app.domain.staff;

import java.time.Instant;

/** A barrier moved by hand during a shift, with its reason. */
public record ManualMove(Instant at, String laneId, boolean open, String reason) {
}
