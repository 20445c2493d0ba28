package com.boothdesk.sdk.wire;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {

    @Test
    void controlCharactersAndBidiOverridesAreEscaped() {
        assertThat(LogSafe.text("京A\n12:00 INFO forged line")).isEqualTo("京A\\n12:00 INFO forged line");
        assertThat(LogSafe.text("a\rb\tc\u0000d\u001be\u007ff\u0085g")).isEqualTo(
                "a\\rb\\tc\\u0000d\\u001be\\u007ff\\u0085g");
        assertThat(LogSafe.text("\u202eABC\u2066\u2028")).isEqualTo("\\u202eABC\\u2066\\u2028");
        assertThat(LogSafe.text("plain 京A12345")).isEqualTo("plain 京A12345");
        assertThat(LogSafe.text(null)).isEqualTo("null");
    }

    @Test
    void longValuesAreCutWithTheirLengthNoted() {
        String two = "x".repeat(2_000_000);
        String cut = LogSafe.text(two, 300);
        assertThat(cut).hasSize(300 + "…(2000000 chars)".length()).endsWith("…(2000000 chars)");
        // a surrogate pair is never split
        String emoji = "a".repeat(9) + "😀" + "b";
        assertThat(LogSafe.text(emoji, 10)).isEqualTo("a".repeat(9) + "…(12 chars)");
    }

    @Test
    void wireMasksSignTokenAndKeysButKeepsTheirTail() {
        String line = "{\"service_name\":\"in_park\",\"sign\":\"987B2045CDCFF2FAFDA392E3EA8093B4\",\"token\":"
                + "\"5880277f494544259642dd7ac35afdf4\",\"data\":{\"ukey\":\"EA2D90FEEF1E9F8E\",\"car_number\":\"京A1\"}}";
        String masked = LogSafe.wire(line, false);
        assertThat(masked).doesNotContain("987B2045CDCFF2FAFDA392E3EA80", "5880277f494544259642dd7ac35a",
                "EA2D90FEEF1E").contains("\"sign\":\"***93B4\"", "\"token\":\"***fdf4\"", "\"ukey\":\"***9F8E\"",
                "京A1");
        assertThat(LogSafe.wire(line, true)).isEqualTo(line);
        assertThat(LogSafe.wire("{\"token\":\"ab\\\"cd\"}", false)).isEqualTo("{\"token\":\"***\"}");
        assertThat(LogSafe.wire("0x11", false)).isEqualTo("0x11");
    }
}
