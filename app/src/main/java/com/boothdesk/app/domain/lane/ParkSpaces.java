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

    /**
     * Reserves one space of {@code area} for the car about to pass an entry barrier, before the barrier opens, so
     * that two lanes (of this booth, or of another booth on the site's database) never both admit the last space.
     * {@code holdId} is the stay's order id. False when the area has no space left once the other lanes' holds are
     * counted. A hold counts as a used space until {@link #entered} (its stay is recorded and counts the car) or
     * {@link #release} (the car did not pass); on a site database also until it expires (a booth that died).
     */
    default boolean hold(String area, String holdId) {
        return free(area) > 0;
    }

    /** The stay of {@code holdId} is recorded: the car counts in its lane's count now, the hold ends. */
    default void entered(String holdId) {
    }

    /** The car of {@code holdId} did not pass (refused, cancelled, the barrier failed): the space is free again. */
    default void release(String holdId) {
    }

    /** The whole lot. */
    default int capacity() {
        return areas().stream().mapToInt(this::capacity).sum();
    }

    /** The whole lot (the protocol's empty_plot). */
    default int free() {
        return areas().stream().mapToInt(this::free).sum();
    }
}
