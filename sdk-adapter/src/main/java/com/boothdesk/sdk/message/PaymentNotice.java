package com.boothdesk.sdk.message;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * A payment pushed by 泊链: 3.2 {@code prepay_order} (prepayment, or the exit-QR payment after a pay_scene 1
 * price), 3.4 {@code outpark} (result of a wallet / sweepcode / scancode exit), 3.29 {@code repair}, 3.37
 * {@code escape_order}. Amounts arrive as yuan numbers or text and are kept as fen. Resends carry the same
 * {@code trade_no}; the link answers them again without calling the handler twice.
 *
 * @param serviceName prepay_order, outpark, repair or escape_order
 * @param state       1 成功 (0 失败, 2 支付中) — prepay_order carries none and counts as paid
 * @param orderId     入场订单编号
 * @param tradeNo     交易流水号 (the idempotency key)
 * @param carNumber   车牌
 * @param amountFen   prepay / total
 * @param payType     pay_type (outpark), else null
 * @param payChannel  pay_channel
 * @param payTimeSec  pay_time
 * @param outChannelId out_channel_id when given
 * @param queryOrderNo query_order_no (prepay_order)
 * @param parkId       车场编号 (echoed in the answer)
 */
public record PaymentNotice(String serviceName, int state, String orderId, String tradeNo, String carNumber,
                            long amountFen, String payType, Codes.Coded<Codes.PayChannel> payChannel, long payTimeSec,
                            String outChannelId, String queryOrderNo, String parkId) {

    /** True when the money was received. */
    public boolean paid() {
        return state == 1;
    }

    /** Tolerant reading of any of the four payment downlinks. */
    public static PaymentNotice fromJson(ObjectNode o) {
        String name = o.path("service_name").asText("");
        boolean prepay = name.equals("prepay_order");
        JsonNode amount = prepay ? o.get("prepay") : o.get("total");
        return new PaymentNotice(name, prepay && !o.has("state") ? 1 : o.path("state").asInt(0),
                InPark.text(o, "order_id"), InPark.text(o, "trade_no"), InPark.text(o, "car_number"), fen(amount),
                InPark.text(o, "pay_type"), Codes.read(Codes.PayChannel.class, o.get("pay_channel")),
                o.path("pay_time").asLong(), InPark.text(o, "out_channel_id"), InPark.text(o, "query_order_no"),
                InPark.text(o, "park_id"));
    }

    /** The acknowledgement the cloud needs (data_target bolink; state 1 = booked). */
    public ObjectNode acknowledge(boolean booked, String errmsg) {
        ObjectNode r = WireCodec.MAPPER.createObjectNode();
        r.put("service_name", serviceName);
        r.put("data_target", "bolink");
        r.put("state", booked ? 1 : 0);
        r.put("errmsg", errmsg);
        InPark.putIfNotNull(r, "trade_no", tradeNo);
        InPark.putIfNotNull(r, "order_id", orderId);
        InPark.putIfNotNull(r, "park_id", parkId);
        if (serviceName.equals("prepay_order")) {
            r.put("prepay", Fen.format(amountFen));
        }
        return r;
    }

    static long fen(JsonNode n) {
        if (n == null || n.isNull() || n.asText().isBlank()) {
            return 0;
        }
        // yuan as a double on the wire (0.04): round half-up to the fen instead of failing on binary noise
        return new BigDecimal(n.asText().strip()).setScale(2, RoundingMode.HALF_UP).movePointRight(2).longValueExact();
    }
}
