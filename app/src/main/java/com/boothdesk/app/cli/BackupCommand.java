package com.boothdesk.app.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Callable;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.ops.DataFolder;
import com.boothdesk.app.ops.InstanceLock;
import com.boothdesk.app.ops.OpsModule;
import com.boothdesk.app.ops.backup.BackupSchedule;
import com.boothdesk.app.ops.backup.Backups;
import com.boothdesk.app.store.Database;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code boothdesk backup}: an H2 online backup now, by the running booth if there is one, else directly. */
@Command(name = "backup", mixinStandardHelpOptions = true,
        description = "Backs up the booth's database now (H2 online backup) into the backup folder "
                + "(default <data>/backups), keeping backup.keep backups. If the booth is running, it takes the "
                + "backup itself. --list shows the backups.")
public final class BackupCommand implements Callable<Integer> {

    @Option(names = "--data", description = "Data folder (default as for run).")
    Path data;

    @Option(names = "--config", description = "Configuration file (for backup.dir / backup.keep).")
    Path config;

    @Option(names = "--list", description = "List the backups, newest first.")
    boolean list;

    @Override
    public Integer call() throws Exception {
        if (data == null) {
            data = DataFolder.defaultFolder();
        }
        Backups backups = backups(data, config);
        if (list) {
            for (Path p : backups.list()) {
                System.out.printf("%s  %,d bytes%n", p, Files.size(p));
            }
            return 0;
        }
        InstanceLock lock;
        try {
            lock = InstanceLock.acquire(data);
        } catch (InstanceLock.AlreadyRunningException e) {
            System.out.println("The booth is running: asking it for a backup ...");
            String answer = BackupSchedule.request(backups.directory(), Duration.ofSeconds(120));
            System.out.println(answer);
            return answer.startsWith("ok ") ? 0 : 1;
        }
        try (lock; Database db = Database.open(data.resolve("db"))) {
            System.out.println("ok " + backups.backup(db));
            return 0;
        } catch (IOException e) {
            System.err.println("备份失败 / backup failed: " + e.getMessage());
            return 1;
        }
    }

    static Backups backups(Path data, Path config) {
        try {
            BoothConfig cfg = BoothConfig.load(data, config, null);
            return new Backups(OpsModule.backupDir(cfg), cfg.ops().backupKeep(), Clock.systemUTC());
        } catch (ConfigException e) {
            System.err.println("配置错误 / configuration error (" + e.getMessage() + "): using <data>/backups, keep 14");
            return new Backups(data.toAbsolutePath().resolve("backups"), 14, Clock.systemUTC());
        }
    }
}
