package com.boothdesk.app.domain.lane;

import java.util.List;

import com.boothdesk.app.domain.fee.Coupon;
import com.boothdesk.app.domain.order.ParkingOrder;

/**
 * What a lane waits for the attendant to do, if anything: the one piece of memory between a read and the
 * attendant's action. A lane holds at most one; a new car's read replaces it (the screen shows the new car).
 */
public sealed interface Waiting {

    /** The read the lane waits on. */
    PlateRead read();

    /** The phase the screen shows. */
    LanePhase phase();

    /**
     * Entry: the attendant confirms (F3) or refuses. {@code offline}: a re-pushed read of a car that has passed
     * already, confirmed into the record without moving the barrier.
     */
    record EntryConfirmation(PlateRead read, EntryLadder.EntryVerdict verdict, boolean offline) implements Waiting {
        @Override
        public LanePhase phase() {
            return LanePhase.AWAITING_CONFIRMATION;
        }
    }

    /** Exit: a free exit the attendant confirms (configured, or doubtful times, or the gate did not confirm). */
    record ExitConfirmation(PlateRead read, ParkingOrder order, ExitLadder.ExitVerdict verdict, List<Coupon> coupons)
            implements Waiting {
        public ExitConfirmation {
            coupons = List.copyOf(coupons);
        }

        @Override
        public LanePhase phase() {
            return LanePhase.AWAITING_CONFIRMATION;
        }
    }

    /** Exit: the fee is known; cash, free release with a reason, or the driver pays by the exit QR code. */
    record Payment(PlateRead read, ParkingOrder order, ExitLadder.ExitVerdict verdict, List<Coupon> coupons)
            implements Waiting {
        public Payment {
            coupons = List.copyOf(coupons);
        }

        @Override
        public LanePhase phase() {
            return LanePhase.AWAITING_PAYMENT;
        }
    }

    /** Exit: similar plates are in the lot; the attendant picks one (or charges the no-record fee). */
    record Match(PlateRead read, List<LaneState.Candidate> candidates) implements Waiting {
        public Match {
            candidates = List.copyOf(candidates);
        }

        @Override
        public LanePhase phase() {
            return LanePhase.AWAITING_MATCH;
        }
    }

    /**
     * Exit: no plate, or no record and nothing similar: the attendant types the plate, searches and picks, or
     * charges the no-record fee.
     */
    record Plate(PlateRead read) implements Waiting {
        @Override
        public LanePhase phase() {
            return LanePhase.NO_RECORD;
        }
    }
}
