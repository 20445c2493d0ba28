package com.boothdesk.app.domain.lists;

import java.util.Objects;

/**
 * A monthly card with the details the cloud keeps about it (2.10 / 3.7).
 *
 * @param card          the card itself
 * @param packageId     the month-card package (pid), "" when none
 * @param tel           phone
 * @param address       address
 * @param remark        free text
 * @param priceFen      实收
 * @param receivableFen 应收
 * @param memberKind    月卡类型: 0 内部车, 1 月租车 (default), 2 时租车
 */
public record MonthMember(MonthlyCard card, String packageId, String tel, String address, String remark,
                          long priceFen, long receivableFen, int memberKind) {

    public MonthMember {
        Objects.requireNonNull(card, "card");
        packageId = packageId == null ? "" : packageId;
        tel = tel == null ? "" : tel;
        address = address == null ? "" : address;
        remark = remark == null ? "" : remark;
    }

    public static MonthMember of(MonthlyCard card) {
        return new MonthMember(card, "", "", "", "", 0, 0, 1);
    }
}
