package com.boothdesk.app.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.cloud.sync.ListAdmin;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.history.JdbcListReads;
import com.boothdesk.app.store.history.JdbcListReads.Kind;
import com.boothdesk.app.store.history.ListTable;
import com.boothdesk.app.store.history.TableExport;
import com.boothdesk.sdk.outbox.JdbcOutbox;
import com.boothdesk.sdk.outbox.OutboxEntry;

/** The list editors and the import, through the real ListAdmin on H2: each change with its upload. */
class ListFormsTest {

    static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
    static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    @TempDir
    Path dir;
    Database db;
    JdbcOutbox outbox;
    ListForms forms;
    JdbcListReads reads;

    @BeforeEach
    void open() {
        db = Database.open(dir.resolve("db"));
        Clock clock = Clock.fixed(T0, ZoneOffset.UTC);
        outbox = new JdbcOutbox(db.dataSource(), clock);
        forms = new ListForms(new ListAdmin(db, outbox, ZONE, clock));
        reads = new JdbcListReads(db, ZONE);
    }

    @AfterEach
    void close() {
        db.close();
    }

    static Map<String, String> monthly(String id, String plates, String from, String to) {
        Map<String, String> f = new HashMap<>();
        f.put("card_id", id);
        f.put("plates", plates);
        f.put("owner", "王先生");
        f.put("valid_from", from);
        f.put("valid_to", to);
        f.put("price", "300");
        return f;
    }

    @Test
    void aMonthlyCardIsStoredAndItsUploadIsInTheOutbox() {
        forms.save(Kind.MONTHLY, monthly("M-1", "京A12345, 京a·12346", "2026-11-01", "2026-12-31"), "sup");

        ListTable t = reads.read(Kind.MONTHLY, null);
        assertThat(t.rows()).singleElement().satisfies(r -> {
            assertThat(r.get("plates")).isEqualTo("京A12345,京A12346");
            assertThat(r.get("valid_to")).isEqualTo("2026-12-31");
            assertThat(r.get("price")).isEqualTo("300.00");
        });
        List<OutboxEntry> up = outbox.byOrderKey("month_member:M-1");
        assertThat(up).extracting(OutboxEntry::serviceName).contains("upload_month_member");
        assertThat(reads.read(Kind.MONTHLY, "12346").rows()).hasSize(1);
        assertThat(reads.read(Kind.MONTHLY, "99999").rows()).isEmpty();
    }

    @Test
    void aWrongValueIsRefusedByItsFieldAndNothingIsStoredOrUploaded() {
        assertThatThrownBy(() -> forms.save(Kind.MONTHLY, monthly("M-2", "京A12345", "2026-12-31", "2026-11-01"),
                "sup")).isInstanceOf(FieldException.class).extracting(e -> ((FieldException) e).field())
                .isEqualTo("valid_to");
        assertThatThrownBy(() -> forms.save(Kind.MONTHLY, monthly("M-2", "ABC", "2026-11-01", "2026-12-01"), "sup"))
                .isInstanceOf(FieldException.class).extracting(e -> ((FieldException) e).field()).isEqualTo("plates");
        Map<String, String> badPrice = monthly("M-2", "京A12345", "2026-11-01", "2026-12-01");
        badPrice.put("price", "12.345");
        assertThatThrownBy(() -> forms.save(Kind.MONTHLY, badPrice, "sup")).isInstanceOf(FieldException.class)
                .hasMessageContaining("price");
        Map<String, String> black = new HashMap<>(Map.of("plate", "沪B11111", "window_start", "22:00"));
        assertThatThrownBy(() -> forms.save(Kind.BLACKLIST, black, "sup")).isInstanceOf(FieldException.class)
                .extracting(e -> ((FieldException) e).field()).isEqualTo("window_end");
        black.put("window_end", "06:00");
        black.put("weekdays", "1,8");
        assertThatThrownBy(() -> forms.save(Kind.BLACKLIST, black, "sup")).isInstanceOf(FieldException.class)
                .extracting(e -> ((FieldException) e).field()).isEqualTo("weekdays");
        assertThat(reads.read(Kind.MONTHLY, null).rows()).isEmpty();
        assertThat(outbox.recent(10)).isEmpty();
    }

    @Test
    void aBlacklistEntryWithDateRangeWindowAndWeekdaysAndItsUpload() {
        String id = forms.save(Kind.BLACKLIST, new HashMap<>(Map.of("plate", "沪B11111", "reason", "逃费",
                "valid_from", "2026-11-01", "valid_to", "2026-12-31 23:59", "window_start", "22:00",
                "window_end", "06:00", "weekdays", "1,2,5")), "sup");

        ListTable.Row r = reads.read(Kind.BLACKLIST, null).rows().get(0);
        assertThat(r.key()).isEqualTo(id).isNotEmpty();
        assertThat(r.get("window_start")).isEqualTo("22:00");
        assertThat(r.get("weekdays")).isEqualTo("1,2,5");
        assertThat(r.get("operator")).isEqualTo("sup");
        assertThat(outbox.recent(10)).extracting(OutboxEntry::serviceName).containsExactly("upload_blackuser");
        assertThat(forms.delete(Kind.BLACKLIST, id, "sup")).isTrue();
        assertThat(reads.read(Kind.BLACKLIST, null).rows()).isEmpty();
        assertThat(outbox.recent(10)).hasSize(2);
    }

    @Test
    void aRenewalTakesTheCashAndUploadsIt() {
        forms.save(Kind.MONTHLY, monthly("M-3", "京A12345", "2026-11-01", "2026-11-30"), "sup");
        var r = forms.renew("M-3", "2026-12-31", "150.5", "cash", 1, "zhang");
        assertThat(r.paidFen()).isEqualTo(15050);
        assertThat(r.collector()).isEqualTo("zhang");
        assertThat(reads.read(Kind.MONTHLY, null).rows().get(0).get("valid_to")).isEqualTo("2026-12-31");
        assertThat(outbox.recent(10)).extracting(OutboxEntry::serviceName).contains("month_pay_record");
    }

    @Test
    void anImportAcceptsTheGoodRowsAndReportsEachRefusedRowWithItsLineAndField() throws Exception {
        Path csv = dir.resolve("monthly.csv");
        Files.writeString(csv, "\uFEFFcard_id,plates,owner,valid_from,valid_to,price\r\n"
                + "C1,京A11111,甲,2026-11-01,2026-12-31,300\r\n"
                + "C2,NOTAPLATE,乙,2026-11-01,2026-12-31,300\r\n"
                + "\"C3\",\"京A33333,京A33334\",\"丙, 丁\",2026-11-01,2026-10-01,300\r\n"
                + "C4,京A44444,戊,2026-11-01,2026-12-31,abc\r\n"
                + "C5,京A55555,己,2026/11/01,2026/12/31,\r\n", StandardCharsets.UTF_8);

        ListImport.Report rep = new ListImport(forms).importFile(Kind.MONTHLY, csv, "sup");

        assertThat(rep.accepted()).isEqualTo(2);
        assertThat(rep.refused()).extracting(ListImport.Refusal::line, ListImport.Refusal::field)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(3, "plates"),
                        org.assertj.core.groups.Tuple.tuple(4, "valid_to"),
                        org.assertj.core.groups.Tuple.tuple(5, "price"));
        assertThat(reads.read(Kind.MONTHLY, null).rows()).extracting(ListTable.Row::key)
                .containsExactlyInAnyOrder("C1", "C5");
        assertThat(outbox.recent(10)).hasSize(2);
    }

    @Test
    void anExcelImportReadsTheFirstSheet() throws Exception {
        Path xlsx = dir.resolve("white.xlsx");
        try (TableExport t = TableExport.open(xlsx, "white", List.of("plate", "name", "valid_from", "valid_to"))) {
            t.row(List.of("粤B12345", "保安", "2026-01-01", "2026-12-31"));
            t.row(List.of("粤B1234", "访客", "2026-01-01", "2026-12-31"));
        }
        ListImport.Report rep = new ListImport(forms).importFile(Kind.WHITE, xlsx, "sup");
        assertThat(rep.accepted()).isEqualTo(1);
        assertThat(rep.refused()).singleElement().satisfies(r -> {
            assertThat(r.line()).isEqualTo(3);
            assertThat(r.field()).isEqualTo("plate");
            assertThat(r.key()).isEqualTo("not_plate");
            assertThat(r.args()).containsExactly("粤B1234");
        });
        assertThat(reads.read(Kind.WHITE, null).rows()).extracting(ListTable.Row::key).containsExactly("粤B12345");
    }

    @Test
    void anUnknownColumnIsRefusedBeforeAnyRowIsApplied() {
        ListImport.Report rep = new ListImport(forms).apply(Kind.WHITE, List.of(List.of("plate", "colour"),
                List.of("粤B12345", "red")), "sup");
        assertThat(rep.accepted()).isZero();
        assertThat(rep.refused()).singleElement().satisfies(r -> assertThat(r.field()).isEqualTo("colour"));
        assertThatThrownBy(() -> new ListImport(forms).apply(Kind.VISITOR, List.of(), "sup"))
                .isInstanceOf(FieldException.class);
    }
}
