package com.boothdesk.app.domain.lane;

import com.boothdesk.app.domain.order.ParkingOrder;

/** The outcome of settling an exit: the closed order and the change to hand back (fen). */
public record SettleResult(ParkingOrder order, long tenderedFen, long changeFen) {
}
