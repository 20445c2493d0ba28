package com.boothdesk.app.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.LaneEcho;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.testing.RunningBooth;

/**
 * The LED/voice echo through the real card simulator (pty pair, the card's frames decoded by the simulated card):
 * what the screen shows as the LED and the voice belongs to the car on screen, never to the one before.
 */
class LedBelongsToTheCarOnScreenTest {

    @TempDir
    Path data;
    RunningBooth booth;

    @BeforeEach
    void start() {
        booth = RunningBooth.start(data);
    }

    @AfterEach
    void stop() {
        booth.close();
    }

    private String led() {
        return String.join("|", booth.app.echo("B1").get().lines());
    }

    @Test
    void afterARefusalTheLedNoLongerAsksForTheFeeAndTheVoiceIsNotTheFees() throws Exception {
        booth.enter("京A12345");
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push("京A12345");
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.lane("B1").state().get().phase()
                == LanePhase.AWAITING_PAYMENT && led().contains("请交费"));
        booth.app.lane("B1").refuse().get(10, TimeUnit.SECONDS);
        await().atMost(RunningBooth.WAIT).until(() -> !led().contains("请交费") && !led().contains("请缴费"));
        LaneEcho e = booth.app.echo("B1").get();
        assertThat(e.voice()).doesNotContain("交费").doesNotContain("缴费");
    }

    @Test
    void aNoRecordCarAfterAPaidOneShowsItsOwnTextAndNoGoodbye() throws Exception {
        booth.enter("京A12345");
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push("京A12345");
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.lane("B1").state().get().phase()
                == LanePhase.AWAITING_PAYMENT);
        booth.app.lane("B1").settleCash(100_00).get(10, TimeUnit.SECONDS);
        await().atMost(RunningBooth.WAIT).until(() -> led().contains("一路顺风"));
        booth.clock.advance(Duration.ofMinutes(1));
        booth.camera("SIM-CAM-B1").push("沪C99999");
        // the card's lines may arrive frame by frame: wait for the whole text of the new car
        await().atMost(RunningBooth.WAIT).until(() -> led().contains("沪C99999") && led().contains("无入场记录"));
        LaneEcho e = booth.app.echo("B1").get();
        assertThat(led()).doesNotContain("一路顺风").doesNotContain("京A12345");
        assertThat(e.voice()).doesNotContain("一路顺风");
    }
}
