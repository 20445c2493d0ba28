package com.boothdesk.devices.serial;

/** Life cycle of a {@link SerialLink}. */
public enum LinkState {
    /** Never opened, or closed by its owner. */
    CLOSED,
    /** Open; bytes flow. */
    OPEN,
    /** The port went away (USB adapter unplugged, pseudo-terminal gone); the link keeps trying to reopen it. */
    RECONNECTING,
    /** Opening failed and the link is not retrying (only {@link SerialLink#open()} failures end here). */
    FAILED
}
