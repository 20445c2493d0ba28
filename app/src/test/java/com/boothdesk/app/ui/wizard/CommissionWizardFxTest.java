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

        Clock clock = Clock.systemUTC();
        CommissionViewModel vm = new CommissionViewModel(data, background, CommissionViewModel.serialTester(clock),
                null, clock);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(stage -> {
            stage.setScene(new Scene(new CommissionView(vm, new com.boothdesk.app.ui.Messages(java.util.Locale.SIMPLIFIED_CHINESE)).root(), 1200, 900));
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

        press("#commission");
        await().atMost(Duration.ofSeconds(5))
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
