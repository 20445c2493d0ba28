package com.boothdesk.app.site.outage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.testing.RunningBooth;

/**
 * The exit's cash receipt (report.ExitReceipts) on a site's real PostgreSQL whose server is cut: the receipt kept
 * for a car let out while down is journaled with its exit and is in the site database once after the return.
 */
class OutageCashReceiptLanePathTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path data;

    @Test
    void aCashReceiptMadeWhileDownIsInTheSiteDatabaseOnceAfterTheReturn() throws Exception {
        try (BoothBehindCut cut = BoothBehindCut.start(data)) {
            CuttableProxy proxy = cut.proxy;
            RunningBooth booth = cut.booth;
            Database site = cut.site;
            BoothApp app = cut.app;
            String id = cut.enter("京R10001");
            booth.clock.advance(Duration.ofHours(2));

            proxy.cut();
            var lane = app.lane("B1");
            booth.camera("SIM-CAM-B1").push("京R10001");
            await().atMost(WAIT).until(() -> lane.state().get().phase() == LanePhase.AWAITING_PAYMENT);
            lane.settleCash(100_000).get(WAIT.toSeconds(), java.util.concurrent.TimeUnit.SECONDS);
            await().atMost(WAIT).until(() -> lane.state().get().phase() == LanePhase.RELEASED);
            assertThat(app.outage().down()).isTrue();
            await().atMost(WAIT).until(() -> app.outage().journal().unreplayed(100).stream()
                    .anyMatch(e -> ("receipt:" + id).equals(e.ref())));

            proxy.restore();
            await().atMost(Duration.ofSeconds(60)).until(() -> app.outage().state() == SiteOutage.State.UP);
            ParkingOrder closed = app.orders().find(id).orElseThrow();
            assertThat(count(site, "SELECT COUNT(*) FROM exit_receipt WHERE order_id = '" + id + "'")).isEqualTo(1);
            assertThat(count(site, "SELECT paid_fen FROM exit_receipt WHERE order_id = '" + id + "'"))
                    .isEqualTo(closed.paidFen()).isPositive();
            assertThat(count(site, "SELECT tendered_fen FROM exit_receipt WHERE order_id = '" + id + "'"))
                    .isEqualTo(100_000);
            assertThat(app.receipts().find(id)).isPresent();
        }
    }

    private static long count(Database db, String sql) {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }
}
