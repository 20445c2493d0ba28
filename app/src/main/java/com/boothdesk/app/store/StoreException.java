package com.boothdesk.app.store;

/** A storage failure, with a message an attendant or technician can act on. */
public final class StoreException extends RuntimeException {
    public StoreException(String message, Throwable cause) {
        super(message, cause);
    }
}
