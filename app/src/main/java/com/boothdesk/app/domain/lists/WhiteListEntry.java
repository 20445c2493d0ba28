package com.boothdesk.app.domain.lists;

import java.time.LocalDate;
import java.util.Objects;

/**
 * A white-list / internal car (内部车, 3.27 white_list_sync).
 *
 * @param plate     normalised plate
 * @param name      owner (user_name)
 * @param validFrom first valid day (park's zone)
 * @param validTo   last valid day, inclusive; {@link #FOREVER} for a long-term entry (end_type 1)
 * @param remark    free text (车位 and remark)
 */
public record WhiteListEntry(String plate, String name, LocalDate validFrom, LocalDate validTo, String remark) {

    /** validTo of a long-term entry. */
    public static final LocalDate FOREVER = LocalDate.of(9999, 12, 31);

    public WhiteListEntry {
        Objects.requireNonNull(plate, "plate");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        name = name == null ? "" : name;
        remark = remark == null ? "" : remark;
    }

    /** True from {@code validFrom} to {@code validTo}, both included. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    public boolean longTerm() {
        return validTo.equals(FOREVER);
    }
}
