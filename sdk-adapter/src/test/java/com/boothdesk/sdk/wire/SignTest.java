package com.boothdesk.sdk.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SignTest {

    @Test
    void signIsUpperCaseMd5OfDataPlusKeyPlusSecret() {
        // expected values computed independently with `printf '...' | md5sum`
        assertThat(Sign.sign("abc", "secret")).isEqualTo("8A4C87ED180E97842D3280B65F65CC73");
        assertThat(Sign.sign("{\"union_id\":\"200128\"}", "EA2D90FEEF1E9F8E"))
                .isEqualTo("FA298BCD3FA3047F73B38C8616A0E77D");
    }

    @Test
    void signHashesUtf8Bytes() {
        assertThat(Sign.sign("{\"a\":\"京\"}", "k")).isEqualTo("4D486C7D9B34536F1970817744E9DCC9");
    }

    @Test
    void verifyAcceptsLowerCaseAndRejectsOtherData() {
        assertThat(Sign.verify("abc", "secret", "8a4c87ed180e97842d3280b65f65cc73")).isTrue();
        assertThat(Sign.verify("abd", "secret", "8A4C87ED180E97842D3280B65F65CC73")).isFalse();
        assertThat(Sign.verify("abc", "other", "8A4C87ED180E97842D3280B65F65CC73")).isFalse();
        assertThat(Sign.verify("abc", "secret", null)).isFalse();
    }
}
