package com.boothdesk.app.store.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;

import org.dhatim.fastexcel.reader.ReadableWorkbook;
import org.dhatim.fastexcel.reader.Row;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.cloud.CloudBridge;
import com.boothdesk.app.domain.gate.GateEvent;
import com.boothdesk.app.domain.gate.GateOutcome;
import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.JdbcGateEventLog;
import com.boothdesk.app.store.JdbcOrderRepository;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/** The history's queries against a real H2 file. */
class JdbcHistoryTest {

    static final Instant T0 = Instant.parse("2026-11-18T02:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    Database db;
    JdbcOutbox outbox;
    JdbcHistory history;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("db"));
        outbox = new JdbcOutbox(db.dataSource(), Clock.fixed(T0, ZoneOffset.UTC));
        history = new JdbcHistory(db, outbox);
        HistoryFixtures.insert(db, List.of(
                HistoryFixtures.paid("o1", "京A12345", "B1", T0, T0.plusSeconds(3600), "zhang", 500),
                HistoryFixtures.paid("o2", "京A12346", "B2", T0.plusSeconds(60), T0.plusSeconds(7200), "li", 1000),
                HistoryFixtures.paid("o3", "沪C88888", "B1", T0.plus(Duration.ofDays(3)),
                        T0.plus(Duration.ofDays(3)).plusSeconds(600), "zhang", 300),
                new HistoryFixtures.Stay("o4", "苏E0D123", "苏E00123", CarKind.TEMPORARY, "A1", T0.plusSeconds(30),
                        "op0", "B1", T0.plusSeconds(900), "li", 800, 0, 0, PaymentMethod.FREE, "救护车"),
                new HistoryFixtures.Stay("o5", "粤B54321", null, CarKind.MONTHLY, "A2", T0.plus(Duration.ofDays(6)),
                        "op0", null, null, null, 0, 0, 0, null, null)));
    }

    @AfterEach
    void close() {
        db.close();
    }

    @Test
    void aMisreadPlateFindsItsCarByTheFuzzySearchBestMatchFirst() {
        // the camera read 京A1Z345 (2 read as Z): the car is 京A12345; its one-character neighbour 京A12346 comes after
        List<HistoryRow> rows = history.search(HistoryQuery.all().withPlate("京A1Z345", HistoryQuery.PlateMode.FUZZY));

        assertThat(rows).extracting(HistoryRow::orderId).first().isEqualTo("o1");
        assertThat(rows.get(0).match()).isGreaterThan(0).isLessThan(100);
        assertThat(rows.get(0).matchWhy()).isNotEmpty();
        assertThat(rows).extracting(HistoryRow::orderId).doesNotContain("o3", "o5");
    }

    @Test
    void theFuzzySearchSeesPlatesWrittenAfterItsFirstSearchNewStaysCorrectionsAndExitReads() {
        assertThat(history.search(HistoryQuery.all().withPlate("浙K7Z001", HistoryQuery.PlateMode.FUZZY))).isEmpty();

        // a new stay, a corrected plate and a plate read at the exit, all written after the pool was first read
        HistoryFixtures.insert(db, List.of(HistoryFixtures.paid("o6", "浙K72001", "B1", T0.plusSeconds(99),
                T0.plusSeconds(999), "li", 200)));
        db.write(c -> {
            try (var st = c.createStatement()) {
                st.executeUpdate("UPDATE parking_order SET plate = '闽D5G789' WHERE order_id = 'o3'");
                st.executeUpdate("UPDATE parking_order SET exit_plate_read = '川Q1I111' WHERE order_id = 'o2'");
            }
            return null;
        });

        assertThat(history.search(HistoryQuery.all().withPlate("浙K7Z001", HistoryQuery.PlateMode.FUZZY)))
                .extracting(HistoryRow::orderId).containsExactly("o6");
        assertThat(history.search(HistoryQuery.all().withPlate("闽D56789", HistoryQuery.PlateMode.FUZZY)))
                .extracting(HistoryRow::orderId).containsExactly("o3");
        assertThat(history.search(HistoryQuery.all().withPlate("川Q11111", HistoryQuery.PlateMode.FUZZY)))
                .extracting(HistoryRow::orderId).containsExactly("o2");
        // the pool is the table the database keeps, one row per plate however often it is written
        long rows = db.read(c -> {
            try (var st = c.createStatement(); var rs = st.executeQuery("SELECT COUNT(*) FROM history_plate")) {
                rs.next();
                return rs.getLong(1);
            }
        });
        assertThat(rows).isEqualTo(9); // o1..o6 plates, 苏E00123 read at o4, 闽D5G789, 川Q1I111 (沪C88888 stays)
    }

    @Test
    void aFuzzySearchAlsoFindsThePlateReadAtTheExitAndIgnoresTheProvince() {
        assertThat(history.search(HistoryQuery.all().withPlate("苏E00123", HistoryQuery.PlateMode.FUZZY)))
                .extracting(HistoryRow::orderId).containsExactly("o4");
        assertThat(history.search(HistoryQuery.all().withPlate("浙C88888", HistoryQuery.PlateMode.FUZZY)))
                .extracting(HistoryRow::orderId).containsExactly("o3");
    }

    @Test
    void exactAndFragmentSearches() {
        assertThat(history.search(HistoryQuery.all().withPlate("京a·12345", HistoryQuery.PlateMode.EXACT)))
                .extracting(HistoryRow::orderId).containsExactly("o1");
        assertThat(history.search(HistoryQuery.all().withPlate("京A1Z345", HistoryQuery.PlateMode.EXACT))).isEmpty();
        assertThat(history.search(HistoryQuery.all().withPlate("1234", HistoryQuery.PlateMode.CONTAINS)))
                .extracting(HistoryRow::orderId).containsExactlyInAnyOrder("o1", "o2");
        // LIKE characters typed by the user are taken literally
        assertThat(history.search(HistoryQuery.all().withPlate("%", HistoryQuery.PlateMode.CONTAINS))).isEmpty();
    }

    @Test
    void aFragmentMostPlatesHoldIsSearchedOverTheStaysThemselves() {
        List<HistoryFixtures.Stay> many = new java.util.ArrayList<>();
        for (int i = 0; i < 600; i++) {
            many.add(HistoryFixtures.paid("m" + i, String.format("闽F9%04d", i), "B1", T0.plusSeconds(i),
                    T0.plusSeconds(5000 + i), "li", 100));
        }
        HistoryFixtures.insert(db, many);
        // 600 plates hold "F9" (more than the plate pool answers for): every one of their stays is found all the same
        assertThat(history.count(HistoryQuery.all().withPlate("F9", HistoryQuery.PlateMode.CONTAINS)
                .withRange(null, null))).isEqualTo(600);
        assertThat(history.search(HistoryQuery.all().withPlate("F90599", HistoryQuery.PlateMode.CONTAINS)))
                .extracting(HistoryRow::orderId).containsExactly("m599");
    }

    @Test
    void filtersByTimeLaneAttendantPaymentAndOutcome() {
        HistoryQuery firstDay = HistoryQuery.all().withRange(T0.minusSeconds(1), T0.plus(Duration.ofDays(1)));
        assertThat(history.search(firstDay)).extracting(HistoryRow::orderId)
                .containsExactly("o2", "o4", "o1"); // newest entry first
        assertThat(history.search(HistoryQuery.all().withLane("B2"))).extracting(HistoryRow::orderId)
                .containsExactly("o2");
        assertThat(history.search(HistoryQuery.all().withAttendant("zhang"))).extracting(HistoryRow::orderId)
                .containsExactly("o3", "o1");
        assertThat(history.search(HistoryQuery.all().withPayment(PaymentMethod.FREE))).extracting(HistoryRow::orderId)
                .containsExactly("o4");
        assertThat(history.search(HistoryQuery.all().withOutcome(HistoryQuery.Outcome.IN_LOT)))
                .extracting(HistoryRow::orderId).containsExactly("o5");
        assertThat(history.search(HistoryQuery.all().withOutcome(HistoryQuery.Outcome.PAID)))
                .extracting(HistoryRow::orderId).containsExactly("o3", "o2", "o1");
        assertThat(history.count(HistoryQuery.all())).isEqualTo(5);
        assertThat(history.search(HistoryQuery.all().withLimit(2))).hasSize(2);
        assertThat(history.lanes()).containsExactly("A1", "A2", "B1", "B2");
        assertThat(history.attendants()).containsExactly("li", "op0", "zhang");
    }

    @Test
    void aRangeThatEndsBeforeItStartsIsRefusedByName() {
        assertThatThrownBy(() -> HistoryQuery.all().withRange(T0, T0.minusSeconds(1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ends");
    }

    @Test
    void anOrdersStoryHoldsEntryPaymentsGateEventsExitAndItsCloudMessagesWithTheirState() {
        Database d = db;
        CloudBridge bridge = new CloudBridge(outbox, "B1", Clock.fixed(T0, ZoneOffset.UTC));
        JdbcOrderRepository orders = new JdbcOrderRepository(d, bridge);
        try (JdbcGateEventLog gates = new JdbcGateEventLog(d, bridge)) {
            orders.recordEntry(ParkingOrder.entered("s1", "京B77777", "small", "A1", T0, "op1", "a/in.jpg"), 100);
            orders.recordPrepayment("T-9", "s1", 600, T0.plusSeconds(1800), T0.plusSeconds(1801));
            ParkingOrder o = orders.find("s1").orElseThrow();
            gates.record(new GateEvent("B1", T0.plusSeconds(3599), GateEvent.Action.OPEN, GateEvent.Cause.MANUAL,
                    "zhang", "s1", "设备故障", "b/lift.jpg", GateOutcome.confirmed("ACK")));
            gates.drain();
            orders.recordExit(o.closed("B1", T0.plusSeconds(3600), 1000, 400, PaymentMethod.CASH, "zhang",
                    "a/out.jpg", null), 100);
        }

        List<StoryEvent> story = history.story("s1");

        assertThat(story).extracting(StoryEvent::kind).startsWith(StoryEvent.Kind.ENTRY)
                .contains(StoryEvent.Kind.PAYMENT, StoryEvent.Kind.GATE, StoryEvent.Kind.EXIT,
                        StoryEvent.Kind.CLOUD);
        assertThat(story).filteredOn(e -> e.kind() == StoryEvent.Kind.CLOUD).extracting(StoryEvent::title)
                .anyMatch(t -> t.contains("in_park")).anyMatch(t -> t.contains("out_park"));
        assertThat(story).filteredOn(e -> e.kind() == StoryEvent.Kind.CLOUD).extracting(StoryEvent::detail)
                .allMatch(d2 -> d2.startsWith("待发送")); // PENDING, in the operator's words
        assertThat(story).filteredOn(e -> e.kind() == StoryEvent.Kind.GATE).singleElement()
                .satisfies(g -> {
                    assertThat(g.title()).isEqualTo("道闸 B1 抬杆（手动）");
                    assertThat(g.detail()).startsWith("设备 已确认").contains("设备故障").contains("zhang");
                });
        assertThat(story).filteredOn(e -> e.kind() == StoryEvent.Kind.EXIT).singleElement()
                .satisfies(x -> assertThat(x.image()).isEqualTo("a/out.jpg"));
        for (int i = 1; i < story.size(); i++) {
            assertThat(story.get(i).at()).isAfterOrEqualTo(story.get(i - 1).at());
        }
        assertThat(history.story("nope")).isEmpty();
    }

    @Test
    void gateEventsAreSearchableByThemselves() {
        try (JdbcGateEventLog gates = new JdbcGateEventLog(db, JdbcGateEventLog.GateUplinks.NONE)) {
            gates.record(new GateEvent("B1", T0, GateEvent.Action.OPEN, GateEvent.Cause.MANUAL, "zhang", null,
                    "来访", null, GateOutcome.confirmed("")));
            gates.record(new GateEvent("A1", T0.plusSeconds(5), GateEvent.Action.OPEN, GateEvent.Cause.ENTRY_ACCEPTED,
                    "system", "o1", null, null, GateOutcome.confirmed("")));
            gates.drain();
        }
        assertThat(history.gateEvents(null, null, null, null, false, 10)).hasSize(2);
        assertThat(history.gateEvents(null, null, null, "zhang", true, 10)).singleElement()
                .satisfies(g -> assertThat(g.reason()).isEqualTo("来访"));
        assertThat(history.gateEvents(T0.plusSeconds(1), null, "A1", null, false, 10)).hasSize(1);
    }

    @Test
    void aSearchIsExportedWholeToCsvAndExcel() throws Exception {
        Path csv = dir.resolve("out/history.csv");
        Path xlsx = dir.resolve("out/history.xlsx");
        HistoryQuery q = HistoryQuery.all().withLimit(1); // the export ignores the screen's limit

        assertThat(HistoryExport.write(history, q, csv, ZONE)).isEqualTo(5);
        assertThat(HistoryExport.write(history, q, xlsx, ZONE)).isEqualTo(5);

        List<String> lines = Files.readAllLines(csv, StandardCharsets.UTF_8);
        assertThat(lines.get(0)).startsWith("\uFEFF订单号,车牌");
        assertThat(lines).hasSize(6).anyMatch(l -> l.startsWith("o1,京A12345,,临时车,A1,2026-11-18 10:00:00,")
                && l.contains(",5.00,5.00,"));
        try (ReadableWorkbook wb = new ReadableWorkbook(Files.newInputStream(xlsx))) {
            List<Row> rows = wb.getFirstSheet().read();
            assertThat(rows).hasSize(6);
            assertThat(rows.get(0).getCellText(0)).isEqualTo("订单号");
            Row o4 = rows.stream().filter(r -> "o4".equals(r.getCellText(0))).findFirst().orElseThrow();
            assertThat(o4.getCellText(2)).isEqualTo("苏E00123");
            assertThat(o4.getCell(11).asNumber()).isEqualByComparingTo("8.00");
            assertThat(o4.getCellText(16)).isEqualTo("救护车");
        }
    }

    @Test
    void csvCellsAreQuotedAndFormulasDefused() {
        assertThat(TableExport.csvCell("a,b")).isEqualTo("\"a,b\"");
        assertThat(TableExport.csvCell("say \"hi\"")).isEqualTo("\"say \"\"hi\"\"\"");
        assertThat(TableExport.csvCell("=cmd()")).isEqualTo("'=cmd()");
        assertThat(TableExport.csvCell(new TableExport.Money(-5))).isEqualTo("-0.05");
    }
}
