package com.boothdesk.app.ui.header;

import java.time.LocalDate;
import java.util.Optional;

/**
 * The park's validity as the cloud last sent it (3.35 {@code park_valid}), for the header's warning. Cheap to call
 * (the header asks once a second on the FX thread): the answer comes from memory, never from the database.
 */
@FunctionalInterface
public interface ParkValidityPort {

    /** Empty while the validity is unknown or further away than the warning time; else its last day. */
    Optional<Warning> warning();

    /**
     * @param until   the last day the park is valid (in the site's zone)
     * @param expired the validity has already ended
     */
    record Warning(LocalDate until, boolean expired) {
    }

    /** Attaches the running booth's 3.35 validity to the header (no-op for a context without the protocol half). */
    static void attach(HeaderViewModel header, com.boothdesk.app.BoothContext ctx) {
        if (ctx instanceof com.boothdesk.app.BoothApp app) {
            // asked at each refresh: the window may be built before the protocol half is installed
            header.parkValidity(() -> app.protocol() == null ? Optional.empty()
                    : app.protocol().validity().map(v -> new Warning(v.until(), v.expired())));
        }
    }
}
