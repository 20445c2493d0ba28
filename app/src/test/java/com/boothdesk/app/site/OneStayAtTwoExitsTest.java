package com.boothdesk.app.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LaneException;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.lane.LaneState;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.testing.RunningBooth;

/**
 * One car read at the exits of two booths at once (the demo's exits both pick the lot's oldest car; on site a
 * misread or a car turned back): both lanes find the stay inside and wait for payment, the first settles it, the
 * second is told that another booth settled it and charges nothing. Its camera read leaves the intake journal then:
 * as a lane ERROR it stayed there until the lane's next read, which in the site soak's drain (one demo car an hour
 * per lane) never came, so the drain waited for an empty journal forever.
 */
class OneStayAtTwoExitsTest {

    @TempDir
    Path dataA;
    @TempDir
    Path dataB;

    @Test
    void theSecondBoothToSettleTheSameStayIsToldAndItsReadLeavesTheJournal() throws Exception {
        String url = SitePostgres.freshDatabase();
        try (RunningBooth a = RunningBooth.start(dataA, LotFullAcrossBoothsTest.booth(url, "SA", "A1", "B1", 1));
             RunningBooth b = RunningBooth.start(dataB, LotFullAcrossBoothsTest.booth(url, "SB", "A2", "B2", 2))) {
            String plate = "京H12345";
            String orderId = a.enter(plate);
            a.clock.advance(Duration.ofHours(3));
            b.clock.advance(Duration.ofHours(3));
            a.camera("SIM-CAM-B1").push(plate);
            b.camera("SIM-CAM-B2").push(plate);
            await().atMost(RunningBooth.WAIT).until(() ->
                    a.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT
                    && b.app.lane("B2").state().get().phase() == LanePhase.AWAITING_PAYMENT);

            a.app.lane("B1").settleCash(10_000).get(10, TimeUnit.SECONDS);
            assertThatThrownBy(() -> b.app.lane("B2").settleCash(10_000).get(10, TimeUnit.SECONDS))
                    .isInstanceOf(ExecutionException.class).cause().isInstanceOf(LaneException.class)
                    .satisfies(e -> assertThat(((LaneException) e).messageKey()).isEqualTo("exit.closed.elsewhere"));

            LaneState atB = b.app.lane("B2").state().get();
            assertThat(atB.phase()).isEqualTo(LanePhase.RELEASED);
            assertThat(b.app.messages().get(atB.decision().messageKey(), atB.decision().args()))
                    .contains(plate, "已在其他岗亭结算");
            Database db = a.app.database();
            assertThat(LotFullAcrossBoothsTest.one(db, "SELECT COUNT(*) FROM intake_journal"))
                    .as("no camera read left undecided").isZero();
            assertThat(LotFullAcrossBoothsTest.one(db, "SELECT COUNT(*) FROM parking_order WHERE order_id = '"
                    + orderId + "' AND status = 'CLOSED' AND exit_lane = 'B1'")).isEqualTo(1);
            assertThat(LotFullAcrossBoothsTest.one(db, "SELECT COALESCE(SUM(inside), 0) FROM lot_lane_count"))
                    .isZero();
        }
    }
}
