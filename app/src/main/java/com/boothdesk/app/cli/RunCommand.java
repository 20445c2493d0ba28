package com.boothdesk.app.cli;

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
import com.boothdesk.app.store.StoreException;
import com.boothdesk.app.ui.BoothFx;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code boothdesk run}: the booth application. With no configuration it runs the demo. */
@Command(name = "run", mixinStandardHelpOptions = true,
        description = "Starts the booth application. With no configuration: the demo (simulated cloud, cameras and "
                + "LED/gate cards) on an H2 database in the data folder.")
public final class RunCommand implements Callable<Integer> {

    @Option(names = "--data", description = "Data folder (database, pictures, logs). Default: ${DEFAULT-VALUE}",
            defaultValue = "data")
    Path data;

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

    @Override
    public Integer call() {
        if (headless || Headless.noDisplay()) {
            Headless.enable();
        }
        Logger log = LoggerFactory.getLogger(RunCommand.class);
        Properties p = new Properties();
        p.putAll(overrides);
        BoothConfig cfg;
        try {
            cfg = BoothConfig.load(data, config, p);
        } catch (ConfigException e) {
            System.err.println("配置错误 / configuration error: " + e.getMessage());
            return 2;
        }
        BoothApp app;
        try {
            app = BoothApp.start(cfg, Clock.system(cfg.zone()));
        } catch (StoreException | ConfigException e) {
            System.err.println(e.getMessage());
            return 3;
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
            app.close();
        }
        return 0;
    }
}
