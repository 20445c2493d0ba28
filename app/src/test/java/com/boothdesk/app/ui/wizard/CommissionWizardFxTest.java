package com.boothdesk.app.ui.wizard;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.devices.serial.JSerialCommLink;
import com.boothdesk.devices.serial.SerialSettings;
import com.boothdesk.devices.sim.PtyPair;
import com.boothdesk.devices.sim.SimulatedLaneCard;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;

/**
 * The wizard as a technician uses it, from an empty data folder: commission, with the LED card's test button
 * answered by a simulated card on a real pseudo-terminal, then the booth starts from the written site file and
 * logs in to the cloud simulator.
 */
class CommissionWizardFxTest {

    @TempDir
    Path tmp;

    private final FxRobot robot = new FxRobot();
    private final ExecutorService background = Executors.newSingleThreadExecutor();
    private PtyPair pty;
    private SimulatedLaneCard card;
    private CloudSimulator cloud;
    private BoothApp booth;

    @AfterEach
    void stop() throws Exception {
        FxToolkit.cleanupStages();
        background.shutdownNow();
        if (booth != null) {
            booth.close();
        }
        if (card != null) {
            card.close();
        }
        if (pty != null) {
            pty.close();
        }
        if (cloud != null) {
            cloud.close();
        }
    }

    @Test
    void fromAnEmptyDataFolderToARunningBooth() throws Exception {
        Path data = tmp.resolve("data");
        pty = PtyPair.open(Files.createDirectories(tmp.resolve("pty")));
        card = new SimulatedLaneCard(new JSerialCommLink(SerialSettings.of(pty.endB().toString())), 0);
        card.start();
        cloud = new CloudSimulator(CloudSimSettings.of("200128", "24155", "S3CRET-KEY-01").withPort(0));
        cloud.start();
        int cameraPort;
        try (ServerSocket s = new ServerSocket(0)) {
            cameraPort = s.getLocalPort();
        }

        Clock clock = Clock.system(java.time.ZoneId.of("Asia/Shanghai")); // the site's zone, as FirstRun
        // the first admin as the installed booth creates it: after the site file is written, in the site's database,
        // through the modal first-admin step (no built-in account, no default password)
        CommissionViewModel.AdminAccountHook adminHook = dir -> {
            BoothConfig cfg = BoothConfig.load(dir, null, null);
            try (com.boothdesk.app.store.Database db = com.boothdesk.app.store.Database.open(dir.resolve("db"))) {
                var staff = com.boothdesk.app.store.staff.StaffModule.open(db,
                        new com.boothdesk.sdk.outbox.JdbcOutbox(db.dataSource(), clock),
                        com.boothdesk.app.store.staff.StaffConfig.load(dir), clock, cfg.boothId(), null);
                FirstAdminStep.showAndWait(staff.service(), new com.boothdesk.app.ui.Messages(cfg.locale()));
            }
        };
        CommissionViewModel vm = new CommissionViewModel(data, background, CommissionViewModel.serialTester(clock),
                adminHook, clock);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            // a booth PC's screen
            stage.setScene(new Scene(new CommissionView(vm, new com.boothdesk.app.ui.Messages(java.util.Locale.SIMPLIFIED_CHINESE)).root(), 1366, 768));
            stage.show();
        });

        screenshot("first-run.png");
        robot.clickOn("#startCommissioning");
        press("#commission");
        assertThat(robot.lookup("#error-cloud_park_id").queryAs(Label.class).getText()).contains("park id");

        robot.clickOn("#parkId").write("24155");
        robot.clickOn("#unionId").write("200128");
        robot.clickOn("#secret").write("S3CRET-KEY-01");
        robot.clickOn("#cloudHost").write("127.0.0.1");
        robot.clickOn("#cloudPort").write(String.valueOf(cloud.port()));
        set("#cameraPort", String.valueOf(cameraPort));
        set("#cameraAllowed", "127.0.0.1");
        set("#lane-0-camera", "CAM-A1");
        set("#lane-0-cardPort", pty.endA().toString());
        set("#lane-1-camera", "CAM-B1");
        set("#lane-1-cardPort", "sim");

        press("#lane-0-test");
        await().atMost(Duration.ofSeconds(15)).until(
                () -> robot.lookup("#lane-0-testResult").queryAs(Label.class).getText().contains("ACK"));
        assertThat(robot.lookup("#lane-0-testResult").queryAs(Label.class).getText()).contains("card answered");
        assertThat(card.displayLines()).anyMatch(l -> l.contains("TEST"));
        screenshot("commission-wizard.png");

        // commission: the site file, then the first-admin step (a nested event loop: fired, not waited for)
        javafx.scene.control.Button commission = robot.lookup("#commission").queryButton();
        com.boothdesk.app.ui.UiThread.run(commission::fire);
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#first-admin-submit").tryQuery().isPresent());
        assertThat(Files.isRegularFile(data.resolve("boothdesk.properties"))).isTrue();
        set("#first-admin-user", "admin");
        set("#first-admin-name", "站长");
        robot.interact(() -> {
            robot.lookup("#first-admin-password").queryAs(TextField.class).setText("Admin-Pass-2026");
            robot.lookup("#first-admin-repeat").queryAs(TextField.class).setText("Admin-Pass-2026");
        });
        screenshotOf("#first-admin-view", "first-admin.png");
        press("#first-admin-submit");
        await().atMost(Duration.ofSeconds(20))
                .until(() -> vm.outcomeProperty().get() == CommissionViewModel.Outcome.COMMISSIONED);
        assertThat(robot.lookup("#status").queryAs(Label.class).getText()).contains("boothdesk.properties");
        card.close();
        card = null;

        booth = BoothApp.start(BoothConfig.load(data, null, null), clock);
        await().atMost(Duration.ofSeconds(20))
                .until(() -> booth.cloudLink().orElseThrow().status() == LinkStatus.LOGGED_IN);
        assertThat(booth.lanes()).hasSize(2);
        assertThat(booth.cameraPort()).isEqualTo(cameraPort);
        assertThat(booth.config().demo().enabled()).isFalse();
        assertThat(booth.staff().service().needsFirstAdmin()).as("the admin made in the wizard").isFalse();

        // the booth's window: the log-in first; the admin logs in and the header shows the shift
        FxToolkit.setupStage(stage -> new com.boothdesk.app.ui.BoothWindow(booth).show(stage, 1366, 768));
        await().atMost(Duration.ofSeconds(20)).until(() -> robot.lookup("#login-view").tryQuery().isPresent());
        robot.clickOn("#login-user").write("admin");
        robot.clickOn("#login-password").write("Admin-Pass-2026");
        robot.clickOn("#login-submit");
        await().atMost(Duration.ofSeconds(20)).until(() -> booth.staff().service().onDuty().isPresent());
        await().atMost(Duration.ofSeconds(20)).until(() -> {
            String[] t = new String[1];
            robot.interact(() -> t[0] = ((javafx.scene.control.Labeled) robot.lookup("#operator").query()).getText());
            return t[0].startsWith("值班：站长(admin)");
        });
        screenshotOf("#operator", "booth-after-commissioning.png");
    }

    private void screenshotOf(String query, String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        java.util.concurrent.atomic.AtomicReference<java.awt.image.BufferedImage> img =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> img.set(javafx.embed.swing.SwingFXUtils.fromFXImage(
                robot.lookup(query).query().getScene().getRoot().snapshot(null, null), null)));
        javax.imageio.ImageIO.write(img.get(), "png", dir.resolve(name).toFile());
    }

    /** For the README: target/screenshots/NAME, drawn by the window itself. */
    private void screenshot(String name) throws Exception {
        Path dir = Files.createDirectories(Path.of("target", "screenshots"));
        java.util.concurrent.atomic.AtomicReference<java.awt.image.BufferedImage> img =
                new java.util.concurrent.atomic.AtomicReference<>();
        robot.interact(() -> img.set(javafx.embed.swing.SwingFXUtils.fromFXImage(
                robot.lookup("#commissionForm").query().getScene().getRoot().snapshot(null, null), null)));
        javax.imageio.ImageIO.write(img.get(), "png", dir.resolve(name).toFile());
    }

    /** Buttons below the fold of the scrolled form: fired as the keyboard's Enter/Space would. */
    private void press(String id) {
        javafx.scene.control.Button b = robot.lookup(id).queryButton();
        robot.interact(b::fire);
    }

    private void set(String id, String text) {
        TextField f = robot.lookup(id).queryAs(TextField.class);
        robot.interact(() -> f.setText(text));
    }
}
