package com.boothdesk.app.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.fee.FeeEngine;
import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.domain.fee.Tariffs;
import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.testing.RunningBooth;

/**
 * The site changes its tariff while a car is inside: the booth is restarted with the new tariff file, the car that
 * came in before is still priced by the old tariff, a car that came in after by the new one.
 */
class TariffInForceAtEntryTest {

    @TempDir
    Path data;

    @Test
    void aStayIsPricedByTheTariffInForceAtItsEntry() throws Exception {
        String before;
        try (RunningBooth booth = RunningBooth.start(data)) { // 08:00, the demo tariff
            before = booth.enter("京A00001");
        }
        try (InputStream in = Tariffs.class.getResourceAsStream("/boothdesk/config/tariffs/airport-escalating.json")) {
            Files.copy(in, data.resolve("tariff.json"));
        }
        Instant ten = RunningBooth.EIGHT_AM.plus(Duration.ofHours(2));
        try (RunningBooth booth = RunningBooth.startAt(data, ten, Clock.systemUTC(), "fee.tariff", "tariff.json")) {
            String after = booth.enter("京A00002");
            booth.clock.set(ten.plus(Duration.ofHours(2))); // 12:00

            FeeEngine engine = new FeeEngine();
            Tariff airport = Tariffs.read(data.resolve("tariff.json"));
            var a = booth.app.orders().find(before).orElseThrow();
            var b = booth.app.orders().find(after).orElseThrow();
            long demoFee = engine.quote(Tariffs.demoDefault(), "small", a.inTime(), booth.clock.instant()).totalFen();
            long airportFee = engine.quote(airport, "small", b.inTime(), booth.clock.instant()).totalFen();
            assertThat(demoFee).isNotEqualTo(engine.quote(airport, "small", a.inTime(), booth.clock.instant())
                    .totalFen());

            booth.camera("SIM-CAM-B1").push("京A00001");
            await().atMost(RunningBooth.WAIT).until(() ->
                    booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
            assertThat(booth.app.lane("B1").state().get().quote().totalFen()).isEqualTo(demoFee);
            assertThat(booth.app.lane("B1").state().get().quote().tariffId()).isEqualTo(Tariffs.demoDefault().id());
            booth.app.lane("B1").settleCash(0).join();

            booth.clock.advance(Duration.ofSeconds(30));
            booth.camera("SIM-CAM-B1").push("京A00002");
            await().atMost(RunningBooth.WAIT).until(() ->
                    booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT
                            && booth.app.lane("B1").state().get().order().orderId().equals(after));
            assertThat(booth.app.lane("B1").state().get().quote().tariffId()).isEqualTo(airport.id());
            assertThat(booth.app.lane("B1").state().get().quote().totalFen())
                    .isEqualTo(engine.quote(airport, "small", b.inTime(), booth.clock.instant()).totalFen());
            assertThat(airportFee).isPositive();
        }
    }
}
