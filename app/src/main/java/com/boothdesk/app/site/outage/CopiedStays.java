package com.boothdesk.app.site.outage;

import java.util.Optional;

import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.store.index.LotIndex;

/**
 * A car inside whose stay this booth has not seen as a whole row, while the site is down: the row of the booth's
 * {@link SiteCopy} (its fee class, kind, card, prepayment as of the copy) — the suspended site database reads the
 * copy — when the copy has that stay inside with the same plate; else nothing (the row is then made from the lot
 * index with the default class, as before).
 */
final class CopiedStays {

    private CopiedStays() {
    }

    static Optional<ParkingOrder> row(JdbcOrderRepository site, LotIndex.Car car) {
        try {
            return site.find(car.orderId())
                    .filter(o -> o.status() == OrderStatus.IN_LOT && o.plate().equals(car.plate()));
        } catch (RuntimeException noCopy) {
            return Optional.empty(); // no copy, or it cannot be read: the index's row
        }
    }
}
