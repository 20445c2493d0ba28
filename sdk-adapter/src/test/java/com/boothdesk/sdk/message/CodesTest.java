package com.boothdesk.sdk.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.sdk.wire.WireCodec;
import org.junit.jupiter.api.Test;

class CodesTest {

    @Test
    void knownCodesAreReadFromNumbersAndText() {
        var n = WireCodec.MAPPER.getNodeFactory();
        assertThat(Codes.read(Codes.PayChannel.class, n.numberNode(1)).known()).contains(Codes.PayChannel.ALIPAY);
        assertThat(Codes.read(Codes.PayChannel.class, n.textNode("1")).known()).contains(Codes.PayChannel.ALIPAY);
        assertThat(Codes.read(Codes.PayType.class, n.textNode("sweepcode")).toString()).isEqualTo("sweepcode 扫码枪支付(被扫)");
    }

    @Test
    void unknownCodesStayReadable() {
        var n = WireCodec.MAPPER.getNodeFactory();
        Codes.Coded<Codes.PayChannel> c = Codes.read(Codes.PayChannel.class, n.numberNode(9));
        assertThat(c.isKnown()).isFalse();
        assertThat(c.raw()).isEqualTo("9");
        assertThat(c.toString()).isEqualTo("9 (unknown code)");
        assertThat(Codes.read(Codes.State.class, null).raw()).isEmpty();
    }
}
