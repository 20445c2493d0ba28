package com.boothdesk.app.domain.lists;

import java.util.List;
import java.util.Objects;

/**
 * A stored-value card with its holder (储值卡会员, 2.25 / 3.20).
 *
 * @param cardId     id shared with the cloud
 * @param plates     normalised plates it pays for
 * @param name       holder
 * @param mobile     phone
 * @param balanceFen balance
 * @param carTypeId  car type, "" when none
 * @param remark     free text
 */
public record StoredValueAccount(String cardId, List<String> plates, String name, String mobile, long balanceFen,
                                 String carTypeId, String remark) {

    public StoredValueAccount {
        Objects.requireNonNull(cardId, "cardId");
        plates = List.copyOf(plates);
        name = name == null ? "" : name;
        mobile = mobile == null ? "" : mobile;
        carTypeId = carTypeId == null ? "" : carTypeId;
        remark = remark == null ? "" : remark;
    }
}
