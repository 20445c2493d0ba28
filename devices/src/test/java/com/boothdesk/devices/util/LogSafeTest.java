package com.boothdesk.devices.util;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class LogSafeTest {
    @Test
    void lineBreaksAndNulCannotForgeLogLines() {
        String forged = "京A12345\n2026-12-01 INFO gate OPEN\r\u0000";
        String safe = LogSafe.text(forged);
        assertThat(safe).doesNotContain("\n", "\r", "\u0000")
                .isEqualTo("京A12345\\n2026-12-01 INFO gate OPEN\\r\\u0000");
    }

    @Test
    void bidiOverridesAndC1ControlsAreEscaped() {
        assertThat(LogSafe.text("abc\u202Edcba\u2066x\u0085\u007F\u200F"))
                .isEqualTo("abc\\u202Edcba\\u2066x\\u0085\\u007F\\u200F");
        assertThat(LogSafe.hasUnsafeCharacters("京A\u202E1")).isTrue();
        assertThat(LogSafe.hasUnsafeCharacters("京A12345")).isFalse();
    }

    @Test
    void longValuesAreCutWithTheirLengthNoted() {
        String big = "x".repeat(2_000_000);
        String safe = LogSafe.text(big, 10);
        assertThat(safe).isEqualTo("xxxxxxxxxx…(+1999990 chars, 2000000 in all)");
        assertThat(LogSafe.text("short", 10)).isEqualTo("short");
        assertThat(LogSafe.text(null)).isEqualTo("null");
    }

    @Test
    void cutKeepsCharactersAndNeverSplitsASurrogatePair() {
        assertThat(LogSafe.cut("京A12345", 3)).isEqualTo("京A1");
        assertThat(LogSafe.cut("ab\uD83D\uDE00c", 3)).isEqualTo("ab");
        assertThat(LogSafe.text("ab\uD83D\uDE00c", 3)).startsWith("ab…(+3 chars");
        assertThat(LogSafe.cut(null, 3)).isEmpty();
        assertThat(LogSafe.cut("a\nb", 10)).isEqualTo("a\nb");
    }
}
