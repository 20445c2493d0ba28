package com.boothdesk.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;

import com.boothdesk.app.ops.DataFolder;

/**
 * An installed booth with no site configuration never starts the demo by itself: it needs {@code --demo} or a site
 * file ({@code <data>/boothdesk.properties}, written by the commissioning wizard or by hand).
 */
final class FirstRun {

    private FirstRun() {
    }

    static boolean needed(Path data, Path config, boolean demo) {
        return DataFolder.installed() && !demo && config == null
                && !Files.isRegularFile(data.resolve("boothdesk.properties"));
    }

    static int refuse(Path data) {
        System.err.println("此工位尚未配置 / this booth has no site configuration yet: " + data.toAbsolutePath()
                .resolve("boothdesk.properties") + " does not exist.\n"
                + "  BoothDesk run --demo        starts the demo (simulated cloud, cameras and cards)\n"
                + "  BoothDesk commission ...    writes the site file (see installer/README.md)");
        return 6;
    }
}
