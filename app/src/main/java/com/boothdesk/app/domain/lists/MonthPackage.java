package com.boothdesk.app.domain.lists;

import java.util.Objects;

/**
 * A month-card package (月卡套餐, 2.8 / 3.6).
 *
 * @param packageId   id shared with the cloud (pid of the members)
 * @param name        name
 * @param priceFen    price
 * @param period      天, 月, 季, 半年 or 年
 * @param description free text
 * @param carTypeId   car type it is for ("" = any)
 * @param longTerm    end_type 1: a long-term package
 */
public record MonthPackage(String packageId, String name, long priceFen, String period, String description,
                           String carTypeId, boolean longTerm) {

    public MonthPackage {
        Objects.requireNonNull(packageId, "packageId");
        name = name == null ? "" : name;
        period = period == null ? "" : period;
        description = description == null ? "" : description;
        carTypeId = carTypeId == null ? "" : carTypeId;
    }
}
