package com.boothdesk.app;

import java.nio.file.Path;
import java.time.ZoneId;

import com.boothdesk.app.cli.AccountCommand;
import com.boothdesk.app.cli.BackupCommand;
import com.boothdesk.app.cli.CommissionCommand;
import com.boothdesk.app.cli.FeeCommand;
import com.boothdesk.app.cli.ReportCommand;
import com.boothdesk.app.cli.RestoreCommand;
import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.TariffSource;
import com.boothdesk.app.cli.RunCommand;
import com.boothdesk.app.ops.AboutInfo;
import com.boothdesk.app.ops.DataFolder;
import com.boothdesk.devices.cli.DevicesCommand;
import com.boothdesk.sdk.cli.CloudSimCommand;
import com.boothdesk.sdk.cli.ProtocolCommand;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The single entry point ({@code ./boothdesk} and the installed launcher). Not a JavaFX {@code Application}, so the
 * application starts with JavaFX on the class path.
 */
@Command(name = "boothdesk", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "BoothDesk: toll-booth application for parking-lot exits.",
        subcommands = {RunCommand.class, BackupCommand.class, RestoreCommand.class, CommissionCommand.class, DevicesCommand.class, ProtocolCommand.class,
                CloudSimCommand.class, CommandLine.HelpCommand.class})
public final class Main {

    /** The data folder of this invocation, for {@code --version}. */
    private static volatile Path invocationData = DataFolder.defaultFolder();

    public static void main(String[] args) {
        invocationData = dataDir(args);
        // before any logger exists: where the log files go
        if (System.getProperty("boothdesk.logs") == null) {
            System.setProperty("boothdesk.logs", dataDir(args).resolve("logs").toString());
        }
        System.exit(commandLine(dataDir(args)).execute(args));
    }

    /** The command line; {@code fee} prices with the tariff configured for {@code data} (or the demo's). */
    static CommandLine commandLine(Path data) {
        CommandLine cl = new CommandLine(new Main());
        cl.addSubcommand("fee", new FeeCommand(() -> TariffSource.configured(BoothConfig.load(data, null, null)),
                ZoneId.of("Asia/Shanghai")));
        cl.addSubcommand("report", new ReportCommand());
        cl.addSubcommand("account", new AccountCommand());
        cl.addSubcommand("data", new com.boothdesk.app.cli.DataCommand());
        cl.addSubcommand("site", new com.boothdesk.app.site.SiteCommand()); // multi: the site database
        return cl.setCaseInsensitiveEnumValuesAllowed(true);
    }

    private static Path dataDir(String[] args) {
        for (int i = 0; i < args.length - 1; i++) {
            if (args[i].equals("--data")) {
                return Path.of(args[i + 1]);
            }
        }
        return DataFolder.defaultFolder();
    }

    /** Version, build time, protocol and SDK version, data folder: the About box's lines. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            return AboutInfo.of(invocationData).lines().toArray(String[]::new);
        }
    }
}
