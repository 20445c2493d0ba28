package com.boothdesk.app.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.concurrent.Callable;

import com.boothdesk.app.ops.DataFolder;
import com.boothdesk.app.ops.InstanceLock;
import com.boothdesk.app.ops.backup.Backups;

import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code boothdesk restore FILE}: puts a backup in place of the database, after proving it sound. */
@Command(name = "restore", mixinStandardHelpOptions = true,
        description = "Restores the database from a backup zip. The backup is checked first (checksums, H2 opens "
                + "it, migration history); only a sound backup replaces the database, and the current database is "
                + "kept beside it (db.before-restore-<time>). The booth must be stopped. --check only checks.")
public final class RestoreCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "BACKUP", description = "The backup zip (boothdesk-<time>.zip).")
    Path backup;

    @Option(names = "--data", description = "Data folder (default as for run).")
    Path data;

    @Option(names = "--check", description = "Check the backup only; change nothing.")
    boolean check;

    @Override
    public Integer call() throws Exception {
        if (data == null) {
            data = DataFolder.defaultFolder();
        }
        if (!Files.isRegularFile(backup)) {
            System.err.println("没有此备份 / no such backup: " + backup);
            return 2;
        }
        if (check) {
            Path tmp = Files.createTempDirectory("boothdesk-check-");
            try {
                Backups.Verified v = Backups.verify(backup, tmp);
                System.out.printf("sound: taken %s by BoothDesk %s, schema %s, %d orders%n", v.created(),
                        v.appVersion(), v.schemaVersion(), v.orders());
                return 0;
            } catch (Backups.UnsoundBackupException e) {
                System.err.println("备份损坏 / unsound backup: " + e.getMessage());
                return 1;
            } finally {
                deleteTree(tmp);
            }
        }
        try (InstanceLock lock = InstanceLock.acquire(data)) {
            Path saved = Backups.restore(backup, data.resolve("db"), Clock.systemUTC());
            System.out.println("restored from " + backup + "; the previous database is in " + saved);
            return 0;
        } catch (InstanceLock.AlreadyRunningException e) {
            System.err.println(e.getMessage());
            return 5;
        } catch (Backups.UnsoundBackupException e) {
            System.err.println("备份损坏，未做任何更改 / unsound backup, nothing was changed: " + e.getMessage());
            return 1;
        }
    }

    private static void deleteTree(Path p) throws java.io.IOException {
        try (var s = Files.walk(p)) {
            for (Path x : s.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(x);
            }
        }
    }
}
