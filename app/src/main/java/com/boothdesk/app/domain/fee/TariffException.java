package com.boothdesk.app.domain.fee;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A tariff that cannot be used: unreadable, or with gaps, overlaps or impossible values. The message is English (logs,
 * the command line). What the validator finds also carries a key ({@code tariff.invalid.<key>} in the operator's
 * bundles), its arguments and where it is (vehicle class, calendar day), so a screen tells it in the operator's
 * language; a file that cannot be read has no key.
 */
public class TariffException extends Exception {

    private final String key;
    private final List<String> args;
    private final String vehicleClass;
    private final CalendarKind day;

    public TariffException(String message) {
        this(message, (Throwable) null);
    }

    public TariffException(String message, Throwable cause) {
        super(message, cause);
        this.key = null;
        this.args = List.of();
        this.vehicleClass = null;
        this.day = null;
    }

    /**
     * A problem the validator names.
     *
     * @param vehicleClass the class whose rules are wrong (null: the tariff as a whole)
     * @param day          the calendar day whose periods are wrong (null: not a day's periods)
     * @param key          the reason, {@code tariff.invalid.<key>}
     * @param args         the reason's arguments (periods, times, amounts), kept as text
     */
    public TariffException(String message, String vehicleClass, CalendarKind day, String key, Object... args) {
        super(message);
        this.key = key;
        List<String> a = new ArrayList<>();
        for (Object o : args) {
            a.add(String.valueOf(o));
        }
        this.args = Collections.unmodifiableList(a);
        this.vehicleClass = vehicleClass;
        this.day = day;
    }

    /** The reason's key ({@code tariff.invalid.<key>}); empty for a file that cannot be read. */
    public Optional<String> key() {
        return Optional.ofNullable(key);
    }

    /** The reason's arguments, as text (MessageFormat does not group or localise them). */
    public List<String> args() {
        return args;
    }

    /** The vehicle class whose rules are wrong, or null. */
    public String vehicleClass() {
        return vehicleClass;
    }

    /** The calendar day whose periods are wrong, or null. */
    public CalendarKind day() {
        return day;
    }
}
