package com.boothdesk.devices.templates;

import java.util.Locale;

/** Lane outcomes that have a screen and voice template. */
public enum Outcome {
    WELCOME,
    FEE_DUE,
    MONTHLY_DAYS_LEFT,
    EXPIRED,
    BLACKLISTED,
    LOT_FULL,
    GOOD_TRIP,
    /** The idle screen between cars. */
    IDLE;

    /** The key prefix in the template file, e.g. {@code fee_due}. */
    public String key() {
        return name().toLowerCase(Locale.ROOT);
    }
}
