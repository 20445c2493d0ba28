package com.boothdesk.app.domain.gate;

/**
 * What the attendant (or the cloud) can ask a lane's barrier to do by hand, outside the ladders. Every one needs a
 * reason and is recorded with who, why and a picture before the command goes out.
 */
public enum BarrierAction {
    /** Lift once; the barrier falls again after the car. */
    OPEN,
    /** Lower now. */
    CLOSE,
    /** Lift and stay up (常开), e.g. for a queue at rush hour or an emergency. */
    KEEP_OPEN,
    /** End a keep-open: the barrier goes back to normal work and falls. */
    RELEASE_KEEP_OPEN
}
