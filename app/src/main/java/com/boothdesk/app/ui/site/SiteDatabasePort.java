package com.boothdesk.app.ui.site;

import java.time.Instant;
import java.util.List;

import com.boothdesk.app.ui.Messages;

/**
 * The site database as this booth sees it, for the header and the supervisor's list of replay conflicts. The state and
 * the counts are cheap (memory, refreshed by the status thread); {@link #conflicts} reads the site database and is
 * called off the FX thread.
 */
public interface SiteDatabasePort {

    /** Up, down (the lanes journal locally), or replaying the journal. */
    enum State { UP, DOWN, REPLAYING }

    State state();

    /** Journal entries not yet in the site database. */
    int waiting();

    /** Replay conflicts the site holds. */
    int conflictCount();

    /** The newest conflicts first (reads the site database). */
    List<ConflictRow> conflicts(int limit);

    /** One conflict as the list shows it. */
    record ConflictRow(Instant foundAt, String boothId, String kind, String orderId, String plate, Instant at,
                       String detail) {
    }

    /** The header's line: text (empty: nothing to say) and whether it is trouble. */
    record Line(String text, boolean trouble) {
        public static final Line NONE = new Line("", false);
    }

    /** What the header says: down / replaying with the journal's size, or the conflicts to look at. */
    default Line line(Messages msg) {
        return switch (state()) {
            case DOWN -> new Line(msg.get("header.site_db.down", waiting()), true);
            case REPLAYING -> new Line(msg.get("header.site_db.replaying", waiting()), true);
            case UP -> conflictCount() > 0 ? new Line(msg.get("header.site_db.conflicts", conflictCount()), false)
                    : Line.NONE;
        };
    }
}
