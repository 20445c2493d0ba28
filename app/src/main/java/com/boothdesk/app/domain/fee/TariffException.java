package com.boothdesk.app.domain.fee;

/** A tariff that cannot be used: unreadable, or with gaps, overlaps or impossible values. */
public class TariffException extends Exception {

    public TariffException(String message) {
        super(message);
    }

    public TariffException(String message, Throwable cause) {
        super(message, cause);
    }
}
