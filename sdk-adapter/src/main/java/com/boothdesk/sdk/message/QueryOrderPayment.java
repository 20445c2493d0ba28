package com.boothdesk.sdk.message;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * One element of the 2.19 answer's {@code data} array (seed table).
 *
 * @param state          支付结果 1 成功 0 失败
 * @param carNumber      车牌号
 * @param orderId        订单号
 * @param payType        sweepcode / wallet / scancode (optional)
 * @param payScene       prepay / outpay (optional)
 * @param payChannel     0 微信 1 支付宝 2 余额 3 银联 (see {@link PayChannel})
 * @param inTime         进场时间, unix s
 * @param outTime        出场时间, unix s
 * @param payTime        支付时间, unix s
 * @param moneyFen       支付金额 in fen (the wire has yuan text, "0.01")
 * @param errmsg         消息提示
 * @param tradeNo        交易流水号
 */
public record QueryOrderPayment(int state, String carNumber, String orderId, String payType, String payScene,
                                int payChannel, long inTime, long outTime, long payTime, long moneyFen,
                                String errmsg, String tradeNo) {

    /** True when the payment succeeded. */
    public boolean paid() {
        return state == 1;
    }

    /** Strict writing in the seed's field order and types. */
    public ObjectNode toJson() {
        new Checks().required("car_number", carNumber, 8).required("order_id", orderId, 48)
                .optional("pay_type", payType, 12).optional("pay_scene", payScene, 12)
                .required("errmsg", errmsg, 48).required("trade_no", tradeNo, 32).oneOf("state", state, 0, 1)
                .nonNegative("money", moneyFen).throwIfAny("query_order.data");
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("state", state);
        o.put("car_number", carNumber);
        o.put("order_id", orderId);
        InPark.putIfNotNull(o, "pay_type", payType);
        InPark.putIfNotNull(o, "pay_scene", payScene);
        o.put("money", Fen.format(moneyFen));
        o.put("in_time", inTime);
        o.put("out_time", outTime);
        o.put("trade_no", tradeNo);
        o.put("pay_channel", payChannel);
        o.put("pay_time", payTime);
        o.put("errmsg", errmsg);
        return o;
    }

    /** Tolerant reading: numbers as text, money as text or number. */
    public static QueryOrderPayment fromJson(ObjectNode o) {
        String money = InPark.text(o, "money");
        return new QueryOrderPayment(o.path("state").asInt(0), InPark.text(o, "car_number"),
                InPark.text(o, "order_id"), InPark.text(o, "pay_type"), InPark.text(o, "pay_scene"),
                o.path("pay_channel").asInt(-1), o.path("in_time").asLong(), o.path("out_time").asLong(),
                o.path("pay_time").asLong(), money == null ? 0 : Fen.parse(money), InPark.text(o, "errmsg"),
                InPark.text(o, "trade_no"));
    }
}
