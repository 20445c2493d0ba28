package com.boothdesk.sdk.message.downlink;

import java.util.ArrayList;
import java.util.List;

import com.boothdesk.sdk.protocol.ServiceName;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * 3.30 积分电子券信息同步 ({@code member_discount}, from 泊链): the driver chose points or e-coupons for an order; the
 * booth applies them so that the next price query answers the reduced price. Answered with request_no.
 *
 * @param requestNo echoed
 * @param orderId   the stay
 * @param carNumber its plate
 * @param memberId  泊链 member
 * @param pointsUse points used (0 when none)
 * @param couponIds coupon_choose[].coupon_id
 */
public record MemberDiscount(String requestNo, String orderId, String carNumber, String memberId, long pointsUse,
                             List<String> couponIds) {

    public static final DownlinkType<MemberDiscount> TYPE = DownlinkType.of(ServiceName.MEMBER_DISCOUNT, in -> {
        List<String> ids = new ArrayList<>();
        JsonNode arr = in.node("coupon_choose");
        if (arr != null && arr.isTextual()) {
            try {
                arr = com.boothdesk.sdk.wire.WireCodec.MAPPER.readTree(arr.asText());
            } catch (java.io.IOException e) {
                throw new DownlinkFieldException("字段 coupon_choose 不是 JSON 数组");
            }
        }
        if (arr != null && arr.isArray()) {
            for (JsonNode c : arr) {
                String id = c.isObject() ? c.path("coupon_id").asText("").trim() : c.asText("").trim();
                if (!id.isEmpty() && ids.size() < 50) {
                    ids.add(id);
                }
            }
        } else if (arr != null && !arr.isNull()) {
            throw new DownlinkFieldException("字段 coupon_choose 不是 JSON 数组");
        }
        Long points = in.number("points_use");
        return new MemberDiscount(in.require("request_no"), in.require("order_id"), in.require("car_number"),
                in.text("member_id", ""), points == null ? 0 : points, List.copyOf(ids));
    });
}
