package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

import com.boothdesk.sdk.message.downlink.DownlinkReply;
import com.boothdesk.sdk.message.downlink.DownlinkType;
import com.boothdesk.sdk.protocol.ServiceName;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

class DownlinkRouterTest {

    record Renewal(String tradeNo, long fen) {
        static final DownlinkType<Renewal> TYPE = DownlinkType.of(ServiceName.MONTHCARD_PAY,
                in -> new Renewal(in.require("trade_no"), in.fen("pay_money", 0)));
    }

    private static ObjectNode json(String s) {
        try {
            return WireCodec.parseObject(s);
        } catch (com.boothdesk.sdk.wire.WireFormatException e) {
            throw new IllegalArgumentException(e);
        }
    }

    @Test
    void aTypedHandlerGetsItsRecordAndItsAnswerIsCompleted() {
        DownlinkRouter router = new DownlinkRouter();
        router.on(Renewal.TYPE, r -> DownlinkReply.ok("续费成功").withMoney("pay_money", r.fen()));
        ObjectNode a = router.apply(json("{\"service_name\":\"monthcard_pay\",\"trade_no\":\"T1\",\"pay_money\":\"12.5\"}"));
        assertThat(a.path("service_name").asText()).isEqualTo("monthcard_pay");
        assertThat(a.path("data_target").asText()).isEqualTo("bolink");
        assertThat(a.path("state").asInt()).isEqualTo(1);
        assertThat(a.path("pay_money").asText()).isEqualTo("12.50");
        assertThat(a.path("trade_no").asText()).as("key echoed").isEqualTo("T1");
        assertThat(router.registrations().get(ServiceName.MONTHCARD_PAY).handling())
                .isEqualTo(DownlinkRouter.Handling.EFFECT);
        assertThat(router.registrations().get(ServiceName.MONTHCARD_PAY).by()).isEqualTo("DownlinkRouterTest");
    }

    @Test
    void aMissingFieldAFailingHandlerAndAnUnknownNameEachGetAStateZeroAnswer() {
        DownlinkRouter router = new DownlinkRouter();
        router.on(Renewal.TYPE, r -> {
            throw new IllegalStateException("disk full");
        });
        ObjectNode missing = router.apply(json("{\"service_name\":\"monthcard_pay\"}"));
        assertThat(missing.path("state").asInt()).isZero();
        assertThat(missing.path("errmsg").asText()).isEqualTo("缺少字段 trade_no");

        ObjectNode failed = router.apply(json("{\"service_name\":\"monthcard_pay\",\"trade_no\":\"T2\"}"));
        assertThat(failed.path("state").asInt()).isZero();
        assertThat(failed.path("errmsg").asText()).isEqualTo("处理失败: disk full");
        assertThat(failed.path("trade_no").asText()).isEqualTo("T2");

        ObjectNode unknown = router.apply(json("{\"service_name\":\"refund\",\"trade_no\":\"T3\"}"));
        assertThat(unknown.path("state").asInt()).isZero();
        assertThat(unknown.path("errmsg").asText()).isEqualTo(DownlinkReply.NOT_HANDLED + " refund");
        ObjectNode foreign = router.apply(json("{\"service_name\":\"made_up\\u0007\"}"));
        assertThat(foreign.path("errmsg").asText()).startsWith(DownlinkReply.NOT_HANDLED).doesNotContain("\u0007");
    }

    @Test
    void aLaterRegistrationTakesOverTheName() {
        DownlinkRouter router = new DownlinkRouter();
        router.on(Renewal.TYPE, r -> DownlinkReply.ok("first"));
        router.on(Renewal.TYPE, DownlinkRouter.Handling.ANSWERED, "kept for reference", r -> DownlinkReply.ok("second"));
        assertThat(router.apply(json("{\"service_name\":\"monthcard_pay\",\"trade_no\":\"T\"}")).path("errmsg")
                .asText()).isEqualTo("second");
        assertThat(router.registrations().get(ServiceName.MONTHCARD_PAY).note()).isEqualTo("kept for reference");
    }

    @Test
    void cityPlatformQuestionsAreAnsweredInTheParkInfoEnvelope() {
        DownlinkRouter router = new DownlinkRouter();
        router.on(DownlinkType.raw(ServiceName.SPACE_NOTIFY), r -> DownlinkReply.ok("余位已更新"));
        ObjectNode a = router.apply(json("{\"service_name\":\"space_notify\",\"free_space\":3,\"message_uuid\":\"m1\"}"));
        assertThat(a.path("service_name").asText()).isEqualTo("parkInfo");
        assertThat(a.path("data_target").asText()).isEqualTo("bolink");
        assertThat(a.path("path").asText()).isEqualTo("commapi/upMessage");
        assertThat(a.path("data").path("service_name").asText()).isEqualTo("space_notify");
        assertThat(a.path("data").path("state").asInt()).isEqualTo(1);
        assertThat(a.path("data").path("message_uuid").asText()).isEqualTo("m1");
        assertThat(com.boothdesk.sdk.link.DownlinkReplies.complete(json("{\"service_name\":\"space_notify\"}"), a))
                .as("completing twice changes nothing").isEqualTo(a);
    }

    @Test
    void theRawRegistrationStillWorksAndRefusesNamesThatAreNoDownlink() {
        DownlinkRouter router = new DownlinkRouter();
        router.on("lock_car", d -> WireCodec.MAPPER.createObjectNode().put("errmsg", "锁车成功"));
        ObjectNode a = router.apply(json("{\"service_name\":\"lock_car\",\"car_number\":\"京A1\"}"));
        assertThat(a.path("state").asInt()).isEqualTo(1);
        assertThatThrownBy(() -> router.on("in_park", d -> d)).isInstanceOf(IllegalArgumentException.class);
    }
}
