package com.boothdesk.sdk.message.downlink;

import com.boothdesk.sdk.protocol.ServiceName;
import com.fasterxml.jackson.databind.JsonNode;

/**
 * 3.22 云平台透传接口 ({@code pass_through}): "该接口云平台只做透传操作,不做业务处理" - a third party's business data
 * relayed as it is. Answered with the uuid.
 *
 * @param parkId  车场编号
 * @param uuid    echoed, the message's key
 * @param tradeNo optional
 * @param data    the business fields (object, or a JSON string), null when none
 */
public record PassThrough(String parkId, String uuid, String tradeNo, JsonNode data) {

    public static final DownlinkType<PassThrough> TYPE = DownlinkType.of(ServiceName.PASS_THROUGH,
            in -> new PassThrough(in.text("park_id"), in.require("uuid"), in.text("trade_no"),
                    in.message().get("data") == null || in.message().get("data").isNull() ? null
                            : in.message().get("data")));
}
