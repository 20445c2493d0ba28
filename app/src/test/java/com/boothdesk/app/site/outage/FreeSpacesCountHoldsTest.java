package com.boothdesk.app.site.outage;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.site.SitePostgres;
import com.boothdesk.app.site.SpaceHolds;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.app.store.JdbcParkSpaces;
import com.boothdesk.app.store.OrderUplinks;
import com.boothdesk.app.testing.MutableClock;

/**
 * Defect (b) of issue 16: the free count the header and the LED show is capacity − cars inside − live holds, the
 * same number the lot-full hold counts (one implementation, {@link JdbcParkSpaces#count}), on a site's PostgreSQL
 * (the holds of every booth) and on the embedded H2 file (this booth's holds in memory).
 */
class FreeSpacesCountHoldsTest {

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir
    Path dir;
    Database a;
    Database b;
    final MutableClock clock = new MutableClock(T0, ZoneOffset.UTC);

    @AfterEach
    void close() {
        if (a != null) {
            a.close();
        }
        if (b != null) {
            b.close();
        }
    }

    private static Map<String, Integer> areas() {
        Map<String, Integer> m = new LinkedHashMap<>();
        m.put("地上", 5);
        m.put("地下", 2);
        return m;
    }

    private static void enter(JdbcOrderRepository orders, String id, String lane, String plate) {
        orders.recordEntry(ParkingOrder.entered(id, plate, "small", lane, T0, "op", null), 0);
    }

    @Test
    void onASiteTheHeadersCountSubtractsEveryBoothsLiveHoldsAsTheHoldDoes() {
        String url = SitePostgres.freshDatabase();
        a = Database.connect(url, SitePostgres.USER, "", 4);
        b = Database.connect(url, SitePostgres.USER, "", 4);
        a.refreshEvery(Duration.ofHours(1));
        b.refreshEvery(Duration.ofHours(1));
        Map<String, String> lanes = Map.of("A1", "地上", "A2", "地下");
        SpaceHolds holdsA = (SpaceHolds) a.shared(JdbcParkSpaces.SiteHolds.class,
                d -> new SpaceHolds(d, areas(), lanes, "A", clock, Duration.ofSeconds(60)));
        b.shared(JdbcParkSpaces.SiteHolds.class, d -> new SpaceHolds(d, areas(), lanes, "B", clock,
                Duration.ofSeconds(60)));
        JdbcParkSpaces spacesA = new JdbcParkSpaces(a, areas(), lanes, clock);
        JdbcParkSpaces spacesB = new JdbcParkSpaces(b, areas(), lanes, clock);
        JdbcOrderRepository ordersA = new JdbcOrderRepository(a, OrderUplinks.NONE);

        enter(ordersA, "A1_1", "A1", "京A00001");
        enter(ordersA, "A1_2", "A1", "京A00002");
        assertThat(spacesA.freeByArea()).containsExactly(Map.entry("地上", 3), Map.entry("地下", 2));

        // booth B holds a space for a car at its entry barrier: booth A's header and the hold's own count see it
        assertThat(spacesB.hold("地上", "B1_1")).isTrue();
        assertThat(spacesA.freeByArea()).containsExactly(Map.entry("地上", 2), Map.entry("地下", 2));
        assertThat(holdsA.free("地上")).isEqualTo(spacesA.free("地上"));
        assertThat(spacesA.free()).isEqualTo(4);

        // the held car's stay is recorded: it moves from the hold into the counter, counted once
        enter(new JdbcOrderRepository(b, OrderUplinks.NONE), "B1_1", "A1", "京B00001");
        assertThat(spacesA.free("地上")).isEqualTo(2);

        // a hold of a booth that died before its barrier counts until it expires
        assertThat(spacesB.hold("地上", "B1_2")).isTrue();
        assertThat(spacesA.free("地上")).isEqualTo(1);
        clock.advance(Duration.ofSeconds(61));
        assertThat(spacesA.free("地上")).isEqualTo(2);
        assertThat(holdsA.free("地上")).isEqualTo(2);

        // the last two spaces: two holds fill the area, the header says 0 and a third hold is refused
        assertThat(spacesA.hold("地上", "A1_3")).isTrue();
        assertThat(spacesB.hold("地上", "B1_3")).isTrue();
        assertThat(spacesA.free("地上")).isZero();
        assertThat(spacesB.hold("地上", "B1_4")).isFalse();
        spacesB.release("B1_3");
        assertThat(spacesA.free("地上")).isEqualTo(1);
    }

    @Test
    void onTheEmbeddedFileTheCountSubtractsThisBoothsHoldsInMemory() {
        a = Database.open(dir);
        JdbcParkSpaces spaces = new JdbcParkSpaces(a, areas(), Map.of("A1", "地上"), clock);
        JdbcOrderRepository orders = new JdbcOrderRepository(a, OrderUplinks.NONE);
        enter(orders, "A1_1", "A1", "京A00001");
        assertThat(spaces.free("地上")).isEqualTo(4);
        assertThat(spaces.hold("地上", "A1_2")).isTrue();
        assertThat(spaces.freeByArea()).containsExactly(Map.entry("地上", 3), Map.entry("地下", 2));
        enter(orders, "A1_2", "A1", "京A00002");
        spaces.entered("A1_2");
        assertThat(spaces.free("地上")).isEqualTo(3);
        for (int i = 3; i <= 5; i++) {
            assertThat(spaces.hold("地上", "A1_" + i)).isTrue();
        }
        assertThat(spaces.free("地上")).isZero();
        assertThat(spaces.hold("地上", "A1_6")).as("full: capacity − cars inside − holds").isFalse();
        spaces.release("A1_5");
        assertThat(spaces.free("地上")).isEqualTo(1);
    }
}
