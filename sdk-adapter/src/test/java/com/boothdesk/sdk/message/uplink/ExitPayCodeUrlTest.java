package com.boothdesk.sdk.message.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;

import org.junit.jupiter.api.Test;

/** 7.5 against the worked example of the protocol page. */
class ExitPayCodeUrlTest {

    private static final ExitPayCodeUrl EXAMPLE = new ExitPayCodeUrl("A1_2C1627291675", 212, "京DTTT222", 10,
            1627291740L, "200002", "21840", "A1", 1627350591L);

    @Test
    void paramsSignAndUrlAreTheWorkedExample() {
        assertThat(EXAMPLE.params()).isEqualTo("[A1_2C1627291675,2.12,京DTTT222,0.1,1627291740,200002,21840,A1,"
                + "1627350591]");
        assertThat(EXAMPLE.sign("EA2D90FEEF1E9F8E")).isEqualTo("542b570d75859a64e3642edfc4285334");
        assertThat(EXAMPLE.url("EA2D90FEEF1E9F8E")).isEqualTo("https://s.bolink.club/unionapi/thirdtopayorder"
                + "?params=[A1_2C1627291675%2C2.12%2C%E4%BA%ACDTTT222%2C0.1%2C1627291740%2C200002%2C21840%2CA1"
                + "%2C1627350591]&sign=542b570d75859a64e3642edfc4285334");
    }

    @Test
    void yuanHaveAtMostTwoDecimalsAndNoTrailingZeros() {
        assertThat(ExitPayCodeUrl.yuan(500)).isEqualTo("5");
        assertThat(ExitPayCodeUrl.yuan(1250)).isEqualTo("12.5");
        assertThat(ExitPayCodeUrl.yuan(1)).isEqualTo("0.01");
        assertThat(ExitPayCodeUrl.yuan(0)).isEqualTo("0");
    }

    @Test
    void theCodeIsValidForOneMinute() {
        assertThat(EXAMPLE.expiresAt()).isEqualTo(Instant.ofEpochSecond(1627350651L));
    }

    @Test
    void aZeroPriceOrACommaInAValueIsRefused() {
        assertThatThrownBy(() -> new ExitPayCodeUrl("o", 0, "京A1", 0, 1, "1", "2", "A1", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("more than 0");
        assertThatThrownBy(() -> new ExitPayCodeUrl("o,1", 100, "京A1", 0, 1, "1", "2", "A1", 3))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("comma-joined");
    }
}
