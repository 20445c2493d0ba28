package com.boothdesk.app.domain.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class FenTest {

    @ParameterizedTest
    @CsvSource({"0,0.00", "5,0.05", "700,7.00", "1234,12.34", "-5,-0.05", "-1200,-12.00", "100000000,1000000.00"})
    void formatsFenAsYuanWithTwoDecimals(long fen, String yuan) {
        assertThat(Fen.format(fen)).isEqualTo(yuan);
    }

    @ParameterizedTest
    @CsvSource({"7,700", "7.5,750", "7.05,705", "0.01,1", "-1.20,-120", "7元,700", " 12.30 ,1230", "7.000,700"})
    void parsesYuanIntoFen(String yuan, long fen) {
        assertThat(Fen.parse(yuan)).isEqualTo(fen);
    }

    @ParameterizedTest
    @ValueSource(strings = {"", " ", "abc", "7.005", "1e3x", "七元"})
    void rejectsWhatIsNotAnAmount(String text) {
        assertThatThrownBy(() -> Fen.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text.isBlank() ? "empty" : text);
    }

    @ParameterizedTest
    @ValueSource(longs = {0, 1, 99, 100, 101, 123456789, -1, -99, -101})
    void formatAndParseRoundTrip(long fen) {
        assertThat(Fen.parse(Fen.format(fen))).isEqualTo(fen);
    }
}
