package com.boothdesk.app.domain.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;

import org.junit.jupiter.api.Test;

class ListRecordsTest {

    static final LocalDate MAY_1 = LocalDate.of(2024, 5, 1);
    static final LocalDate MAY_31 = LocalDate.of(2024, 5, 31);

    @Test
    void platesAreTrimmedUpperCasedAndSplitOnCommas() {
        assertThat(Plates.normalise("  京a 12345\u3000")).isEqualTo("京A12345");
        assertThat(Plates.normalise(null)).isEmpty();
        assertThat(Plates.split("京a1,京B2, ,京A1，沪C3")).containsExactly("京A1", "京B2", "沪C3");
        assertThat(Plates.split(null)).isEmpty();
    }

    @Test
    void aMonthlyCardIsValidFromItsFirstToItsLastDayBothIncluded() {
        MonthlyCard card = new MonthlyCard("c1", List.of("京A1"), "张三", MAY_1, MAY_31, 1, "", Set.of());
        assertThat(card.validOn(MAY_1.minusDays(1))).isFalse();
        assertThat(card.validOn(MAY_1)).isTrue();
        assertThat(card.validOn(MAY_31)).isTrue();
        assertThat(card.validOn(MAY_31.plusDays(1))).isFalse();
        assertThat(card.daysLeft(LocalDate.of(2024, 5, 28))).isEqualTo(3);
        assertThat(card.daysLeft(MAY_31)).isZero();
        assertThat(card.daysLeft(MAY_31.plusDays(2))).isEqualTo(-2);
    }

    @Test
    void aMonthlyCardWithoutChannelsMayUseEveryLaneAndMinusOneNone() {
        MonthlyCard all = new MonthlyCard("c1", List.of("京A1"), "", MAY_1, MAY_31, 0, null, Set.of());
        MonthlyCard some = new MonthlyCard("c2", List.of("京A1"), "", MAY_1, MAY_31, 2, null, Set.of("A1"));
        MonthlyCard none = new MonthlyCard("c3", List.of("京A1"), "", MAY_1, MAY_31, 2, null, Set.of("-1"));
        assertThat(all.allowsChannel("B2")).isTrue();
        assertThat(all.spaces()).isEqualTo(1);
        assertThat(some.allowsChannel("A1")).isTrue();
        assertThat(some.allowsChannel("B2")).isFalse();
        assertThat(none.allowsChannel("A1")).isFalse();
    }

    @Test
    void aVisitorPassIsUsableInsideItsTimeWhileEntriesAreLeft() {
        Instant from = Instant.parse("2024-05-10T00:00:00Z");
        Instant to = Instant.parse("2024-05-10T12:00:00Z");
        VisitorPass twice = new VisitorPass("京A1", from, to, 2, 1);
        assertThat(twice.usableAt(from.minusSeconds(1))).isFalse();
        assertThat(twice.usableAt(from)).isTrue();
        assertThat(twice.usableAt(to)).isTrue();
        assertThat(twice.usableAt(to.plusSeconds(1))).isFalse();
        assertThat(twice.entriesLeft()).isEqualTo(1);
        assertThat(new VisitorPass("京A1", from, to, 2, 2).usableAt(from)).isFalse();
        assertThat(new VisitorPass("京A1", from, to, 0, 99).usableAt(from)).isTrue();
    }

    @Test
    void aBlacklistWindowCrossingMidnightBelongsToTheDayItStarted() {
        // Friday nights only, 22:00 - 06:00
        BlacklistEntry b = new BlacklistEntry("京A1", "逃费", "b1", null, null, LocalTime.of(22, 0),
                LocalTime.of(6, 0), Set.of(DayOfWeek.FRIDAY));
        LocalDateTime friday = LocalDateTime.of(2024, 5, 10, 0, 0); // a Friday
        assertThat(b.activeAt(friday.withHour(21).withMinute(59))).isFalse();
        assertThat(b.activeAt(friday.withHour(22))).isTrue();
        assertThat(b.activeAt(friday.plusDays(1).withHour(2))).as("Saturday 02:00 is Friday's night").isTrue();
        assertThat(b.activeAt(friday.plusDays(1).withHour(6))).as("window end excluded").isFalse();
        assertThat(b.activeAt(friday.withHour(2))).as("Friday 02:00 is Thursday's night").isFalse();
        assertThat(b.activeAt(friday.plusDays(1).withHour(23))).as("Saturday night").isFalse();
    }

    @Test
    void aBlacklistDayWindowAndDatesLimitIt() {
        BlacklistEntry b = new BlacklistEntry("京A1", "", "b1", LocalDateTime.of(2024, 5, 1, 0, 0),
                LocalDateTime.of(2024, 5, 31, 23, 59, 59), LocalTime.of(8, 0), LocalTime.of(18, 0), Set.of());
        assertThat(b.activeAt(LocalDateTime.of(2024, 5, 15, 8, 0))).isTrue();
        assertThat(b.activeAt(LocalDateTime.of(2024, 5, 15, 17, 59))).isTrue();
        assertThat(b.activeAt(LocalDateTime.of(2024, 5, 15, 18, 0))).isFalse();
        assertThat(b.activeAt(LocalDateTime.of(2024, 5, 15, 7, 59))).isFalse();
        assertThat(b.activeAt(LocalDateTime.of(2024, 4, 30, 12, 0))).isFalse();
        assertThat(b.activeAt(LocalDateTime.of(2024, 6, 1, 12, 0))).isFalse();
        assertThat(new BlacklistEntry("京A1", "x").activeAt(LocalDateTime.of(2000, 1, 1, 3, 0))).isTrue();
    }

    @Test
    void aLockOpensOnlyWithItsKey() {
        CarLock lock = new CarLock("京A1", Instant.EPOCH, "cloud", "o1", "4000");
        assertThat(lock.opensWith(" 4000 ")).isTrue();
        assertThat(lock.opensWith("4001")).isFalse();
        assertThat(new CarLock("京A1", Instant.EPOCH, "cloud").opensWith("")).isFalse();
    }

    @Test
    void noneMentionsNothing() {
        PlateStatus none = PlateStatus.none("京A1", Instant.EPOCH);
        assertThat(none.isNone()).isTrue();
        assertThat(none.monthly()).isEmpty();
        assertThat(new WhiteListEntry("京A1", null, MAY_1, WhiteListEntry.FOREVER, null).longTerm()).isTrue();
    }
}
