package com.boothdesk.app.domain.lists;

import java.time.Instant;
import java.util.Objects;

/**
 * An approved visitor pass (访客, 3.19 visitor_sync).
 *
 * @param plate        normalised plate
 * @param validFrom    first instant the pass may be used
 * @param validTo      last instant the pass may be used
 * @param maxEntries   how many entries it allows; 0 = no limit
 * @param usedEntries  entries already made with it
 */
public record VisitorPass(String plate, Instant validFrom, Instant validTo, int maxEntries, int usedEntries) {

    public VisitorPass {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
    }

    /** Inside its time range (both ends included) and entries left. */
    public boolean usableAt(Instant at) {
        return !at.isBefore(validFrom) && !at.isAfter(validTo) && (maxEntries == 0 || usedEntries < maxEntries);
    }

    /** Entries left; {@link Integer#MAX_VALUE} when unlimited. */
    public int entriesLeft() {
        return maxEntries == 0 ? Integer.MAX_VALUE : Math.max(0, maxEntries - usedEntries);
    }
}
