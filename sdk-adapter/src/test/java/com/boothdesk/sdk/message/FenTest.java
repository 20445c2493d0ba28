package com.boothdesk.sdk.message;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class FenTest {

    @Test
    void formatsTwoDecimals() {
        assertThat(Fen.format(1250)).isEqualTo("12.50");
        assertThat(Fen.format(1)).isEqualTo("0.01");
        assertThat(Fen.format(0)).isEqualTo("0.00");
        assertThat(Fen.format(600)).isEqualTo("6.00");
        assertThat(Fen.format(-5)).isEqualTo("-0.05");
        assertThat(Fen.format(123456789)).isEqualTo("1234567.89");
    }

    @Test
    void parsesTheFormsSeenOnTheWire() {
        assertThat(Fen.parse("12.5")).isEqualTo(1250);
        assertThat(Fen.parse("6")).isEqualTo(600);
        assertThat(Fen.parse("0.0")).isEqualTo(0);
        assertThat(Fen.parse("0.01")).isEqualTo(1);
        assertThat(Fen.parse(" 2.150 ")).isEqualTo(215);
        assertThat(Fen.parse("0.04")).isEqualTo(4);
    }

    @Test
    void rejectsWhatIsNotAnAmount() {
        assertThatThrownBy(() -> Fen.parse("1.005")).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("1.005");
        assertThatThrownBy(() -> Fen.parse("abc")).isInstanceOf(NumberFormatException.class)
                .hasMessageContaining("abc");
        assertThatThrownBy(() -> Fen.parse("")).isInstanceOf(NumberFormatException.class);
    }
}
