package com.boothdesk.app.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;

import com.boothdesk.app.common.Threads;
import com.boothdesk.app.ops.DataFolder;
import com.boothdesk.app.ui.wizard.CommissionViewModel;
import com.boothdesk.app.ui.wizard.WizardFx;

/**
 * An installed booth with no site configuration never starts the demo by itself. With a display it shows the
 * first-run window (demo, or commission this booth); without one it says what to do. The booth itself then starts
 * in a fresh process (JavaFX starts once per process), with {@code --demo} or the new site file.
 */
final class FirstRun {

    /**
     * The first admin account, called after the site file is written: the wizard asks the installer for the admin's
     * id and password and creates it through {@code StaffService.createFirstAdmin} in the site's database.
     */
    static volatile CommissionViewModel.AdminAccountHook adminAccountHook = data -> {
        try {
            withStaff(data, com.boothdesk.app.ui.wizard.FirstAdminStep::showAndWait);
        } catch (RuntimeException e) {
            // the site file is written; the booth's header still offers the first admin
            org.slf4j.LoggerFactory.getLogger(FirstRun.class).error("First admin not created in the wizard: {}",
                    e.toString());
        }
    };

    private FirstRun() {
    }

    /** Opens the site's staff store in {@code data} (as {@code account create-admin} does), runs {@code use}, closes it. */
    static void withStaff(Path data, java.util.function.BiConsumer<com.boothdesk.app.domain.staff.StaffService,
            com.boothdesk.app.ui.Messages> use) {
        com.boothdesk.app.config.BoothConfig cfg = com.boothdesk.app.config.BoothConfig.load(data, null, null);
        Clock clock = Clock.system(cfg.zone());
        try (com.boothdesk.app.store.Database db = com.boothdesk.app.store.Database.open(data.resolve("db"))) {
            com.boothdesk.app.store.staff.StaffModule staff = com.boothdesk.app.store.staff.StaffModule.open(db,
                    new com.boothdesk.sdk.outbox.JdbcOutbox(db.dataSource(), clock),
                    com.boothdesk.app.store.staff.StaffConfig.load(data), clock, cfg.boothId(), null);
            use.accept(staff.service(), new com.boothdesk.app.ui.Messages(cfg.locale()));
        }
    }

    static boolean needed(Path data, Path config, boolean demo) {
        return DataFolder.installed() && !demo && config == null
                && !Files.isRegularFile(data.resolve("boothdesk.properties"));
    }

    static int refuse(Path data) {
        System.err.println("此工位尚未配置 / this booth has no site configuration yet: " + data.toAbsolutePath()
                .resolve("boothdesk.properties") + " does not exist.\n"
                + "  BoothDesk run --demo        starts the demo (simulated cloud, cameras and cards)\n"
                + "  BoothDesk commission        the commissioning wizard (needs a display; see installer/README.md)");
        return 6;
    }

    /** Shows the wizard; returns its outcome. */
    static CommissionViewModel.Outcome wizard(Path data) {
        ExecutorService background = Threads.single("wizard");
        try {
            Clock clock = Clock.systemUTC();
            return WizardFx.show(new CommissionViewModel(data, background, CommissionViewModel.serialTester(clock),
                    adminAccountHook, clock));
        } finally {
            Threads.shutdown(background);
        }
    }

    /** The booth in a new process after the wizard: {@code run --data DATA [--demo]}. */
    static int startBooth(Path data, boolean demo) {
        List<String> cmd = new ArrayList<>();
        String launcher = System.getProperty("jpackage.app-path");
        if (launcher != null) {
            cmd.add(launcher);
        } else {
            cmd.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
            cmd.addAll(ManagementFactory.getRuntimeMXBean().getInputArguments());
            cmd.add("-cp");
            cmd.add(System.getProperty("java.class.path"));
            cmd.add("com.boothdesk.app.Main");
        }
        cmd.addAll(List.of("run", "--data", data.toAbsolutePath().toString()));
        if (demo) {
            cmd.add("--demo");
        }
        try {
            new ProcessBuilder(cmd).inheritIO().start();
            return 0;
        } catch (IOException e) {
            System.err.println("无法启动岗亭 / cannot start the booth: " + e.getMessage() + "; start it with: "
                    + String.join(" ", cmd));
            return 3;
        }
    }
}
