package com.boothdesk.app.domain.lane;

/** Where a lane stands in its cycle; the booth screen shows one of these per lane. */
public enum LanePhase {
    /** Nothing happening. */
    IDLE,
    /** Entry: the car was let in. */
    ENTERED,
    /** Exit: an in-lot order was found and a fee is due; waiting for the attendant. */
    AWAITING_PAYMENT,
    /** Exit: no in-lot record for the plate; the attendant must decide. */
    NO_RECORD,
    /** Exit: paid or free, the gate was opened. */
    RELEASED,
    /** Something failed; the message says what. */
    ERROR
}
