package com.boothdesk.app.site.outage;

import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Duration;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.domain.order.OrderRepository;
import com.boothdesk.app.site.SitePostgres;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.testing.RunningBooth;

/**
 * The whole booth on a fresh site database of the suite's real PostgreSQL, reached through a {@link CuttableProxy}
 * (the server "goes away" when the test cuts it), with the outage probe every 200 ms, and a connection of the test's
 * own straight to the site (past the proxy) to look at what the site holds.
 */
final class BoothBehindCut implements AutoCloseable {

    static final Duration WAIT = Duration.ofSeconds(30);

    final CuttableProxy proxy;
    final RunningBooth booth;
    final Database site;
    final BoothApp app;
    /** The booth's order store as its lanes see it (journaled while down). */
    final OrderRepository orders;

    private BoothBehindCut(CuttableProxy proxy, RunningBooth booth, Database site) {
        this.proxy = proxy;
        this.booth = booth;
        this.site = site;
        this.app = booth.app;
        this.orders = app.outage().orders(app.orders());
    }

    static BoothBehindCut start(Path data) throws IOException {
        String url = SitePostgres.freshDatabase();
        CuttableProxy proxy = new CuttableProxy("127.0.0.1", SitePostgres.server().getPort());
        RunningBooth booth = null;
        try {
            booth = RunningBooth.start(data, "store.url", proxy.through(url), "store.user", SitePostgres.USER,
                    OutageModule.PROBE_KEY, "200", "store.lot_refresh_ms", "500");
            Database site = Database.connect(url, SitePostgres.USER, "", 2);
            site.refreshEvery(Duration.ofHours(1));
            return new BoothBehindCut(proxy, booth, site);
        } catch (RuntimeException e) {
            if (booth != null) {
                booth.close();
            }
            proxy.close();
            throw e;
        }
    }

    /** A car read at the entry camera A1 and recorded inside; returns its order id. */
    String enter(String plate) {
        booth.camera("SIM-CAM-A1").push(plate);
        await().atMost(WAIT).until(() -> orders.findInLot(plate).isPresent());
        return orders.findInLot(plate).orElseThrow().orderId();
    }

    @Override
    public void close() throws IOException {
        try (proxy; booth; site) {
            // closed in reverse order: the test's connection, the booth, then the proxy
        }
    }
}
