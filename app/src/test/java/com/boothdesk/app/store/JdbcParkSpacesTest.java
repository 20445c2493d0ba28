package com.boothdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.order.ParkingOrder;

/** Remaining spaces per area, from the stays in H2 and the recorded corrections. */
class JdbcParkSpacesTest {

    /** The database the tests run on (the PostgreSQL subclass sets it). */
    TestStore stores = TestStore.h2();

    static final Instant T0 = Instant.parse("2026-11-25T00:00:00Z");

    @TempDir
    Path dir;
    Database db;
    JdbcOrderRepository orders;
    JdbcParkSpaces spaces;

    @BeforeEach
    void open() {
        db = stores.open(dir);
        orders = new JdbcOrderRepository(db, OrderUplinks.NONE);
        Map<String, Integer> areas = new LinkedHashMap<>();
        areas.put("地上", 3);
        areas.put("地下", 2);
        spaces = new JdbcParkSpaces(db, areas, Map.of("A1", "地上", "A2", "地下"), Clock.fixed(T0, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void eachAreaCountsTheStaysOfItsLanesAndItsCorrections() {
        assertThat(spaces.areas()).containsExactly("地上", "地下");
        assertThat(spaces.capacity()).isEqualTo(5);
        enter("A1", "京A00001");
        enter("A2", "京A00002");
        enter("A2", "京A00003");
        enter("CLOUD", "京A00004"); // a lane no area names: counted in the first area
        assertThat(spaces.freeByArea()).containsExactly(Map.entry("地上", 1), Map.entry("地下", 0));
        assertThat(spaces.free()).isEqualTo(1);

        enter("A2", "京A00005"); // more cars than spaces: never below 0
        assertThat(spaces.free("地下")).isZero();

        spaces.adjust("地上", 1, "一辆车未识别已离场", "op1");
        assertThat(spaces.free("地上")).isEqualTo(2);
        spaces.adjust("地上", 10, "校正", "op1");
        assertThat(spaces.free("地上")).as("never above the capacity").isEqualTo(3);

        assertThatThrownBy(() -> spaces.adjust("地上", 1, " ", "op1")).hasMessageContaining("reason");
        assertThatThrownBy(() -> spaces.free("屋顶")).hasMessageContaining("屋顶");
    }

    @Test
    void theCloudsTotalIsAbsorbedByTheFirstArea() {
        enter("A1", "京A00001");
        spaces.setFree(3, "space_notify", "cloud");
        assertThat(spaces.free()).isEqualTo(3);
        assertThat(spaces.free("地下")).isEqualTo(2);
    }

    private void enter(String lane, String plate) {
        orders.recordEntry(ParkingOrder.entered(orders.nextOrderId(lane, T0), plate, "small", lane, T0, "op", null), 0);
    }
}
