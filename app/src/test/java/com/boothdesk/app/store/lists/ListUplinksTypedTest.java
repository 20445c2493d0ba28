package com.boothdesk.app.store.lists;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

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
import com.boothdesk.sdk.message.MessageValidationException;
import com.boothdesk.sdk.message.uplink.MonthPayRecord;
import com.boothdesk.sdk.message.uplink.PrepayCardDeduction;
import com.boothdesk.sdk.message.uplink.PrepayCardRecord;
import com.boothdesk.sdk.message.uplink.UploadBlackuser;
import com.boothdesk.sdk.message.uplink.UploadCarType;
import com.boothdesk.sdk.message.uplink.UploadCollector;
import com.boothdesk.sdk.message.uplink.UploadGate;
import com.boothdesk.sdk.message.uplink.UploadMonthCard;
import com.boothdesk.sdk.message.uplink.UploadMonthMember;
import com.boothdesk.sdk.message.uplink.UploadPrepayCard;
import com.boothdesk.sdk.message.uplink.UploadTicketDeduction;
import com.boothdesk.sdk.message.uplink.UploadWhiteList;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * The list uplinks now written by the typed messages of sdk.message.uplink are, field for field and in order, what
 * the booth sent before (the hand-built JSON, kept as {@link ListUplinksLegacy}), for ordinary rows, deletions and the
 * worst-case long texts; each reads back into the same message (tolerant reading) and writes the same JSON again.
 */
class ListUplinksTypedTest {

    static final Instant AT = Instant.parse("2024-05-10T02:00:00Z");
    static final String LONG = "很长的文字".repeat(40);

    record Pair(ObjectNode typed, ObjectNode legacy, Function<ObjectNode, ObjectNode> roundTrip) {
    }

    static Map<String, Pair> pairs(String text) {
        MonthlyCard card = new MonthlyCard("100000", List.of("京A12345", "京B12345D"), text, LocalDate.of(2024, 5, 1),
                LocalDate.of(2024, 5, 31), 2, "small", Set.of("A1"));
        MonthMember member = new MonthMember(card, "P1", "13800000000", text, text, 30000, 29000, 1);
        StoredValueTrade topUp = new StoredValueTrade("SV1", "S1", StoredValueTrade.Kind.TOP_UP, 5000, 4800, text,
                "京A12345", null, AT);
        StoredValueTrade deduction = new StoredValueTrade("SV2", "S1", StoredValueTrade.Kind.DEDUCTION, -1250, 1250,
                text, "京A12345", "A1_1715306400_1", AT);
        Map<String, Pair> m = new LinkedHashMap<>();
        for (int op : new int[] {ListUplinks.ADD, ListUplinks.MODIFY, ListUplinks.DELETE}) {
            m.put("2.4/" + op, new Pair(ListUplinks.collector(new Collector("u1", text, 1), op, AT),
                    ListUplinksLegacy.collector(new Collector("u1", text, 1), op, AT),
                    j -> UploadCollector.fromJson(j).toJson()));
            MonthPackage pkg = new MonthPackage("P1", text, 12345, "月", text, "small", false);
            m.put("2.8/" + op, new Pair(ListUplinks.monthPackage(pkg, op, AT), ListUplinksLegacy.monthPackage(pkg, op,
                    AT), j -> UploadMonthCard.fromJson(j).toJson()));
            m.put("2.10/" + op, new Pair(ListUplinks.monthMember(member, op, AT, ListsFixture.ZONE),
                    ListUplinksLegacy.monthMember(member, op, AT, ListsFixture.ZONE),
                    j -> UploadMonthMember.fromJson(j).toJson()));
            ParkChannel ch = new ParkChannel("B1", text, ParkChannel.Direction.EXIT, op == 1 ? "" : "L1", "D1");
            m.put("2.14/" + op, new Pair(ListUplinks.gate(ch, op), ListUplinksLegacy.gate(ch, op),
                    j -> UploadGate.fromJson(j).toJson()));
            BlacklistEntry b = new BlacklistEntry("京A12345", text, "BL1", LocalDateTime.of(2024, 5, 1, 0, 0), null,
                    LocalTime.NOON, LocalTime.MIDNIGHT, Set.of(DayOfWeek.MONDAY));
            m.put("2.15/" + op, new Pair(ListUplinks.blackuser(b, op, text, AT), ListUplinksLegacy.blackuser(b, op,
                    text, AT), j -> UploadBlackuser.fromJson(j).toJson()));
            m.put("2.16/" + op, new Pair(ListUplinks.carType(new CarType("big", text, 2), op, AT),
                    ListUplinksLegacy.carType(new CarType("big", text, 2), op, AT),
                    j -> UploadCarType.fromJson(j).toJson()));
            StoredValueAccount a = new StoredValueAccount("S1", List.of("京A12345"), text, "13800000000", 99999,
                    "small", text);
            m.put("2.25/" + op, new Pair(ListUplinks.prepayCard(a, op, AT), ListUplinksLegacy.prepayCard(a, op, AT),
                    j -> UploadPrepayCard.fromJson(j).toJson()));
            WhiteListEntry w = new WhiteListEntry("京A12345", text, LocalDate.of(2024, 5, 1),
                    op == 2 ? WhiteListEntry.FOREVER : LocalDate.of(2024, 5, 31), text);
            m.put("2.35/" + op, new Pair(ListUplinks.whiteList(w, op, op == 1 ? "" : "W7", AT, ListsFixture.ZONE),
                    ListUplinksLegacy.whiteList(w, op, op == 1 ? "" : "W7", AT, ListsFixture.ZONE),
                    j -> UploadWhiteList.fromJson(j).toJson()));
        }
        MonthRenewal r = new MonthRenewal("MR1", "100000", AT, 30000, 30000, "现金", text, 1, LocalDate.of(2024, 6, 1),
                LocalDate.of(2024, 6, 30), text);
        m.put("2.13", new Pair(ListUplinks.monthRenewal(r, "京A12345", ListsFixture.ZONE),
                ListUplinksLegacy.monthRenewal(r, "京A12345", ListsFixture.ZONE),
                j -> MonthPayRecord.fromJson(j).toJson()));
        MonthRenewal r0 = new MonthRenewal("MR2", "100000", AT, 0, 0, "现金", "", 0, null, LocalDate.of(2024, 6, 30),
                "");
        m.put("2.13/nostart", new Pair(ListUplinks.monthRenewal(r0, "京A12345", ListsFixture.ZONE),
                ListUplinksLegacy.monthRenewal(r0, "京A12345", ListsFixture.ZONE),
                j -> MonthPayRecord.fromJson(j).toJson()));
        m.put("2.26", new Pair(ListUplinks.prepayTopUp(topUp), ListUplinksLegacy.prepayTopUp(topUp),
                j -> PrepayCardRecord.fromJson(j).toJson()));
        m.put("2.27", new Pair(ListUplinks.prepayDeduction(deduction, 3750),
                ListUplinksLegacy.prepayDeduction(deduction, 3750), j -> PrepayCardDeduction.fromJson(j).toJson()));
        m.put("2.29/numeric", new Pair(ListUplinks.ticketDeduction("200002", "京A12345", text, "A1_1", AT, 500, text),
                ListUplinksLegacy.ticketDeduction("200002", "京A12345", text, "A1_1", AT, 500, text),
                j -> UploadTicketDeduction.fromJson(j).toJson()));
        m.put("2.29/text", new Pair(ListUplinks.ticketDeduction("T-9", "京A12345", text, "A1_1", AT, 500, ""),
                ListUplinksLegacy.ticketDeduction("T-9", "京A12345", text, "A1_1", AT, 500, ""),
                j -> UploadTicketDeduction.fromJson(j).toJson()));
        return m;
    }

    @Test
    void theTypedMessagesWriteWhatTheBoothSentBefore() {
        for (String text : List.of("一号楼 长期客户", LONG, "")) {
            pairs(text).forEach((name, p) -> {
                assertThat(p.typed().toString()).as("%s (%d chars of text)", name, text.length())
                        .isEqualTo(p.legacy().toString());
                assertThat(p.roundTrip().apply(p.typed()).toString()).as("%s read back and written again", name)
                        .isEqualTo(p.typed().toString());
            });
        }
    }

    @Test
    void writingIsStrictAndReadingTolerant() {
        assertThatThrownBy(() -> new UploadGate("东出口", 1, 1, null, null, null).toJson())
                .isInstanceOf(MessageValidationException.class).hasMessageContaining("channel_id");
        assertThatThrownBy(() -> new UploadCollector("u1", "名".repeat(25), 1L, 1L, 1, 1).toJson())
                .isInstanceOf(MessageValidationException.class).hasMessageContaining("name");
        assertThatThrownBy(() -> new UploadCarType("big", "大车", -1L, null, 1, 1).toJson())
                .hasMessageContaining("create_time");
        ObjectNode loose = (ObjectNode) WireCodec.MAPPER.createObjectNode().put("service_name", "month_pay_record")
                .put("trade_no", "T1").put("card_id", 100000).put("pay_time", "1715306400").put("amount_pay", 300.5)
                .put("amount_receivable", "300.50").put("buy_month", "2").put("unknown", "x");
        MonthPayRecord r = MonthPayRecord.fromJson(loose);
        assertThat(r.cardId()).isEqualTo("100000");
        assertThat(r.payTime()).isEqualTo(1715306400L);
        assertThat(r.amountPayFen()).isEqualTo(30050L);
        assertThat(r.amountReceivableFen()).isEqualTo(30050L);
        assertThat(r.buyMonth()).isEqualTo(2);
    }
}
