package com.boothdesk.app.domain.fee;

/** How a vehicle class is charged. */
public enum ChargeMode {
    /** Time-of-day periods with first and repeating units (the common shape). */
    PERIODS,
    /** A price per duration band ("≤20 分钟 5 元, ≤4 小时 10 元 …"), repeating per cycle (Taizhou). */
    LADDER,
    /** One price per visit (按次). */
    PER_VISIT,
    /** One price per started day (按天), day per {@link CapBasis}. */
    PER_DAY
}
