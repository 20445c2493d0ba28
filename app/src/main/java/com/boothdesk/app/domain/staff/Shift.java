package com.boothdesk.app.domain.staff;

import java.time.Instant;
import java.util.Objects;

/**
 * One attendant's period on duty at one workstation (booth). Open while {@code endedAt} is null; the money of every
 * exit settled by this attendant in [{@code startedAt}, {@code endedAt}] belongs to it.
 *
 * @param shiftId     unique, max 24, the 2.5 work_record {@code uuid}
 * @param workstation the booth id ({@code work_station_uuid})
 * @param closedBy    who ended it: the attendant at a handover, or the supervisor who closed it
 */
public record Shift(String shiftId, String userId, String workstation, Instant startedAt, Instant endedAt,
                    String closedBy) {

    public Shift {
        Objects.requireNonNull(shiftId, "shiftId");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(workstation, "workstation");
        Objects.requireNonNull(startedAt, "startedAt");
    }

    public boolean open() {
        return endedAt == null;
    }

    public Shift closed(Instant at, String by) {
        return new Shift(shiftId, userId, workstation, startedAt, at, by);
    }
}
