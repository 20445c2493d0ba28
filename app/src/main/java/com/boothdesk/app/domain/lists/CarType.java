package com.boothdesk.app.domain.lists;

import java.util.Objects;

/**
 * A car type (车型, 2.16 / 3.15).
 *
 * @param carTypeId id (no Chinese characters)
 * @param name      name, e.g. 大车
 * @param sort      display order
 */
public record CarType(String carTypeId, String name, int sort) {

    public CarType {
        Objects.requireNonNull(carTypeId, "carTypeId");
        name = name == null ? "" : name;
    }
}
