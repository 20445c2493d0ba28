package com.boothdesk.app.ui.shift;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeoutException;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.StackPane;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.staff.Confirmation;
import com.boothdesk.app.domain.staff.Role;
import com.boothdesk.app.domain.staff.Shift;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.domain.staff.SupervisedAction;
import com.boothdesk.app.report.ShiftReport;
import com.boothdesk.app.report.ShiftReports;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.app.ui.BoothFx;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.UiThread;
import com.boothdesk.app.ui.login.LoginView;
import com.boothdesk.app.ui.login.LoginViewModel;

/**
 * Headless TestFX on the demo's real parts: log in; take cash, a free release that needs a supervisor, a manual
 * lift; hand over with a cash difference and a remark; the next attendant logs in on the handover screen and the
 * header shows the new shift; the first shift's report is printed (image sink).
 */
class ShiftFlowFxTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;
    StaffService staff;
    Messages messages = new Messages(Locale.SIMPLIFIED_CHINESE);
    FxRobot robot = new FxRobot();
    StackPane center;
    Label header;
    LoginViewModel loginVm;
    DutyHeaderViewModel headerVm;
    final List<SupervisorDialogViewModel> dialogs = new CopyOnWriteArrayList<>();

    @BeforeEach
    void start() throws Exception {
        Files.writeString(data.resolve("boothdesk.properties"),
                "staff.supervisor_actions=free_release,manual_lift\nstaff.supervisor_free_above=0\n");
        booth = RunningBooth.start(data);
        staff = booth.app.staff().service();
        staff.createFirstAdmin("admin", "站长", "admin-secret".toCharArray());
        staff.login("admin", "admin-secret".toCharArray());
        staff.createAccount("admin", "a1", "小王", 1, Role.ATTENDANT, "secret-a1".toCharArray());
        staff.createAccount("admin", "a2", "小李", 2, Role.ATTENDANT, "secret-a2".toCharArray());
        staff.createAccount("admin", "boss", "王主管", 1, Role.SUPERVISOR, "secret-boss".toCharArray());
        staff.handover(null, "", null, null);

        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            UiExecutors ex = UiExecutors.fx();
            loginVm = new LoginViewModel(staff, messages, booth.clock.getZone(), ex);
            headerVm = new DutyHeaderViewModel(staff.duty(), messages, booth.clock.getZone(), ex);
            header = new Label();
            header.setId("duty-header");
            header.textProperty().bind(headerVm.text());
            center = new StackPane(new LoginView(loginVm, messages));
            BorderPane root = new BorderPane(center);
            root.setTop(header);
            stage.setScene(new Scene(root, 900, 760));
            stage.show();
        });
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupStages();
        if (headerVm != null) {
            headerVm.close();
        }
        booth.close();
    }

    @Test
    void aShiftFromLogInToTheNextAttendant() throws Exception {
        assertThat(booth.app.staff().operator().get()).isNull();
        Path shots = Path.of("target/screenshots");
        robot.clickOn("#login-user").write("a1");
        robot.clickOn("#login-password").write("wrong-pass");
        robot.clickOn("#login-submit");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text("#login-message"))
                .isEqualTo("工号或密码错误，还可尝试 4 次，之后账号将锁定 15 分钟"));
        robot.clickOn("#login-password").write("secret-a1");
        robot.interact(() -> BoothFx.saveScreenshot(robot.lookup("#login-view").query(), shots.resolve("login.png")));
        robot.clickOn("#login-submit");
        await().atMost(WAIT).until(() -> loginVm.loggedIn().get() != null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text("#duty-header")).startsWith("值班：小王(a1)  08:00 起"));
        Shift first = staff.currentShift().orElseThrow();

        // cash
        booth.enter("京A10001");
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push("京A10001");
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        booth.app.lane("B1").settleCash(1000).get();

        // a free release that needs the supervisor (the lane VM's call, see SupervisorGate)
        booth.enter("京A10002");
        booth.clock.advance(Duration.ofHours(2));
        booth.camera("SIM-CAM-B1").push("京A10002");
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT);
        CompletableFuture<Optional<Confirmation>> free = new CompletableFuture<>();
        robot.interact(() -> new SupervisorGate(staff, messages, UiExecutors.fx(), vm -> {
            dialogs.add(vm);
            SupervisorDialog.show(vm, messages, center.getScene().getWindow());
        }).require(SupervisedAction.FREE_RELEASE, 500, "京A10002").whenComplete((c, e) -> {
            if (e != null) {
                free.completeExceptionally(e);
            } else {
                free.complete(c);
            }
        }));
        robot.clickOn("#supervisor-user").write("boss");
        robot.clickOn("#supervisor-password").write("secret-boss");
        robot.clickOn("#supervisor-confirm");
        Confirmation c = free.get(20, java.util.concurrent.TimeUnit.SECONDS).orElseThrow();
        assertThat(c.supervisor()).isEqualTo("boss");
        assertThat(c.attendant()).isEqualTo("a1");
        booth.app.lane("B1").releaseFree("军警车").get();

        // a manual lift, also confirmed
        CompletableFuture<Optional<Confirmation>> lift = new CompletableFuture<>();
        robot.interact(() -> new SupervisorGate(staff, messages, UiExecutors.fx(), vm ->
                SupervisorDialog.show(vm, messages, center.getScene().getWindow()))
                .require(SupervisedAction.MANUAL_LIFT, 0, "B1").whenComplete((x, e) -> lift.complete(x)));
        robot.clickOn("#supervisor-user").write("boss");
        robot.clickOn("#supervisor-password").write("secret-boss");
        robot.clickOn("#supervisor-confirm");
        assertThat(lift.get(20, java.util.concurrent.TimeUnit.SECONDS)).isPresent();
        booth.app.lane("B1").gate(true, staff.operator().get(), "车牌无法识别", null).get();

        // the handover screen
        HandoverViewModel[] vm = new HandoverViewModel[1];
        ShiftReports reports = new ShiftReports(booth.app.staff().store(), "B1", booth.clock);
        ImageSink sink = new ImageSink(data.resolve("printed"));
        List<ShiftReport> printed = new CopyOnWriteArrayList<>();
        ReportPrinter printer = new ReportPrinter(reports, sink, UiExecutors.fx());
        robot.interact(() -> {
            vm[0] = new HandoverViewModel(staff, messages, booth.clock.getZone(), UiExecutors.fx());
            vm[0].onHandedOver(r -> printer.printShift(r.shift(), "a1", printed::add, e -> {
                throw e;
            }));
            center.getChildren().setAll(new HandoverView(vm[0], messages));
            vm[0].refresh();
        });
        await().atMost(WAIT).untilAsserted(() -> assertThat(text("#handover-expected")).isEqualTo("7.00"));
        robot.clickOn("#handover-counted").write("6.00");
        await().atMost(WAIT).untilAsserted(() -> assertThat(text("#handover-difference")).isEqualTo("-1.00"));
        assertThat(robot.lookup("#handover-submit").queryButton().isDisabled()).isTrue();
        robot.clickOn("#handover-remark").write("找零短款");
        robot.clickOn("#handover-user").write("a2");
        robot.clickOn("#handover-password").write("secret-a2");
        robot.interact(() -> BoothFx.saveScreenshot(robot.lookup("#handover-view").query(),
                shots.resolve("handover.png")));
        robot.clickOn("#handover-submit");
        await().atMost(WAIT).until(() -> vm[0].done().get() != null);
        await().atMost(WAIT).untilAsserted(() -> assertThat(text("#duty-header")).startsWith("值班：小李(a2)"));
        assertThat(vm[0].done().get().differenceFen()).isEqualTo(-100);
        assertThat(vm[0].done().get().totals().free()).containsKey("军警车");
        assertThat(vm[0].done().get().totals().manual()).containsEntry("抬杆:车牌无法识别", 1);

        // the first shift's report, printed through the image sink
        await().atMost(WAIT).until(() -> printed.size() == 1);
        assertThat(printed.get(0).shift().shiftId()).isEqualTo(first.shiftId());
        assertThat(printed.get(0).reprint()).isFalse();
        assertThat(printed.get(0).orders()).extracting(o -> o.method()).contains(PaymentMethod.CASH,
                PaymentMethod.FREE);
        assertThat(sink.written()).hasSizeGreaterThanOrEqualTo(3);
        for (Path p : sink.written()) {
            assertThat(Files.size(p)).isGreaterThan(5_000);
        }
        // a reprint says so
        printer.printShift(first, "boss", printed::add, e -> {
            throw e;
        });
        await().atMost(WAIT).until(() -> printed.size() == 2);
        assertThat(printed.get(1).printNo()).isEqualTo(1);
        assertThat(sink.written()).anyMatch(p -> p.getFileName().toString().contains("reprint1"));
        Files.createDirectories(shots);
        Files.copy(sink.written().get(0), shots.resolve("shift-report-printed-page1.png"),
                java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    }

    private String text(String id) {
        String[] out = new String[1];
        robot.interact(() -> out[0] = ((javafx.scene.control.Labeled) robot.lookup(id).query()).getText());
        return out[0];
    }

}
