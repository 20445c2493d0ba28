package com.boothdesk.app.domain.lane;

import java.util.List;

/**
 * The lot's remaining spaces, per area: each area's capacity, minus the cars inside that came in through its lanes,
 * plus the attendant's recorded corrections. The whole lot is the sum of its areas.
 */
public interface ParkSpaces {

    /** The areas, in configuration order; the first is where stays of unknown lanes count. */
    List<String> areas();

    /** The area a lane belongs to. */
    String areaOf(String laneId);

    int capacity(String area);

    /** Spaces free in an area now, never below 0 nor above its capacity. */
    int free(String area);

    /** Corrects an area's count (cars that left unseen, reserved spaces ...); recorded with who and why. */
    void adjust(String area, int delta, String reason, String operator);

    /** The whole lot. */
    default int capacity() {
        return areas().stream().mapToInt(this::capacity).sum();
    }

    /** The whole lot (the protocol's empty_plot). */
    default int free() {
        return areas().stream().mapToInt(this::free).sum();
    }
}
