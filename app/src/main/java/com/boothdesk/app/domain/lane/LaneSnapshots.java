package com.boothdesk.app.domain.lane;

import java.util.Optional;

/** A picture of the lane now, for the evidence of a manual barrier movement. */
@FunctionalInterface
public interface LaneSnapshots {

    LaneSnapshots NONE = lane -> Optional.empty();

    /** JPEG bytes, or empty when no picture could be taken (logged by the implementation). */
    Optional<byte[]> take(LaneInfo lane);
}
