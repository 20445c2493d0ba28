package com.boothdesk.app.domain.fee;

/** What "a day" means for daily caps and per-day prices. */
public enum CapBasis {
    /** Midnight to midnight in the lot's time zone. */
    CALENDAR_DAY,
    /** Consecutive 24 hour windows counted from the entry time. */
    ROLLING_24H
}
