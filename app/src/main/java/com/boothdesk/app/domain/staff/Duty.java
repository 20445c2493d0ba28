package com.boothdesk.app.domain.staff;

import java.time.Instant;

/**
 * Who is on duty, for the header: the attendant, since when, and the money taken this shift. {@link #NOBODY} while
 * nobody is logged in.
 */
public record Duty(String userId, String name, Role role, String shiftId, Instant since, long receivedFen,
                   long cashFen) {

    public static final Duty NOBODY = new Duty(null, null, null, null, null, 0, 0);

    public boolean onDuty() {
        return userId != null;
    }
}
