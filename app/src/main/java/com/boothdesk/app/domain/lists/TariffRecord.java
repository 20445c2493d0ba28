package com.boothdesk.app.domain.lists;

import java.util.Objects;

/**
 * A price record the cloud sent (3.5 price_sync). Only stored for reference: the tariff that prices stays is the
 * booth's own.
 *
 * @param priceId     price_id
 * @param carType     car type name
 * @param description describe
 */
public record TariffRecord(String priceId, String carType, String description) {

    public TariffRecord {
        Objects.requireNonNull(priceId, "priceId");
        carType = carType == null ? "" : carType;
        description = description == null ? "" : description;
    }
}
