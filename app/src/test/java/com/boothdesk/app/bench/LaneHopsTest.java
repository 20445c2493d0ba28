package com.boothdesk.app.bench;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

/** The lane harness's split of an entry's time, from lines as the booth writes them. */
class LaneHopsTest {
    private static final Instant T = Instant.parse("2026-12-03T13:00:00Z");

    private static LaneHops.Line line(long micros, String thread, String text) {
        return new LaneHops.Line(T.plusNanos(micros * 1000), thread, text);
    }

    @Test
    void eachEntryIsSplitFromItsOwnLinesOnly() {
        List<LaneHops.Line> lines = List.of(
                // the car before: its lines come before the second entry was sent and must not be taken for it
                line(0, "camera-0-http-1", "camera 127.0.0.1 -> / {\"license\":\"沪NA0001\"}"),
                line(500, "lane-A1-1", "Lane A1: 沪NA0001 -> ADMIT [LIST_STATUS]"),
                line(900, "lanecard-ttyA-00", "tx /tmp/pty/ttyA 00 64 FF FF 0F 06 01 01 00 00 00 01 24 A5"),
                line(10_300, "camera-0-http-1", "camera 127.0.0.1 -> / {\"license\":\"沪NB0002\",\"imageFile\":\"<9 "
                        + "base64 chars>\"}"),
                line(10_400, "lanecard-ttyA-00", "tx /tmp/pty/ttyA 00 64 FF FF 62 1B 00"), // a screen frame
                line(11_000, "lane-A1-1", "Lane A1: 沪NB0002 -> ADMIT [LIST_STATUS]"),
                line(11_200, "camera-0-http-1", "camera 127.0.0.1 <- 200 {\"Response_AlarmInfoPlate\":{}}"),
                line(11_500, "lanecard-ttyA-00", "tx /tmp/pty/ttyA 00 64 FF FF 0F 06 01 01 00 00 00 01 24 A5"));
        List<LaneHops.Entry> entries = List.of(
                new LaneHops.Entry("沪NA0001", T.minusNanos(200_000), 1_300_000),
                new LaneHops.Entry("沪NB0002", T.plusNanos(10_000_000), 1_600_000));

        double[][] split = LaneHops.split(lines, entries, "A1");

        assertThat(split[1][0]).isCloseTo(0.3, within(1e-9)); // sent -> body read
        assertThat(split[1][1]).isCloseTo(0.9, within(1e-9)); // body read -> camera answered
        assertThat(split[1][2]).isCloseTo(0.7, within(1e-9)); // body read -> lane decided
        assertThat(split[1][3]).isCloseTo(0.5, within(1e-9)); // decided -> gate frame (not the screen frame)
        assertThat(split[1][4]).isCloseTo(0.1, within(1e-9)); // gate frame written -> decoded at 11.6 ms
        // the first entry has no answer line: that hop is unknown, the others are its own
        assertThat(split[0][1]).isNaN();
        assertThat(split[0][3]).isCloseTo(0.4, within(1e-9));
    }
}
