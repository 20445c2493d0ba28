package com.boothdesk.app.ui.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.ui.Messages;

/** The supervisor's replay-conflict list and the header's line, on a port in memory (no robot, no FX thread). */
class ConflictListViewModelTest {

    static final Instant T = Instant.parse("2026-11-25T02:00:00Z");

    static class FakePort implements SiteDatabasePort {
        State state = State.UP;
        int waiting;
        List<ConflictRow> rows = List.of(
                new ConflictRow(T, "B2", "EXIT_TWICE", "A1_1_1", "京A12345", T.minusSeconds(60), "let out twice"),
                new ConflictRow(T, "B2", "ENTRY_CLOSED_ELSEWHERE", "A1_1_L1", "京B12345", T.minusSeconds(90), "left"));
        int reads;

        @Override
        public State state() {
            return state;
        }

        @Override
        public int waiting() {
            return waiting;
        }

        @Override
        public int conflictCount() {
            return rows.size();
        }

        @Override
        public List<ConflictRow> conflicts(int limit) {
            reads++;
            return rows;
        }
    }

    private static ConflictListViewModel vm(FakePort port, Locale locale) {
        return new ConflictListViewModel(port, new Messages(locale), ZoneId.of("Asia/Shanghai"), Runnable::run,
                Runnable::run);
    }

    @Test
    void listsTheConflictsNewestFirstWithTheirRuleInChineseAndEnglish() {
        FakePort port = new FakePort();
        ConflictListViewModel zh = vm(port, Locale.SIMPLIFIED_CHINESE);
        zh.reload();
        assertThat(zh.rows()).hasSize(2);
        assertThat(zh.summaryProperty().get()).isEqualTo("共 2 条");
        assertThat(zh.kind(zh.rows().get(0))).startsWith("重复出场");
        assertThat(zh.at(zh.rows().get(0))).isEqualTo("2026-11-25 09:59:00");
        assertThat(zh.errorProperty().get()).isEmpty();

        ConflictListViewModel en = vm(port, Locale.ENGLISH);
        en.reload();
        assertThat(en.kind(en.rows().get(1))).isEqualTo("Entry whose car had already left through another booth");
        assertThat(en.summaryProperty().get()).isEqualTo("2 in all");
    }

    @Test
    void whileTheSiteDatabaseIsDownTheListSaysSoAndDoesNotRead() {
        FakePort port = new FakePort();
        port.state = SiteDatabasePort.State.DOWN;
        ConflictListViewModel vm = vm(port, Locale.SIMPLIFIED_CHINESE);
        vm.reload();
        assertThat(port.reads).isZero();
        assertThat(vm.errorProperty().get()).contains("站点数据库断开");
    }

    @Test
    void aFailedReadIsShownNotThrown() {
        FakePort port = new FakePort() {
            @Override
            public List<ConflictRow> conflicts(int limit) {
                throw new IllegalStateException("boom");
            }
        };
        ConflictListViewModel vm = vm(port, Locale.ENGLISH);
        vm.reload();
        assertThat(vm.errorProperty().get()).contains("boom");
        assertThat(vm.loadingProperty().get()).isFalse();
    }

    @Test
    void theHeaderLineSaysDownReplayingOrTheConflicts() {
        FakePort port = new FakePort();
        Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
        Messages en = new Messages(Locale.ENGLISH);
        assertThat(port.line(zh).text()).isEqualTo("回放冲突 2 条（点击查看）");
        assertThat(port.line(zh).trouble()).isFalse();
        port.state = SiteDatabasePort.State.DOWN;
        port.waiting = 7;
        assertThat(port.line(zh).text()).isEqualTo("站点数据库断开：本机记账中（7 条待回放）");
        assertThat(port.line(zh).trouble()).isTrue();
        assertThat(port.line(en).text()).isEqualTo("Site database down: recording locally (7 waiting for replay)");
        port.state = SiteDatabasePort.State.REPLAYING;
        assertThat(port.line(en).text()).isEqualTo("Site database back: replaying the local records (7)");
        port.state = SiteDatabasePort.State.UP;
        port.rows = List.of();
        assertThat(port.line(en)).isEqualTo(SiteDatabasePort.Line.NONE);
    }
}
