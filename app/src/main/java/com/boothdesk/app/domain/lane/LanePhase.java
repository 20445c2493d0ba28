package com.boothdesk.app.domain.lane;

/** Where a lane stands in its cycle; the booth screen shows one of these per lane. */
public enum LanePhase {
    /** Nothing happening. */
    IDLE,
    /** Entry: the car was let in. */
    ENTERED,
    /** The attendant must confirm (or refuse) before the gate opens: configured confirmation, low read
     *  confidence, no plate, a blacklisted car where the attendant decides. */
    AWAITING_CONFIRMATION,
    /** Exit: no exact record, but similar plates are in the lot; the attendant picks one. Nothing is billed before. */
    AWAITING_MATCH,
    /** Exit: the fee is known; waiting for the attendant to take it (or release free with a reason). */
    AWAITING_PAYMENT,
    /** Exit: no in-lot record and nothing similar; the attendant searches, or charges the no-record fee. */
    NO_RECORD,
    /** Exit: paid, free or monthly; the gate was opened. */
    RELEASED,
    /** The car was refused (blacklist, lot full, locked); the gate stays shut. */
    REFUSED,
    /** Something failed; the message says what. */
    ERROR
}
