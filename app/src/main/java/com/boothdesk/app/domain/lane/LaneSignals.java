package com.boothdesk.app.domain.lane;

import java.util.List;

/**
 * What a lane can do to the outside world: the barrier, the LED screen and the voice. Implemented in the
 * application's hardware wiring; every call returns at once (the device work runs on the device's own thread).
 */
public interface LaneSignals {

    /** Raises the barrier of the lane. */
    void openGate(LaneInfo lane);

    /** Lowers the barrier of the lane (attendant or remote command; normally the barrier's loop closes it). */
    void closeGate(LaneInfo lane);

    /** Shows lines on the lane's LED screen and speaks {@code voice} (may be empty). */
    void announce(LaneInfo lane, List<String> lines, String voice);
}
