package com.boothdesk.app.domain.lists;

import java.util.Objects;

import com.boothdesk.app.domain.fee.Coupon;

/**
 * A coupon a merchant gave a driver (3.12 deliver_ticket), as kept by the booth.
 *
 * @param coupon     what it takes off and until when (its id is the ticket_id)
 * @param plate      normalised plate it was given to
 * @param orderId    the stay it is bound to; "" = any stay of the plate
 * @param ticketType the protocol's ticket_type (0 金额 1 时长 2 全免 3 折扣 5 截止时间全免)
 * @param multiUse   a multi-use full-free coupon (time_range hours): using it does not consume it
 * @param shopName   商户名称
 * @param remark     free text
 */
public record IssuedCoupon(Coupon coupon, String plate, String orderId, int ticketType, boolean multiUse,
                           String shopName, String remark) {

    public IssuedCoupon {
        Objects.requireNonNull(coupon, "coupon");
        Objects.requireNonNull(plate, "plate");
        orderId = orderId == null ? "" : orderId;
        shopName = shopName == null ? "" : shopName;
        remark = remark == null ? "" : remark;
    }

    public String ticketId() {
        return coupon.id();
    }
}
