package com.boothdesk.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import com.boothdesk.app.ops.DataFolder;
import com.boothdesk.app.ui.wizard.CommissionViewModel;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code boothdesk commission}: the commissioning wizard, which writes the site file. */
@Command(name = "commission", mixinStandardHelpOptions = true,
        description = "Opens the commissioning wizard (park, cloud, lanes with an LED card test, cameras, tariff) and "
                + "writes <data>/boothdesk.properties and the owner-only secrets.properties. Needs a display.")
public final class CommissionCommand implements Callable<Integer> {

    @Option(names = "--data", description = "Data folder (default as for run).")
    Path data;

    @Option(names = "--force", description = "Open the wizard even though a site file exists (it is replaced).")
    boolean force;

    @Override
    public Integer call() {
        if (data == null) {
            data = DataFolder.defaultFolder();
        }
        if (Headless.noDisplay()) {
            System.err.println("the wizard needs a display (DISPLAY is not set)");
            return 2;
        }
        if (Files.isRegularFile(data.resolve("boothdesk.properties")) && !force) {
            System.err.println(data.resolve("boothdesk.properties") + " exists; --force replaces it");
            return 2;
        }
        CommissionViewModel.Outcome o = FirstRun.wizard(data);
        System.out.println(o == CommissionViewModel.Outcome.COMMISSIONED
                ? "site file written: " + data.toAbsolutePath().resolve("boothdesk.properties") : "not commissioned");
        return o == CommissionViewModel.Outcome.COMMISSIONED ? 0 : 1;
    }
}
