package com.boothdesk.app.domain.order;

/** Life of a parking order (one stay). */
public enum OrderStatus {
    /** The car is in the lot. */
    IN_LOT,
    /** The car left and the stay was settled. */
    CLOSED,
    /** A newer entry of the same plate replaced this open order (the car was not seen leaving). */
    SUPERSEDED
}
