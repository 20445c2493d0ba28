package com.boothdesk.sdk.message;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 3.1 查询订单价格 ({@code query_price}, downlink from 泊链): the cloud asks the price of an order (pay_scene 0/2) or
 * of the car waiting at an exit lane (pay_scene 1, {@code out_channel_id}).
 *
 * @param carNumber    plate (pay_scene 0/2)
 * @param orderId      entry order (pay_scene 0/2; "" when none)
 * @param parkId       车场编号
 * @param payScene     0 场内预付, 1 结算待支付 (exit QR), 2 无牌车请求结算
 * @param outChannelId exit lane (pay_scene 1/2)
 * @param queryOrderNo to echo; returned again in 3.2
 * @param licence      plate the no-plate user had before (optional)
 */
public record QueryPrice(String carNumber, String orderId, String parkId, Codes.Coded<Codes.PriceQueryScene> payScene,
                         String outChannelId, String queryOrderNo, String licence) {

    public static final String SERVICE_NAME = "query_price";

    /** Tolerant reading of the downlink. */
    public static QueryPrice fromJson(ObjectNode o) {
        return new QueryPrice(InPark.text(o, "car_number"), InPark.text(o, "order_id"), InPark.text(o, "park_id"),
                Codes.read(Codes.PriceQueryScene.class, o.get("pay_scene")), InPark.text(o, "out_channel_id"),
                InPark.text(o, "query_order_no"), InPark.text(o, "licence"));
    }

    /**
     * The answer with a price (data_target bolink, state 1).
     *
     * @param priceFen      what the driver pays now (after prepayments and discounts)
     * @param totalFen      the order's gross amount
     * @param durationMin   parking minutes so far
     * @param freeOutMin    minutes the driver has to leave after paying
     * @param queryTimeSec  when the price was computed (unix s)
     * @param derateFen     discount amount
     */
    public ObjectNode answer(String answeredOrderId, String answeredCarNumber, long priceFen, long totalFen,
                             long durationMin, long freeOutMin, long queryTimeSec, long derateFen) {
        ObjectNode r = WireCodec.MAPPER.createObjectNode();
        r.put("service_name", SERVICE_NAME);
        r.put("data_target", "bolink");
        r.put("state", 1);
        r.put("errmsg", "success");
        InPark.putIfNotNull(r, "park_id", parkId);
        r.put("order_id", answeredOrderId);
        InPark.putIfNotNull(r, "car_number", answeredCarNumber);
        r.put("price", Fen.format(priceFen));
        r.put("total", Fen.format(totalFen));
        r.put("duration", durationMin);
        r.put("free_out_time", freeOutMin);
        r.put("query_time", queryTimeSec);
        r.put("derate_money", Fen.format(derateFen));
        InPark.putIfNotNull(r, "query_order_no", queryOrderNo);
        return r;
    }

    /** The answer when there is no such order / no car at the lane (state 0). */
    public ObjectNode notFound(String errmsg) {
        ObjectNode r = WireCodec.MAPPER.createObjectNode();
        r.put("service_name", SERVICE_NAME);
        r.put("data_target", "bolink");
        r.put("state", 0);
        r.put("errmsg", errmsg);
        InPark.putIfNotNull(r, "park_id", parkId);
        InPark.putIfNotNull(r, "order_id", orderId);
        InPark.putIfNotNull(r, "query_order_no", queryOrderNo);
        return r;
    }
}
