package com.boothdesk.app.domain.lane;

import java.time.Instant;
import java.util.List;

/**
 * Every camera read, written durably before the camera is answered, until its lane has decided it. After a crash the
 * reads still here were answered but never decided: each lane shows them to the attendant on start.
 */
public interface IntakeJournal {

    /** No journal (unit tests, reads that do not come from a camera). */
    IntakeJournal NONE = new IntakeJournal() {
        @Override
        public long record(PlateRead read, boolean offline, Instant receivedAt) {
            return -1;
        }

        @Override
        public void settle(long id, String outcome) {
        }

        @Override
        public List<Entry> pending(String laneId) {
            return List.of();
        }
    };

    /** One answered read not yet decided. */
    record Entry(long id, PlateRead read, boolean offline, Instant receivedAt) {
    }

    /** Stores the read durably (committed when this returns) and returns its id. */
    long record(PlateRead read, boolean offline, Instant receivedAt);

    /** The lane decided the read (or showed it and the attendant acted): it leaves the journal. */
    void settle(long id, String outcome);

    /** The reads of a lane still undecided, oldest first. */
    List<Entry> pending(String laneId);
}
