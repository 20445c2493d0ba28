package com.boothdesk.app.domain.lane;

/** The named rungs of the entry and exit ladders; every decision says which one decided it. */
public enum Step {
    /** The camera read: a plate at all, and its confidence. */
    READ_QUALITY,
    /** The same plate at the same lane a moment ago. */
    DEBOUNCE,
    /** An active blacklist entry. */
    BLACKLIST,
    /** A car its owner locked (3.9): it may not leave. */
    LOCK,
    /** No space left, by kind of car. */
    LOT_FULL,
    /** Monthly card, white list, visitor, stored value, or temporary. */
    LIST_STATUS,
    /** The attendant confirms, where configured. */
    CONFIRMATION,
    /** Exit: finding the in-lot record (exact, fuzzy, attendant's pick, none). */
    MATCH,
    /** Exit: the fee. */
    FEE,
    /** Exit: what was paid already (prepaid, balance) and what is still due. */
    PAYMENT,
    /** The attendant acted (cash, free release, correction, pick). */
    ATTENDANT
}
