package com.boothdesk.app.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.BoothApp;
import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.config.Secrets;
import com.boothdesk.app.ops.DataFolder;
import com.boothdesk.app.ops.InstanceLock;
import com.boothdesk.app.ops.Lifecycle;
import com.boothdesk.app.ops.OwnerOnly;
import com.boothdesk.app.store.StoreException;
import com.boothdesk.app.ui.BoothFx;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code boothdesk run}: the booth application. With no configuration it runs the demo. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Starts the booth application. With no configuration: the demo (simulated cloud, cameras and "
                + "LED/gate cards) on an H2 database in the data folder.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--data", description = "Data folder (database, pictures, logs). Default: ./data; an installed "
            + "booth: %ProgramData%\\BoothDesk (Windows), ~/.local/share/boothdesk (Linux).")
    Path data;

    @Option(names = "--demo", description = "Start the demo (simulated cloud, cameras and cards) even in an installed "
            + "booth that has no site configuration yet.")
    boolean demo;

    @Option(names = "--config", description = "Configuration file. Default: <data>/boothdesk.properties if present, "
            + "else the built-in demo configuration.")
    Path config;

    @Option(names = "--set", description = "Override one configuration key, e.g. --set demo.enabled=false")
    Map<String, String> overrides = Map.of();

    @Option(names = "--headless", description = "Run the window off-screen (automatic on Linux without a display).")
    boolean headless;

    @Option(names = "--screenshot", description = "Write a PNG of the window to this file after --screenshot-after.")
    Path screenshot;

    @Option(names = "--screenshot-after", description = "Seconds before the screenshot. Default: ${DEFAULT-VALUE}",
            defaultValue = "8")
    int screenshotAfter;

    @Option(names = "--window-size", description = "Window size WIDTHxHEIGHT, e.g. 1366x768 (default: maximised, "
            + "or the size it had when last closed).")
    String windowSize;

    @Option(names = "--screenshot-correction", description = "The screenshot shows the plate-correction dialog.")
    boolean screenshotCorrection;

    @Option(names = "--exit-after", description = "Stop by itself after this many seconds (for scripted runs).")
    Integer exitAfter;

    @Option(names = "--attendant", description = "Log this attendant in before the window opens (scripted runs);"
            + " the password is the first line of standard input.")
    String attendant;

    @Override
    public Integer call() {
        if (data == null) {
            data = DataFolder.defaultFolder();
        }
        try {
            OwnerOnly.directory(data);
        } catch (IOException e) {
            System.err.println("无法创建数据目录 / cannot create the data folder " + data + ": " + e.getMessage());
            return 3;
        }
        boolean offScreen = headless || Headless.noDisplay();
        if (offScreen) {
            Headless.enable();
        }
        Logger log = LoggerFactory.getLogger(RunCommand.class);
        String secretWarning = Secrets.commandLineWarning(overrides);
        if (secretWarning != null) {
            System.err.println(secretWarning);
            log.warn(secretWarning);
        }
        if (FirstRun.needed(data, config, demo)) {
            if (offScreen) {
                return FirstRun.refuse(data);
            }
            return switch (FirstRun.wizard(data)) {
                case DEMO -> FirstRun.startBooth(data, true);
                case COMMISSIONED -> FirstRun.startBooth(data, false);
                default -> FirstRun.refuse(data);
            };
        }
        BoothFx.prestart(); // the toolkit comes up while the store and devices start (cold start)
        Lifecycle life = Lifecycle.withShutdownHook();
        try {
            life.add(InstanceLock.acquire(data));
        } catch (InstanceLock.AlreadyRunningException e) {
            System.err.println(e.getMessage());
            log.error(e.getMessage());
            life.stop("already running");
            return 5;
        } catch (IOException e) {
            System.err.println("无法锁定数据目录 / cannot lock the data folder " + data + ": " + e.getMessage());
            life.stop("lock failed");
            return 3;
        }
        Properties p = new Properties();
        p.putAll(overrides);
        BoothConfig cfg;
        try {
            cfg = BoothConfig.load(data, config, p);
        } catch (ConfigException e) {
            System.err.println("配置错误 / configuration error: " + e.getMessage());
            log.error("Configuration error: {}", e.getMessage());
            life.stop("configuration error");
            return 2;
        }
        BoothApp app;
        try {
            app = life.add(BoothApp.start(cfg, Clock.system(cfg.zone())));
        } catch (StoreException | ConfigException e) {
            System.err.println(e.getMessage());
            life.stop("start failed");
            return 3;
        }
        if (attendant != null) { // shiftops: scripted log-in
            int rc = ScriptedLogin.login(app, attendant, System.in, System.err);
            if (rc != 0) {
                life.stop("log-in refused");
                return rc;
            }
        }
        try {
            int[] size = windowSize == null ? new int[] {0, 0}
                    : java.util.Arrays.stream(windowSize.toLowerCase(java.util.Locale.ROOT).split("x"))
                    .mapToInt(Integer::parseInt).toArray();
            BoothFx.launch(app, screenshot, Duration.ofSeconds(screenshotAfter),
                    exitAfter == null ? null : Duration.ofSeconds(exitAfter), size[0], size[1], screenshotCorrection);
        } catch (RuntimeException e) {
            log.error("The booth window failed: {}", e.toString(), e);
            return 4;
        } finally {
            life.stop(exitAfter == null ? "window closed" : "--exit-after");
        }
        return 0;
    }
}
