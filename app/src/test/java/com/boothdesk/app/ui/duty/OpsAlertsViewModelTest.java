package com.boothdesk.app.ui.duty;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.boothdesk.app.common.Observable;
import com.boothdesk.app.ops.OpsAlert;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.shift.UiExecutors;

/** The header's operations alert, without a toolkit: hidden when all is well, the first alert and a count. */
class OpsAlertsViewModelTest {

    @Test
    void showsTheFirstAlertNamesItsSourceAndCountsTheRest() {
        Observable<List<OpsAlert>> alerts = new Observable<>(List.of());
        try (OpsAlertsViewModel vm = new OpsAlertsViewModel(alerts, new Messages(Locale.SIMPLIFIED_CHINESE),
                UiExecutors.direct())) {
            assertThat(vm.showing().get()).isFalse();
            assertThat(vm.text().get()).isEmpty();
            alerts.set(List.of(new OpsAlert("ops.alert.clock_behind", List.of("cloud", 600L))));
            assertThat(vm.showing().get()).isTrue();
            assertThat(vm.text().get()).isEqualTo("时钟偏差：本机比 云平台 慢 600 秒，请校准工位电脑时间");
            alerts.set(List.of(new OpsAlert("ops.alert.clock_ahead", List.of("camera:SIM-CAM-B1", 125L)),
                    new OpsAlert("ops.alert.upgrade", List.of("0.2.0", "https://example.cn/0.2.0.msi"))));
            assertThat(vm.text().get()).startsWith("时钟偏差：本机比 相机 SIM-CAM-B1 快 125 秒").endsWith("（另有 1 条）");
            assertThat(vm.details().get().split("\n")).hasSize(2);
            assertThat(vm.details().get()).contains("0.2.0").contains("https://example.cn/0.2.0.msi");
            alerts.set(List.of());
            assertThat(vm.showing().get()).isFalse();
        }
        try (OpsAlertsViewModel en = new OpsAlertsViewModel(new Observable<>(List.of(new OpsAlert(
                "ops.alert.disk_low", List.of(512L)))), new Messages(Locale.ENGLISH), UiExecutors.direct())) {
            assertThat(en.text().get()).isEqualTo("Low disk space: 512 MB free");
        }
    }
}
