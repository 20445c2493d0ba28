package com.boothdesk.app.store.lists;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.domain.lists.BlacklistEntry;
import com.boothdesk.app.domain.lists.CarType;
import com.boothdesk.app.domain.lists.Collector;
import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthPackage;
import com.boothdesk.app.domain.lists.MonthRenewal;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.domain.lists.ParkChannel;
import com.boothdesk.app.domain.lists.StoredValueAccount;
import com.boothdesk.app.domain.lists.StoredValueTrade;
import com.boothdesk.app.domain.lists.WhiteListEntry;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** Every list uplink, filled with the longest texts an operator could type, still fits one cloud line. */
class ListUplinksTest {

    static final String LONG = "很长的文字".repeat(40);
    static final String TOKEN = "0123456789abcdef0123456789abcdef0123";
    static final Instant AT = Instant.parse("2024-05-10T02:00:00Z");

    @Test
    void theWorstCaseOfEveryUplinkFitsTheCloudsLineLimit() {
        MonthlyCard card = new MonthlyCard("M" + "9".repeat(23), List.of("京A12345D", "京B12345D", "京C12345D",
                "京D12345D"), LONG, LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31), 4, "car_type_123456789012",
                Set.of("A1", "A2", "B1", "B2"));
        StoredValueTrade trade = new StoredValueTrade("SV1715306400_123456789", "S" + "9".repeat(23),
                StoredValueTrade.Kind.DEDUCTION, -123456, 123456, LONG, "京A12345D", "A1_1715306400_123456", AT);
        Map<String, ObjectNode> all = Map.ofEntries(
                Map.entry("2.4", ListUplinks.collector(new Collector("u".repeat(24), LONG, 1), 1, AT)),
                Map.entry("2.8", ListUplinks.monthPackage(new MonthPackage("p".repeat(24), LONG, 999999, "半年", LONG,
                        "car_type_123456789012", false), 1, AT)),
                Map.entry("2.10", ListUplinks.monthMember(new MonthMember(card, "p".repeat(24), LONG, LONG, LONG,
                        999999, 999999, 1), 1, AT, ListsFixture.ZONE)),
                Map.entry("2.13", ListUplinks.monthRenewal(new MonthRenewal("MR1715306400_123456789", card.cardId(),
                        AT, 999999, 999999, "电子支付", LONG, 12, LocalDate.of(2024, 6, 1), LocalDate.of(2025, 5, 31),
                        LONG), "京A12345D", ListsFixture.ZONE)),
                Map.entry("2.14", ListUplinks.gate(new ParkChannel("c".repeat(16), LONG, ParkChannel.Direction.BOTH,
                        "l".repeat(24), "d".repeat(24)), 1)),
                Map.entry("2.15", ListUplinks.blackuser(new BlacklistEntry("京A12345D", LONG, "b".repeat(24),
                        LocalDateTime.of(2024, 5, 1, 0, 0), null, LocalTime.NOON, LocalTime.MIDNIGHT,
                        Set.of(DayOfWeek.MONDAY)), 1, LONG, AT)),
                Map.entry("2.16", ListUplinks.carType(new CarType("t".repeat(24), LONG, 1), 1, AT)),
                Map.entry("2.25", ListUplinks.prepayCard(new StoredValueAccount(trade.cardId(), card.plates(), LONG,
                        LONG, 999999, "car_type_123456789012", LONG), 1, AT)),
                Map.entry("2.26", ListUplinks.prepayTopUp(trade)),
                Map.entry("2.27", ListUplinks.prepayDeduction(trade, 999999)),
                Map.entry("2.29", ListUplinks.ticketDeduction("123456789012345", "京A12345D", LONG,
                        "A1_1715306400_123456", AT, 999999, LONG)),
                Map.entry("2.35", ListUplinks.whiteList(new WhiteListEntry("京A12345D", LONG, LocalDate.of(2024, 5, 1),
                        LocalDate.of(2024, 5, 31), LONG), 1, "9".repeat(12), AT, ListsFixture.ZONE)));
        all.forEach((entry, uplink) -> {
            int bytes = WireCodec.utf8Length(WireCodec.encodeUplink(uplink, TOKEN, "EA2D90FEEF1E9F8E"));
            assertThat(bytes).as("%s %s on the wire", entry, uplink.path("service_name").asText())
                    .isLessThanOrEqualTo(WireCodec.MAX_UPLINK_BYTES);
            assertThat(uplink.path("data_target").asText()).isEqualTo("cloud");
        });
    }

    @Test
    void validityIsSentAsTheFirstAndLastSecondOfTheDaysInTheParksZone() {
        assertThat(ListUplinks.startOf(LocalDate.of(2024, 5, 1), ListsFixture.ZONE)).isEqualTo(1714492800L);
        assertThat(ListUplinks.endOf(LocalDate.of(2024, 5, 31), ListsFixture.ZONE)).isEqualTo(1717171199L);
        assertThat(ListUplinks.key("month_member", "x".repeat(100))).hasSize(64);
    }
}
