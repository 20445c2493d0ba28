package com.boothdesk.app.domain.fee;

import static com.boothdesk.app.domain.fee.TestTariffs.at;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TariffScheduleTest {

    private final Tariff demo = Tariffs.demoDefault();
    private final Tariff airport = TestTariffs.packed("airport-escalating.json");
    private final TariffSchedule schedule = TariffSchedule.of(demo).with(at("2026-12-01T00:00"), airport);
    private final FeeEngine engine = new FeeEngine(TestTariffs.CHINA);

    @Test
    void theTariffInForceAtEntryPricesTheWholeStay() {
        // entered under the demo, left after the airport tariff took effect: demo prices all of it
        FeeQuote before = engine.quote(schedule, FeeRequest.of("small", at("2026-11-30T22:00"),
                at("2026-12-01T01:00")));
        FeeQuote after = engine.quote(schedule, FeeRequest.of("small", at("2026-12-01T00:00"),
                at("2026-12-01T03:00")));

        assertThat(before.tariffId()).isEqualTo("demo-default");
        assertThat(before.totalFen()).isEqualTo(700);
        assertThat(after.tariffId()).isEqualTo("airport-escalating");
        assertThat(after.totalFen()).isEqualTo(200 + 3 * 500);
    }

    @Test
    void findsTariffsByInstantAndId() {
        assertThat(schedule.inForceAt(at("2000-01-01T00:00"))).isSameAs(demo);
        assertThat(schedule.inForceAt(at("2030-01-01T00:00"))).isSameAs(airport);
        assertThat(schedule.byId("demo-default")).containsSame(demo);
        assertThat(schedule.byId("none")).isEmpty();
        assertThat(schedule.entries()).hasSize(2);
    }

    @Test
    void packedAndFileReadersAgree(@org.junit.jupiter.api.io.TempDir java.nio.file.Path dir) throws Exception {
        java.nio.file.Path file = dir.resolve("a.json");
        try (var in = getClass().getClassLoader()
                .getResourceAsStream(Tariffs.CLASSPATH_FOLDER + "airport-escalating.json")) {
            java.nio.file.Files.copy(in, file);
        }
        assertThat(Tariffs.read(file)).isEqualTo(Tariffs.packed("airport-escalating.json"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> Tariffs.packed("nope.json"))
                .isInstanceOf(TariffException.class).hasMessageContaining("no packed tariff");
    }
}
