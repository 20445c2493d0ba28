package com.boothdesk.app.hardware;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.domain.lane.IntakeJournal;
import com.boothdesk.app.domain.lane.PlateRead;
import com.boothdesk.app.testing.LaneFakes;
import com.boothdesk.devices.sim.CameraPushResult;
import com.boothdesk.devices.sim.SimulatedZhenshiCamera;

/**
 * A read that could not be journaled is not acknowledged: the camera gets a 500 over real HTTP, the lane does not act,
 * and the camera's re-push of the same record is taken once the journal works again.
 */
class CameraIntakeJournalFailureTest {
    private final LaneFakes fakes = new LaneFakes();
    private final AtomicBoolean diskFull = new AtomicBoolean(true);
    private CameraIntake intake;

    @AfterEach
    void stop() {
        if (intake != null) {
            intake.close();
        }
    }

    @Test
    void aReadThatWasNotMadeDurableIsAnswered500AndTakenWhenPushedAgain() throws Exception {
        IntakeJournal journal = new IntakeJournal() {
            @Override
            public long record(PlateRead read, boolean offline, Instant receivedAt) {
                if (diskFull.get()) {
                    throw new IllegalStateException("No space left on device");
                }
                return fakes.journal.record(read, offline, receivedAt);
            }

            @Override
            public void settle(long id, String outcome) {
                fakes.journal.settle(id, outcome);
            }

            @Override
            public List<Entry> pending(String laneId) {
                return fakes.journal.pending(laneId);
            }
        };
        intake = new CameraIntake(new BoothConfig.Cameras("127.0.0.1", 0, Set.of("127.0.0.1")), fakes.clock, journal);
        intake.route("SN-A1", fakes.entry());
        intake.start();
        SimulatedZhenshiCamera cam = new SimulatedZhenshiCamera(
                URI.create("http://127.0.0.1:" + intake.port() + "/camera/push"), "SN-A1", "192.168.1.10",
                fakes.clock);

        CameraPushResult first = cam.pushWithId("京A12345", 9);
        assertThat(first.status()).isEqualTo(500);
        assertThat(fakes.orders.byId).isEmpty();
        assertThat(fakes.signals.log).isEmpty();

        diskFull.set(false);
        CameraPushResult again = cam.pushWithId("京A12345", 9);
        assertThat(again.status()).isEqualTo(200);
        assertThat(fakes.orders.byId.values()).extracting(o -> o.plate()).containsExactly("京A12345");
    }
}
