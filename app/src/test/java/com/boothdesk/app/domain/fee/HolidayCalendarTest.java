package com.boothdesk.app.domain.fee;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.Set;

import org.junit.jupiter.api.Test;

class HolidayCalendarTest {

    private static HolidayCalendar read(String json) throws TariffException {
        return HolidayCalendar.read(new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void weekendsHolidaysAndMakeUpWorkdays() throws TariffException {
        HolidayCalendar c = read("""
            {"weekendsAreHolidays": true, "holidays": ["2026-10-01", "2026-10-02"], "workdays": ["2026-10-10"]}
            """);

        assertThat(c.kindOf(LocalDate.parse("2026-10-01"))).isEqualTo(CalendarKind.HOLIDAY);  // Thursday, listed
        assertThat(c.kindOf(LocalDate.parse("2026-10-05"))).isEqualTo(CalendarKind.WORKDAY);  // Monday
        assertThat(c.kindOf(LocalDate.parse("2026-10-04"))).isEqualTo(CalendarKind.HOLIDAY);  // Sunday
        assertThat(c.kindOf(LocalDate.parse("2026-10-10"))).isEqualTo(CalendarKind.WORKDAY);  // Saturday, 调休
    }

    @Test
    void allWorkdaysByDefault() {
        assertThat(HolidayCalendar.allWorkdays().kindOf(LocalDate.parse("2026-10-04"))).isEqualTo(CalendarKind.WORKDAY);
        assertThat(HolidayCalendar.of(Set.of(), Set.of(), false).kindOf(LocalDate.parse("2026-10-04")))
                .isEqualTo(CalendarKind.WORKDAY);
    }

    @Test
    void badFilesNameTheField() {
        assertThatThrownBy(() -> read("{\"holiday\": []}")).isInstanceOf(TariffException.class)
                .hasMessageContaining("unknown field 'holiday'");
        assertThatThrownBy(() -> read("{\"workdays\": \"2026-10-10\"}")).isInstanceOf(TariffException.class)
                .hasMessageContaining("'workdays' must be an array");
        assertThatThrownBy(() -> read("{\"weekendsAreHolidays\": \"yes\"}")).isInstanceOf(TariffException.class)
                .hasMessageContaining("'weekendsAreHolidays' must be true or false");
        assertThatThrownBy(() -> read("[")).isInstanceOf(TariffException.class).hasMessageContaining("not valid JSON");
    }
}
