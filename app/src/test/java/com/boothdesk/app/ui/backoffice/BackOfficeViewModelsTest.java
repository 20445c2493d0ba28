package com.boothdesk.app.ui.backoffice;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.domain.order.CarKind;
import com.boothdesk.app.domain.order.OrderStatus;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.settings.FieldException;
import com.boothdesk.app.settings.ListImport;
import com.boothdesk.app.store.history.GateRow;
import com.boothdesk.app.store.history.HistoryQuery;
import com.boothdesk.app.store.history.HistoryRow;
import com.boothdesk.app.store.history.JdbcListReads;
import com.boothdesk.app.store.history.ListTable;
import com.boothdesk.app.store.history.StoryEvent;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.backoffice.history.HistoryViewModel;
import com.boothdesk.app.ui.backoffice.lists.ListsViewModel;
import com.boothdesk.app.ui.backoffice.port.BackOfficePorts;

/** The back office's view-models on fake ports, without a robot (executors run directly). */
class BackOfficeViewModelsTest {

    static final Instant T0 = Instant.parse("2026-11-25T02:00:00Z");
    static final BackOfficeEnv ENV = new BackOfficeEnv(new Messages(Locale.SIMPLIFIED_CHINESE),
            ZoneId.of("Asia/Shanghai"), Clock.fixed(T0, ZoneId.of("Asia/Shanghai")), Runnable::run, Runnable::run);

    static HistoryRow row(String id, String plate, String read) {
        return new HistoryRow(id, plate, read, CarKind.TEMPORARY, "A1", T0.minusSeconds(7200), "op", "in/" + id,
                OrderStatus.CLOSED, "B1", T0, "zhang", "out/" + id, 1000, 1000, 0, 0, PaymentMethod.CASH, null, null,
                80, "1位易混字符");
    }

    @Test
    void aSearchFillsTheListSelectsTheBestAndOpensItsPicturesAndStory() {
        List<HistoryQuery> asked = new ArrayList<>();
        BackOfficePorts.History port = new BackOfficePorts.History() {
            public List<HistoryRow> search(HistoryQuery q) {
                asked.add(q);
                return List.of(row("o1", "京A12345", "京A1Z345"), row("o2", "京A12346", null));
            }

            public List<StoryEvent> story(String id) {
                return List.of(new StoryEvent(T0, StoryEvent.Kind.EXIT, "出场 B1", "实收 10.00元", null));
            }

            public List<GateRow> gateEvents(Instant f, Instant t, String l, String o, boolean m, int n) {
                return List.of();
            }

            public long export(HistoryQuery q, Path file) {
                return 2;
            }

            public List<String> lanes() {
                return List.of("A1", "B1");
            }

            public List<String> attendants() {
                return List.of("zhang");
            }

            public Optional<byte[]> picture(String ref) {
                return Optional.of(ref.getBytes());
            }
        };
        HistoryViewModel vm = new HistoryViewModel(port, ENV);
        vm.start();
        vm.plate().set("京A1Z345");
        vm.search();

        // the screen opens on the latest stays, then the typed plate is searched
        assertThat(asked).hasSize(2);
        assertThat(asked.get(0).plate()).isNull();
        assertThat(asked.get(1)).satisfies(q -> {
            assertThat(q.plate()).isEqualTo("京A1Z345");
            assertThat(q.plateMode()).isEqualTo(HistoryQuery.PlateMode.FUZZY);
            assertThat(q.from()).isEqualTo(Instant.parse("2026-10-25T16:00:00Z")); // 30 days back, local midnight
        });
        assertThat(vm.rows()).hasSize(2);
        assertThat(vm.selected().get().orderId()).isEqualTo("o1");
        assertThat(new String(vm.entryPicture().get())).isEqualTo("in/o1");
        assertThat(new String(vm.exitPicture().get())).isEqualTo("out/o1");
        assertThat(vm.story()).singleElement().asString().contains("出场 B1");
        assertThat(vm.cell(vm.rows().get(0), "plate")).isEqualTo("京A12345 (京A1Z345)");
        assertThat(vm.lanes()).containsExactly("A1", "B1");

        vm.to().set(vm.from().get().minusDays(2));
        vm.search();
        assertThat(asked).hasSize(2);
        assertThat(vm.status().get()).contains("结束早于开始");
    }

    @Test
    void attendantsReadAndARefusedFieldIsNamed() {
        boolean[] supervisor = {false};
        List<Map<String, String>> saved = new ArrayList<>();
        BackOfficePorts.Access access = new BackOfficePorts.Access() {
            public String who() {
                return "zhang";
            }

            public boolean canChange() {
                return supervisor[0];
            }
        };
        BackOfficePorts.Lists port = new BackOfficePorts.Lists() {
            public ListTable read(JdbcListReads.Kind kind, String f) {
                return new ListTable(kind, List.of("card_id", "plates"), List.of());
            }

            public String save(JdbcListReads.Kind kind, Map<String, String> fields, String who) {
                saved.add(fields);
                if (fields.get("valid_to").isEmpty()) {
                    throw new FieldException("valid_to", "required");
                }
                return fields.get("card_id");
            }

            public boolean delete(JdbcListReads.Kind kind, String key, String who) {
                return true;
            }

            public com.boothdesk.app.domain.lists.MonthRenewal renew(String c, String t, String p, int m, String w) {
                throw new UnsupportedOperationException();
            }

            public void topUp(String c, String y, String w) {
            }

            public ListImport.Report importFile(JdbcListReads.Kind kind, Path file, String who) {
                return new ListImport.Report(1, List.of(new ListImport.Refusal(3, "plates", "not_plate", List.of("京A1"))));
            }
        };
        ListsViewModel vm = new ListsViewModel(port, access, ENV);
        vm.refresh();
        assertThat(vm.canChange().get()).isFalse();
        vm.field("card_id").set("M1");
        vm.save();
        assertThat(saved).isEmpty();
        assertThat(vm.status().get()).contains("只读");

        supervisor[0] = true;
        vm.save();
        assertThat(saved).hasSize(1);
        assertThat(vm.errorField().get()).isEqualTo("valid_to");
        assertThat(vm.status().get()).contains("结束日期");

        vm.field("valid_to").set("2026-12-31");
        vm.save();
        assertThat(vm.errorField().get()).isEmpty();
        assertThat(vm.status().get()).contains("M1");

        vm.importFile(Path.of("x.csv"));
        assertThat(vm.importReport()).singleElement().asString().contains("第 3 行").contains("车牌（逗号分隔）").contains("“京A1”不是中国车牌");

        vm.kind().set(JdbcListReads.Kind.COUPON);
        assertThat(vm.editable().get()).isFalse();
        assertThat(vm.fieldNames()).isEmpty();
    }
}
