package com.boothdesk.sdk.message;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 2.19 车场订单电子支付状态查询 ({@code query_order}, {@code data_target:"bolink"}), exactly as the seed document
 * defines the request. The answer is a {@link QueryOrderResponse}.
 *
 * @param orderId      订单号, the entry order id, max 48, required
 * @param carNumber    车牌号, max 8, optional (must match the order when given)
 * @param timeTempMillis 时间戳, system time in milliseconds (13 digits), required
 */
public record QueryOrder(String orderId, String carNumber, long timeTempMillis) {

    public static final String SERVICE_NAME = "query_order";
    public static final String DATA_TARGET = "bolink";

    /** @throws MessageValidationException naming every broken rule */
    public ObjectNode toJson() {
        Checks c = new Checks().required("order_id", orderId, 48).optional("car_number", carNumber, 8)
                .nonNegative("time_temp", timeTempMillis).maxDigits("time_temp", timeTempMillis, 15);
        c.throwIfAny(SERVICE_NAME);
        ObjectNode o = WireCodec.MAPPER.createObjectNode();
        o.put("service_name", SERVICE_NAME);
        o.put("data_target", DATA_TARGET);
        if (carNumber != null) {
            o.put("car_number", carNumber);
        }
        o.put("order_id", orderId);
        o.put("time_temp", timeTempMillis);
        return o;
    }

    /** Tolerant reading (time_temp as number or text). */
    public static QueryOrder fromJson(ObjectNode o) {
        return new QueryOrder(InPark.text(o, "order_id"), InPark.text(o, "car_number"),
                QueryOrderResponse.timeTemp(o.get("time_temp")));
    }
}
