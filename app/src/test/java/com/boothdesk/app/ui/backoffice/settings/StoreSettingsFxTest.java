package com.boothdesk.app.ui.backoffice.settings;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.RadioButton;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;
import org.testfx.util.WaitForAsyncUtils;

import com.boothdesk.app.site.SitePostgres;
import com.boothdesk.app.testing.RunningBooth;
import com.boothdesk.app.ui.backoffice.BackOfficeModule;
import com.boothdesk.app.ui.backoffice.BackOfficeWindow;

/**
 * The 岗亭与数据库 tab on the real back-office window (off-screen) over the running booth: the form starts from the
 * booth as it runs, 测试连接 reaches the suite's real PostgreSQL through the booth's own wiring
 * ({@code BackOfficeModule}) and says what it found, and saving writes the site file and the secrets file for the next
 * start while the running booth stays on its own file.
 */
class StoreSettingsFxTest {

    @TempDir
    Path data;
    RunningBooth booth;
    BackOfficeWindow window;
    final FxRobot robot = new FxRobot();

    @BeforeEach
    void open() throws TimeoutException {
        WaitForAsyncUtils.clearExceptions();
        booth = RunningBooth.start(data);
        FxToolkit.registerPrimaryStage();
        FxToolkit.setupStage(s -> {
            window = new BackOfficeWindow(BackOfficeModule.ports(booth.app), booth.app.messages());
            s.setScene(new Scene(window.root(), 1366, 768));
            s.show();
        });
    }

    @AfterEach
    void stop() throws TimeoutException {
        if (window != null) {
            robot.interact(window::close);
        }
        if (booth != null) {
            booth.close();
        }
        WaitForAsyncUtils.waitForFxEvents();
        FxToolkit.cleanupStages();
        WaitForAsyncUtils.clearExceptions();
    }

    <T extends Node> T node(String id, Class<T> type) {
        return robot.lookup(id).queryAs(type);
    }

    String label(String id) {
        String[] t = new String[1];
        robot.interact(() -> t[0] = node(id, Label.class).getText());
        return t[0];
    }

    @Test
    void theStoreTabTestsTheSiteDatabaseAndSavesItForTheNextStart() throws Exception {
        robot.interact(() -> window.select(2));
        robot.interact(() -> {
            TabPane inner = node("#bo-settings-tabs", TabPane.class);
            inner.getSelectionModel().select(inner.getTabs().stream()
                    .filter(t -> "bo-settings-store-tab".equals(t.getId())).findFirst().orElseThrow());
        });
        String running = booth.app.config().boothId();
        await().atMost(RunningBooth.WAIT).until(() -> {
            String[] v = new String[1];
            robot.interact(() -> v[0] = node("#bo-store-booth-id", TextField.class).getText());
            return running.equals(v[0]);
        });
        robot.interact(() -> {
            assertThat(node("#bo-store-embedded", RadioButton.class).isSelected()).isTrue();
            assertThat(node("#bo-store-host", TextField.class).isDisabled()).isTrue();
            assertThat(node("#bo-store-test", Button.class).isVisible()).isTrue();
        });

        String url = SitePostgres.freshDatabase();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("jdbc:postgresql://([^:/]+):(\\d+)/([^?]+).*")
                .matcher(url);
        assertThat(m.matches()).isTrue();
        robot.interact(() -> {
            node("#bo-store-site", RadioButton.class).fire();
            node("#bo-store-host", TextField.class).setText(m.group(1));
            node("#bo-store-port", TextField.class).setText(m.group(2));
            node("#bo-store-database", TextField.class).setText(m.group(3));
            node("#bo-store-user", TextField.class).setText(SitePostgres.USER);
            node("#bo-store-password", PasswordField.class).setText("pw-of-the-site");
            assertThat(node("#bo-store-host", TextField.class).isDisabled()).isFalse();
            node("#bo-store-test", Button.class).fire();
        });
        await().atMost(RunningBooth.WAIT).until(() -> label("#bo-store-result").startsWith("连接成功"));
        assertThat(label("#bo-store-result")).contains("PostgreSQL 17").contains("数据库结构尚未建立");

        robot.interact(() -> node("#bo-store-save", Button.class).fire());
        await().atMost(RunningBooth.WAIT).until(() -> !label("#bo-store-status").isEmpty());
        assertThat(label("#bo-store-status")).contains("重启").contains("不会自动迁移");
        assertThat(Files.readString(data.resolve("boothdesk.properties"), StandardCharsets.UTF_8))
                .contains("store.url=jdbc\\:postgresql\\://" + m.group(1)).doesNotContain("pw-of-the-site");
        assertThat(Files.readString(data.resolve("secrets.properties"), StandardCharsets.UTF_8))
                .contains("store.password=pw-of-the-site");
        assertThat(label("#bo-store-password-stored")).contains("已保存密码");
        // the running booth is untouched: still on its own file until it is restarted
        assertThat(booth.app.database().shared()).isFalse();
        assertThat(booth.app.database().file()).isNotNull();

        if (System.getProperty("boothdesk.screenshots") != null) {
            Path dir = Path.of(System.getProperty("boothdesk.screenshots"));
            robot.interact(() -> com.boothdesk.app.ui.BoothFx.saveScreenshot(window.root(),
                    dir.resolve("backoffice-store-1366x768.png")));
            robot.interact(() -> window.root().getScene().getWindow().setWidth(1920));
            robot.interact(() -> window.root().getScene().getWindow().setHeight(1080));
            WaitForAsyncUtils.waitForFxEvents();
            robot.interact(() -> com.boothdesk.app.ui.BoothFx.saveScreenshot(window.root(),
                    dir.resolve("backoffice-store-1920x1080.png")));
        }
    }
}
