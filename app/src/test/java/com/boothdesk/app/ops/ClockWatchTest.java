package com.boothdesk.app.ops;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.testing.MutableClock;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The drift estimate: smallest offset of the recent samples; behind at once, ahead only after several samples. */
class ClockWatchTest {

    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T02:00:00Z"), ZoneId.of("Asia/Shanghai"));
    private final ClockWatch watch = new ClockWatch(clock, Duration.ofSeconds(60));

    @Test
    void oneSampleFromTheFutureShowsTheBoothBehind() {
        watch.observe("cloud", clock.instant().plusSeconds(300));
        assertThat(watch.drifts().get()).singleElement().satisfies(d -> {
            assertThat(d.source()).isEqualTo("cloud");
            assertThat(d.boothAhead()).isFalse();
            assertThat(d.drift()).isEqualTo(Duration.ofSeconds(-300));
        });
    }

    @Test
    void aheadIsBelievedOnlyWhenEveryRecentSampleIsAhead() {
        watch.observe("cloud", clock.instant().minusSeconds(600)); // e.g. a resent payment notice
        assertThat(watch.drifts().get()).as("one old message is no clock").isEmpty();
        clock.advance(Duration.ofMinutes(1));
        watch.observe("cloud", clock.instant().minusSeconds(2)); // a fresh one: the clocks agree
        clock.advance(Duration.ofMinutes(1));
        watch.observe("cloud", clock.instant().minusSeconds(900));
        assertThat(watch.drifts().get()).isEmpty();
        assertThat(watch.estimate("cloud")).contains(Duration.ofSeconds(2));

        ClockWatch other = new ClockWatch(clock, Duration.ofSeconds(60));
        for (int i = 0; i < 3; i++) {
            clock.advance(Duration.ofMinutes(1));
            other.observe("camera:SIM-CAM-B1", clock.instant().minusSeconds(125 + i));
        }
        assertThat(other.drifts().get()).singleElement().satisfies(d -> {
            assertThat(d.boothAhead()).isTrue();
            assertThat(d.drift()).isEqualTo(Duration.ofSeconds(125));
        });
        // the camera's clock is set right: the next fresh sample clears it
        clock.advance(Duration.ofMinutes(1));
        other.observe("camera:SIM-CAM-B1", clock.instant());
        assertThat(other.drifts().get()).isEmpty();
    }

    @Test
    void samplesAgeOutAndImplausibleTimesAreIgnored() {
        watch.observe("cloud", clock.instant().plusSeconds(3600));
        assertThat(watch.drifts().get()).hasSize(1);
        clock.advance(ClockWatch.SAMPLE_AGE.plusMinutes(1));
        watch.observe("cloud", clock.instant().minusSeconds(1));
        assertThat(watch.drifts().get()).as("the old sample aged out").isEmpty();
        watch.observe("cloud", Instant.parse("2019-01-01T00:00:00Z"));
        assertThat(watch.estimate("cloud")).contains(Duration.ofSeconds(1));
    }

    @Test
    void theTapSamplesOnlyTheDownlinksThatCarryTheCloudsNow() {
        List<ObjectNode> handled = new java.util.ArrayList<>();
        var tapped = watch.tap(d -> {
            handled.add(d);
            return WireCodec.MAPPER.createObjectNode().put("state", 1);
        });
        long future = clock.instant().plusSeconds(400).getEpochSecond();
        ObjectNode entry = WireCodec.MAPPER.createObjectNode().put("service_name", "nolicence_in_park")
                .put("in_time", future);
        tapped.apply(entry);
        assertThat(watch.drifts().get()).as("in_time is the car's, not the cloud's clock").isEmpty();
        ObjectNode capture = WireCodec.MAPPER.createObjectNode().put("service_name", "notice_capture");
        capture.putObject("data").put("capture_time", future).put("uuid", "u1");
        assertThat(tapped.apply(capture).path("state").asInt()).isEqualTo(1);
        assertThat(handled).hasSize(2);
        assertThat(watch.drifts().get()).singleElement()
                .satisfies(d -> assertThat(d.drift()).isEqualTo(Duration.ofSeconds(-400)));
        ObjectNode garbage = WireCodec.MAPPER.createObjectNode().put("service_name", "outpark").put("pay_time", "x");
        tapped.apply(garbage);
        assertThat(handled).as("a bad time is skipped, the downlink still handled").hasSize(3);
    }
}
