package com.boothdesk.app.ui.site;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.Locale;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import javafx.scene.control.TableView;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.testfx.api.FxRobot;
import org.testfx.api.FxToolkit;

import com.boothdesk.app.ui.BoothFx;
import com.boothdesk.app.ui.Messages;
import com.boothdesk.app.ui.UiThread;

/** The 回放冲突 window builds, shows the port's rows in Chinese, and is saved as a picture for the documentation. */
class ConflictListViewFxTest {

    final FxRobot robot = new FxRobot();
    final ExecutorService background = Executors.newSingleThreadExecutor();

    @BeforeEach
    void start() throws Exception {
        FxToolkit.registerPrimaryStage();
    }

    @AfterEach
    void stop() throws Exception {
        background.shutdownNow();
        FxToolkit.cleanupStages();
    }

    @Test
    void theConflictWindowListsTheRowsWithTheirRule() throws Exception {
        Messages msg = new Messages(Locale.SIMPLIFIED_CHINESE);
        ConflictListViewModel vm = new ConflictListViewModel(new ConflictListViewModelTest.FakePort(), msg,
                ZoneId.of("Asia/Shanghai"), UiThread::run, background);
        ConflictListView[] view = new ConflictListView[1];
        robot.interact(() -> {
            view[0] = new ConflictListView(vm, msg, null);
            view[0].show();
        });
        await().atMost(Duration.ofSeconds(20)).until(() -> vm.rows().size() == 2);
        TableView<?> table = robot.lookup("#site-conflicts").queryAs(TableView.class);
        assertThat(table.getItems()).hasSize(2);
        Path shot = Path.of("target/screenshots/site-conflicts.png");
        robot.interact(() -> BoothFx.saveScreenshot(view[0].root(), shot));
        await().atMost(Duration.ofSeconds(20)).until(() -> Files.exists(shot) && Files.size(shot) > 5_000);
    }
}
