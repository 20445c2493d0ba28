package com.boothdesk.app.ui.keys;

import java.util.Locale;
import java.util.Optional;

/** What the attendant can do with a key. The name in keymap.properties is the lower-case enum name. */
public enum Action {
    CASH, FREE, CONFIRM, REFUSE, NO_RECORD, CORRECT,
    PICK_1, PICK_2, PICK_3, PICK_4, PICK_5,
    BARRIER_OPEN, BARRIER_CLOSE, KEEP_OPEN, RELEASE_KEEP_OPEN,
    NEXT_LANE,
    /** shiftops: the handover screen (换班), booth-wide. */
    HANDOVER,
    /** proto3: the next fee class for the car waiting at the exit (车型切换). */
    VEHICLE_CLASS,
    /** proto4: the car waiting to pay leaves now and pays later (2.44 先走后付), when the site's rule allows. */
    LATER_PAY;

    /** The key in keymap.properties, e.g. {@code no_record}. */
    public String configName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Action> fromConfigName(String name) {
        for (Action a : values()) {
            if (a.configName().equals(name.trim().toLowerCase(Locale.ROOT))) {
                return Optional.of(a);
            }
        }
        return Optional.empty();
    }

    /** 1-5 for the pick actions, else 0. */
    public int pickIndex() {
        return name().startsWith("PICK_") ? Integer.parseInt(name().substring(5)) : 0;
    }

    /** Acts on the booth (which lane is selected), not on a lane's car. */
    public boolean isBoothWide() {
        return this == NEXT_LANE || this == HANDOVER;
    }
}
