package com.boothdesk.app.ui.keys;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Which lane the keys act on. The attendant selects by clicking a lane or with the next-lane key. The one automatic
 * move: when a car <b>newly</b> waits for the attendant at a lane and no other lane is waiting, that lane is selected
 * (nothing the attendant is working on can be taken away by a car arriving elsewhere). When two lanes wait, the
 * selection stays where it is until the attendant moves it. Pure: no JavaFX; not thread-safe (the FX thread owns it).
 */
public final class LaneSelection {

    private final List<String> lanes;
    private final Set<String> waiting = new LinkedHashSet<>();
    private String selected;

    public LaneSelection(List<String> lanes, String initial) {
        this.lanes = List.copyOf(lanes);
        if (this.lanes.isEmpty()) {
            throw new IllegalArgumentException("no lanes");
        }
        this.selected = initial != null && this.lanes.contains(initial) ? initial : this.lanes.get(0);
    }

    public String selected() {
        return selected;
    }

    /** The attendant chose this lane (click, or the next-lane key's target). */
    public void select(String lane) {
        if (!lanes.contains(lane)) {
            throw new IllegalArgumentException("no lane " + lane);
        }
        selected = lane;
    }

    /** Selects the lane after the selected one, in screen order; returns it. */
    public String next() {
        selected = lanes.get((lanes.indexOf(selected) + 1) % lanes.size());
        return selected;
    }

    /**
     * A lane started or stopped waiting for the attendant. Returns true when this moved the selection (the lane newly
     * waits and no other lane waits).
     */
    public boolean waiting(String lane, boolean nowWaiting) {
        Objects.requireNonNull(lane, "lane");
        if (!nowWaiting) {
            waiting.remove(lane);
            return false;
        }
        boolean newly = waiting.add(lane);
        if (!newly || selected.equals(lane)) {
            return false;
        }
        boolean othersWait = waiting.stream().anyMatch(l -> !l.equals(lane));
        if (othersWait) {
            return false;
        }
        selected = lane;
        return true;
    }

    public boolean isWaiting(String lane) {
        return waiting.contains(lane);
    }
}
