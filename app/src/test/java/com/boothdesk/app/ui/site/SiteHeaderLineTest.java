package com.boothdesk.app.ui.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.BoothStatus;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.ui.FakeLane;
import com.boothdesk.app.ui.header.HeaderViewModel;

/** The header's site-database line follows the port at each refresh and each clock tick; a click opens the list. */
class SiteHeaderLineTest {

    @Test
    void theHeaderSaysTheSiteDatabaseIsDownAndBackAndOpensTheConflicts() {
        Observable<BoothStatus> feed = new Observable<>(new BoothStatus("CONNECTED", 0, 0, 100, Map.of("main", 100),
                "op", Map.of()));
        HeaderViewModel vm = new HeaderViewModel(FakeLane.env(), () -> feed, Map.of("A1", "入口1"));
        ConflictListViewModelTest.FakePort port = new ConflictListViewModelTest.FakePort();
        port.rows = java.util.List.of();
        AtomicInteger opened = new AtomicInteger();
        vm.siteDatabase(port, opened::incrementAndGet);
        vm.start();
        assertThat(vm.siteDatabaseProperty().get()).isEmpty();

        port.state = SiteDatabasePort.State.DOWN;
        port.waiting = 3;
        vm.tick(); // the status feed may not publish while the database is down: the clock's tick shows it
        assertThat(vm.siteDatabaseProperty().get()).isEqualTo("站点数据库断开：本机记账中（3 条待回放）");
        assertThat(vm.siteDatabaseTroubleProperty().get()).isTrue();

        port.state = SiteDatabasePort.State.UP;
        port.rows = new ConflictListViewModelTest.FakePort().rows;
        vm.tick();
        assertThat(vm.siteDatabaseProperty().get()).isEqualTo("回放冲突 2 条（点击查看）");
        assertThat(vm.siteDatabaseTroubleProperty().get()).isFalse();
        vm.openSiteConflicts();
        assertThat(opened.get()).isEqualTo(1);
    }
}
