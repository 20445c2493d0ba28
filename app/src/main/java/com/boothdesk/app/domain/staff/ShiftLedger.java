package com.boothdesk.app.domain.staff;

import java.time.Instant;
import java.util.List;

/**
 * What happened in a shift, read from the store: the exits booked to it, the manual barrier movements of its
 * attendant, and the cars that came in and went out at this booth while it was on.
 */
public record ShiftLedger(Shift shift, Instant until, List<ShiftOrder> orders, List<ManualMove> moves,
                          List<Instant> entries, List<Instant> exits) {

    public ShiftLedger {
        orders = List.copyOf(orders);
        moves = List.copyOf(moves);
        entries = List.copyOf(entries);
        exits = List.copyOf(exits);
    }
}
