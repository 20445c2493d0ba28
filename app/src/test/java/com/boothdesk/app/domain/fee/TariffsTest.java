package com.boothdesk.app.domain.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalTime;

import org.junit.jupiter.api.Test;

class TariffsTest {

    static Tariff read(String json) throws TariffException {
        return Tariffs.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    static String dayNight(String day, String night) {
        return """
            {"id": "dn", "classes": {"small": {"workday": [
               {"name": "白天", %s, "firstMinutes": 60, "firstFen": 500, "unitMinutes": 60, "unitFen": 100},
               {"name": "夜间", %s, "free": true}]}}}
            """.formatted(day, night);
    }

    @Test
    void readsADayNightTariff() throws TariffException {
        Tariff t = read(dayNight("\"start\": \"07:00\", \"end\": \"21:00\"",
                "\"start\": \"21:00\", \"end\": \"07:00\""));

        assertThat(t.id()).isEqualTo("dn");
        assertThat(t.defaultClass()).isEqualTo("small");
        ClassTariff small = t.find("small").orElseThrow();
        assertThat(small.periods(CalendarKind.WORKDAY)).extracting(Period::name).containsExactly("白天", "夜间");
        assertThat(small.periods(CalendarKind.HOLIDAY)).isEqualTo(small.periods(CalendarKind.WORKDAY));
        assertThat(small.periods(CalendarKind.WORKDAY).get(1).lengthMinutes()).isEqualTo(600);
        assertThat(small.periods(CalendarKind.WORKDAY).get(0).firstFen()).isEqualTo(500);
    }

    @Test
    void gapIsRejectedNamingThePeriods() {
        assertThatThrownBy(() -> read(dayNight("\"start\": \"07:00\", \"end\": \"21:00\"",
                "\"start\": \"22:00\", \"end\": \"07:00\"")))
                .isInstanceOf(TariffException.class)
                .hasMessageContaining("class 'small' workday")
                .hasMessageContaining("gap 21:00-22:00 between period '白天'")
                .hasMessageContaining("period '夜间'");
    }

    @Test
    void overlapIsRejectedNamingThePeriods() {
        assertThatThrownBy(() -> read(dayNight("\"start\": \"07:00\", \"end\": \"21:00\"",
                "\"start\": \"20:00\", \"end\": \"07:00\"")))
                .isInstanceOf(TariffException.class)
                .hasMessageContaining("period '夜间' 20:00-07:00 overlaps period '白天' 07:00-21:00 (20:00-21:00)");
    }

    @Test
    void singlePeriodMustCoverTheDay() {
        assertThatThrownBy(() -> read("""
            {"id": "x", "classes": {"small": {"workday": [
               {"name": "白天", "start": "08:00", "end": "20:00", "unitMinutes": 60, "unitFen": 100}]}}}
            """)).isInstanceOf(TariffException.class).hasMessageContaining("gap 20:00-08:00 after period '白天'");
    }

    @Test
    void unknownFieldIsRejectedWithItsPlace() {
        assertThatThrownBy(() -> read("""
            {"id": "x", "classes": {"small": {"workday": [
               {"name": "全天", "start": "00:00", "end": "24:00", "unitMinutes": 60, "untiFen": 100}]}}}
            """)).isInstanceOf(TariffException.class)
                .hasMessageContaining("class 'small' workday period '全天': unknown field 'untiFen'");
    }

    @Test
    void badJsonIsATariffException() {
        assertThatThrownBy(() -> read("{\"id\": ")).isInstanceOf(TariffException.class)
                .hasMessageContaining("not valid JSON");
    }

    @Test
    void moneyMustBeWholeFen() {
        assertThatThrownBy(() -> read("""
            {"id": "x", "classes": {"small": {"workday": [
               {"name": "全天", "start": "00:00", "end": "00:00", "unitMinutes": 60, "unitFen": 1.5}]}}}
            """)).isInstanceOf(TariffException.class)
                .hasMessageContaining("period '全天': 'unitFen' must be a whole number (money in fen)");
    }

    @Test
    void graceMustBeShorterThanTheUnit() {
        assertThatThrownBy(() -> read("""
            {"id": "x", "classes": {"small": {"workday": [
               {"name": "全天", "start": "00:00", "end": "00:00", "unitMinutes": 60, "unitFen": 100,
                "graceMinutes": 60}]}}}
            """)).isInstanceOf(TariffException.class)
                .hasMessageContaining("period '全天' 00:00-00:00: graceMinutes 60 must be shorter than the unit");
    }

    @Test
    void derivedClassScalesEveryPrice() throws TariffException {
        Tariff t = read("""
            {"id": "x", "defaultClass": "small", "classes": {
              "small": {"dailyCapsFen": [3000], "workday": [
               {"name": "全天", "start": "00:00", "end": "00:00", "firstMinutes": 30, "firstFen": 200,
                "unitMinutes": 60, "unitFen": 500}]},
              "large": {"displayName": "大车", "sameAs": "small", "factor": 2}}}
            """);
        ClassTariff large = t.find("large").orElseThrow();
        assertThat(large.displayName()).isEqualTo("大车");
        assertThat(large.dailyCapsFen()).containsExactly(6000L);
        Period p = large.periods(CalendarKind.WORKDAY).get(0);
        assertThat(p.firstFen()).isEqualTo(400);
        assertThat(p.unitFen()).isEqualTo(1000);
        assertThat(p.start()).isEqualTo(LocalTime.MIDNIGHT);
    }

    @Test
    void defaultClassMustExist() {
        assertThatThrownBy(() -> read("""
            {"id": "x", "defaultClass": "big", "classes": {"small": {"workday": [
               {"name": "全天", "start": "00:00", "end": "00:00", "unitMinutes": 60, "unitFen": 100}]}}}
            """)).isInstanceOf(TariffException.class).hasMessageContaining("default class 'big'");
    }

    @Test
    void demoDefaultIsAValidTariff() {
        Tariff demo = Tariffs.demoDefault();
        assertThat(demo.defaultClass()).isEqualTo("small");
        assertThat(demo.classes()).containsKeys("small", "large");
    }

    @Test
    void everyPackedTariffSurvivesAJsonRoundTrip() throws Exception {
        for (String name : new String[] {"demo-default.json", "airport-escalating.json", "taizhou-ladder.json",
            "kaifeng-station.json", "day-night.json"}) {
            Tariff t = Tariffs.packed(name);
            String json = Tariffs.toJson(t);
            assertThat(read(json)).as(name).isEqualTo(t);
            assertThat(json).as(name).doesNotContain("sameAs");
        }
        assertThat(read(Tariffs.toJson(Tariffs.demoDefault()))).isEqualTo(Tariffs.demoDefault());
    }

    @Test
    void everyPackedTariffFileIsValid() throws Exception {
        for (String name : new String[] {"demo-default.json", "airport-escalating.json", "taizhou-ladder.json",
            "kaifeng-station.json", "day-night.json"}) {
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(Tariffs.CLASSPATH_FOLDER + name)) {
                assertThat(in).as(name).isNotNull();
                assertThat(Tariffs.read(in).classes()).as(name).isNotEmpty();
            }
        }
    }
}
