package com.boothdesk.app.ui.duty;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Labeled;
import javafx.scene.input.KeyCode;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import com.boothdesk.app.domain.lane.LanePhase;
import com.boothdesk.app.domain.order.ParkingOrder;
import com.boothdesk.app.domain.order.PaymentMethod;
import com.boothdesk.app.domain.staff.Role;
import com.boothdesk.app.domain.staff.StaffService;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.app.ui.BoothWindow;

/**
 * The real booth window on the demo's real parts, with accounts: the log-in screen comes first (the lanes behind it
 * show the waiting car, the keys do nothing), log in, cash at the exit through the lane screen, a free release that
 * the supervisor confirms in the dialog, 换班 with a count and a remark, the next attendant logs in on the handover
 * screen and the header shows the new shift.
 */
class BoothDutyFlowFxTest {

    static final Duration WAIT = RunningBooth.WAIT;

    @TempDir
    Path data;
    RunningBooth booth;
    StaffService staff;
    FxRobot robot = new FxRobot();

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
        FxToolkit.setupStage(s -> new BoothWindow(booth.app).show(s, 1366, 768));
    }

    @AfterEach
    void stop() throws TimeoutException {
        FxToolkit.cleanupStages();
        booth.close();
    }

    @Test
    void logInFirstThenCashThenHandoverToTheNextAttendant() {
        // the log-in screen first; the lane behind it shows the waiting car; its keys do nothing
        await().atMost(WAIT).until(() -> visible("#login-view"));
        assertThat(text("#operator")).isEqualTo("无人在班");
        String first = waitingAtTheExit("京A10001");
        robot.type(KeyCode.F1);
        assertThat(booth.app.lane("B1").state().get().phase()).isEqualTo(LanePhase.AWAITING_PAYMENT);
        assertThat(visible("#handover-button")).isFalse();

        robot.interact(() -> com.boothdesk.app.ui.BoothFx.saveScreenshot(
                robot.lookup("#login-view").query().getScene().getRoot(),
                Path.of("target/screenshots/booth-login-1366x768.png")));
        robot.clickOn("#login-user").write("a1");
        robot.clickOn("#login-password").write("secret-a1");
        robot.clickOn("#login-submit");
        await().atMost(WAIT).until(() -> !visible("#login-view"));
        await().atMost(WAIT).until(() -> text("#operator").startsWith("值班：小王(a1)  11:00 起  本班实收 0.00 元"));

        // cash at the exit through the lane screen
        robot.clickOn("#plate-B1");
        robot.type(KeyCode.F1);
        await().atMost(WAIT).until(() -> booth.app.orders().find(first).orElseThrow().paymentMethod()
                == PaymentMethod.CASH);
        ParkingOrder paid = booth.app.orders().find(first).orElseThrow();
        assertThat(paid.paidFen()).isEqualTo(700);
        await().atMost(WAIT).until(() -> text("#operator").endsWith("本班实收 7.00 元"));
        robot.interact(() -> com.boothdesk.app.ui.BoothFx.saveScreenshot(
                robot.lookup("#operator").query().getScene().getRoot(),
                Path.of("target/screenshots/booth-on-duty-1366x768.png")));

        // a free release the site reserves to a supervisor: the dialog, then the lane
        String second = waitingAtTheExit("京A10002");
        robot.clickOn("#plate-B1");
        robot.interact(() -> robot.lookup("#reason-B1").queryAs(ComboBox.class).getSelectionModel()
                .select("设备故障"));
        robot.type(KeyCode.F2);
        await().atMost(WAIT).until(() -> robot.lookup("#supervisor-user").tryQuery().isPresent());
        assertThat(booth.app.lane("B1").state().get().phase()).as("nothing before the confirmation")
                .isEqualTo(LanePhase.AWAITING_PAYMENT);
        robot.clickOn("#supervisor-user").write("boss");
        robot.clickOn("#supervisor-password").write("secret-boss");
        robot.clickOn("#supervisor-confirm");
        await().atMost(WAIT).until(() -> booth.app.orders().find(second).orElseThrow().paymentMethod()
                == PaymentMethod.FREE);
        assertThat(booth.app.orders().find(second).orElseThrow().freeReason()).isEqualTo("设备故障");

        // a manual lift the site reserves to a supervisor: F7 with a reason, the dialog, then the barrier
        robot.interact(() -> robot.lookup("#reason-B1").queryAs(ComboBox.class).getSelectionModel()
                .select("设备故障"));
        robot.type(KeyCode.F7);
        await().atMost(WAIT).until(() -> robot.lookup("#supervisor-user").tryQuery().isPresent());
        assertThat(staff.currentTotals().manual()).as("nothing before the confirmation").isEmpty();
        robot.clickOn("#supervisor-user").write("boss");
        robot.clickOn("#supervisor-password").write("secret-boss");
        robot.clickOn("#supervisor-confirm");
        await().atMost(WAIT).until(() -> staff.currentTotals().manual().getOrDefault("抬杆:设备故障", 0) == 1);

        // 换班 with a count, a remark, and the next attendant's log-in on the same screen
        robot.clickOn("#handover-button");
        await().atMost(WAIT).until(() -> visible("#handover-view"));
        await().atMost(WAIT).until(() -> text("#handover-expected").equals("7.00"));
        robot.clickOn("#handover-counted").write("6.50");
        await().atMost(WAIT).until(() -> text("#handover-difference").equals("-0.50"));
        robot.clickOn("#handover-remark").write("找零短款");
        robot.clickOn("#handover-user").write("a2");
        robot.clickOn("#handover-password").write("secret-a2");
        // the whole window at 1366x768 with the handover screen, for the documentation (target/screenshots)
        robot.interact(() -> com.boothdesk.app.ui.BoothFx.saveScreenshot(
                robot.lookup("#handover-view").query().getScene().getRoot(),
                Path.of("target/screenshots/booth-handover-1366x768.png")));
        robot.clickOn("#handover-submit");
        await().atMost(WAIT).until(() -> !visible("#handover-view"));
        await().atMost(WAIT).until(() -> text("#operator").startsWith("值班：小李(a2)"));
        assertThat(text("#operator")).endsWith("本班实收 0.00 元");
        assertThat(staff.currentShift().orElseThrow().userId()).isEqualTo("a2");
        assertThat(staff.lastClosedShift().orElseThrow().userId()).isEqualTo("a1");
        assertThat(staff.handoverOf(staff.lastClosedShift().orElseThrow().shiftId()).orElseThrow().differenceFen())
                .isEqualTo(-50);
        assertThat(visible("#login-view")).isFalse();
        // the outgoing shift's report went to the system printer; this machine has none, and the screen says so
        String closed = staff.lastClosedShift().orElseThrow().shiftId();
        await().atMost(WAIT).until(() -> text("#duty-notice").contains(closed));
        assertThat(text("#duty-notice")).matches(".*(报表已打印|报表已存为 .+\\.pdf)");
        java.util.regex.Matcher saved = java.util.regex.Pattern.compile("报表已存为 (.+\\.pdf)")
                .matcher(text("#duty-notice"));
        if (saved.find()) { // no printer here: the same report as PDF, with the shift's totals
            String pdf = pdfText(Path.of(saved.group(1)));
            assertThat(pdf).contains(closed, "小王(a1)", "7.00", "设备故障", "找零短款");
        }
    }

    @Test
    void aSupervisorClosesTheShiftACrashLeftOpenOnTheLogInScreen() {
        // a1's shift left open by an earlier run of this booth (same data, same booth id)
        StaffService earlier = new StaffService(booth.app.staff().store(), staff.settings(),
                com.boothdesk.app.domain.staff.PasswordHasher.forTests(staff.settings().iterations()), booth.clock,
                staff.workstation());
        String left = earlier.login("a1", "secret-a1".toCharArray()).shift().shiftId();
        await().atMost(WAIT).until(() -> visible("#login-view"));
        robot.clickOn("#login-user").write("a2");
        robot.clickOn("#login-password").write("secret-a2");
        robot.clickOn("#login-submit");
        await().atMost(WAIT).until(() -> visible("#close-shift-view"));
        assertThat(text("#login-message")).startsWith("小王(a1) 的班次");
        assertThat(text("#close-shift-title")).contains(left);
        robot.clickOn("#close-shift-user").write("a2");
        robot.clickOn("#close-shift-password").write("secret-a2");
        robot.clickOn("#close-shift-remark").write("收费员离岗");
        robot.clickOn("#close-shift-submit");
        await().atMost(WAIT).until(() -> text("#close-shift-message").equals("小李(a2) 不是主管，不能确认"));
        robot.interact(() -> robot.lookup("#close-shift-user").queryAs(javafx.scene.control.TextField.class)
                .setText("boss"));
        robot.clickOn("#close-shift-password").write("secret-boss");
        robot.interact(() -> com.boothdesk.app.ui.BoothFx.saveScreenshot(
                robot.lookup("#login-view").query().getScene().getRoot(),
                Path.of("target/screenshots/booth-close-shift-1366x768.png")));
        robot.clickOn("#close-shift-submit");
        await().atMost(WAIT).until(() -> !visible("#close-shift-view"));
        assertThat(text("#login-message")).endsWith("已由主管 boss 结束（未清点现金），请重新登录");
        assertThat(staff.shift(left).orElseThrow().open()).isFalse();
        assertThat(staff.handoverOf(left).orElseThrow().closedBy()).isEqualTo("boss");
        // the closed shift's report, as after a handover
        await().atMost(WAIT).until(() -> text("#duty-notice").contains(left));

        robot.clickOn("#login-password").write("secret-a2");
        robot.clickOn("#login-submit");
        await().atMost(WAIT).until(() -> !visible("#login-view"));
        await().atMost(WAIT).until(() -> text("#operator").startsWith("值班：小李(a2)"));
        assertThat(staff.currentShift().orElseThrow().shiftId()).isNotEqualTo(left);
    }

    private static String pdfText(Path pdf) {
        try (org.apache.pdfbox.pdmodel.PDDocument d = org.apache.pdfbox.Loader.loadPDF(pdf.toFile())) {
            return new org.apache.pdfbox.text.PDFTextStripper().getText(d);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private String waitingAtTheExit(String plate) {
        String orderId = booth.enter(plate);
        booth.clock.advance(Duration.ofHours(3));
        booth.camera("SIM-CAM-B1").push(plate);
        await().atMost(WAIT).until(() -> booth.app.lane("B1").state().get().phase() == LanePhase.AWAITING_PAYMENT
                && booth.app.lane("B1").state().get().order().orderId().equals(orderId));
        await().atMost(WAIT).until(() -> text("#status-B1").contains(plate));
        return orderId;
    }

    private boolean visible(String query) {
        boolean[] out = new boolean[1];
        robot.interact(() -> out[0] = robot.lookup(query).tryQuery().map(Node::isVisible)
                .filter(v -> v && robot.lookup(query).query().getScene() != null).isPresent()
                && isShown(robot.lookup(query).query()));
        return out[0];
    }

    private static boolean isShown(Node n) {
        for (Node p = n; p != null; p = p.getParent()) {
            if (!p.isVisible()) {
                return false;
            }
        }
        return true;
    }

    private String text(String query) {
        String[] out = new String[1];
        robot.interact(() -> out[0] = ((Labeled) robot.lookup(query).query()).getText());
        return out[0];
    }
}
