package com.boothdesk.app.ui.port;

import java.util.List;

/** The lot's areas and the attendant's correction of their remaining spaces (blocking: call off the FX thread). */
public interface SpaceAdjustments {

    /** Area ids in configuration order ({@code main} when the lot has one area). */
    List<String> areas();

    int free(String area);

    /** Adds {@code delta} to the area's remaining spaces, recorded with the attendant and the reason; returns the new count. */
    int adjust(String area, int delta, String reason);
}
