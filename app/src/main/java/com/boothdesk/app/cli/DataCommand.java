package com.boothdesk.app.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;

import com.boothdesk.app.ops.AboutInfo;
import com.boothdesk.app.ops.InstanceLock;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.StoreException;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code boothdesk data status [--data DIR]}: what a data folder holds, for the technician before and after an
 * upgrade (and the upgrade test): the schema's migrations, orders, shifts, accounts, the outbox. It opens the
 * database as the booth does (so a newer version brings the schema up to date first) and refuses while a booth runs
 * on the folder. Prints counts only: no plate, name or password.
 */
@Command(name = "data", mixinStandardHelpOptions = true, subcommands = {DataCommand.Status.class},
        description = "The data folder.")
public final class DataCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "Schema version, orders, shifts, accounts and outbox of a data folder (counts only).")
    public static final class Status implements Callable<Integer> {

        @Option(names = "--data", defaultValue = "data", description = "Data folder. Default: ${DEFAULT-VALUE}")
        Path data;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            PrintWriter out = spec.commandLine().getOut();
            PrintWriter err = spec.commandLine().getErr();
            try (InstanceLock lock = InstanceLock.acquire(data);
                 Database db = Database.open(data.resolve("db"))) {
                List<String> lines = db.read(Status::lines);
                out.println("BoothDesk " + AboutInfo.of(data).version());
                out.println("data folder: " + data.toAbsolutePath().normalize());
                lines.forEach(out::println);
                out.flush();
                return 0;
            } catch (InstanceLock.AlreadyRunningException e) {
                err.println(e.getMessage());
                return 5;
            } catch (IOException | StoreException e) {
                err.println("无法打开数据目录 / cannot open the data folder " + data + ": " + e.getMessage());
                return 3;
            }
        }

        static List<String> lines(Connection c) throws SQLException {
            List<String> out = new ArrayList<>();
            try (Statement st = c.createStatement()) {
                try (ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM \"flyway_schema_history\""
                        + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL")) {
                    rs.next();
                    out.add("migrations: " + rs.getLong(1));
                }
                try (ResultSet rs = st.executeQuery("SELECT \"version\", \"description\" FROM"
                        + " \"flyway_schema_history\" WHERE \"success\" = TRUE AND \"version\" IS NOT NULL"
                        + " ORDER BY \"installed_rank\" DESC LIMIT 1")) {
                    if (rs.next()) {
                        out.add("last migration: V" + rs.getString(1) + " " + rs.getString(2));
                    }
                }
                out.add("orders: " + count(st, "SELECT COUNT(*) FROM parking_order"));
                out.add("orders in lot: " + count(st, "SELECT COUNT(*) FROM parking_order WHERE status = 'IN_LOT'"));
                out.add("orders closed: " + count(st, "SELECT COUNT(*) FROM parking_order WHERE status = 'CLOSED'"));
                out.add("money taken fen: " + count(st, "SELECT COALESCE(SUM(paid_fen + prepaid_fen), 0) FROM"
                        + " parking_order WHERE status = 'CLOSED'"));
                out.add("gate events: " + count(st, "SELECT COUNT(*) FROM gate_event"));
                out.add("accounts: " + count(st, "SELECT COUNT(*) FROM staff_account"));
                out.add("shifts open: " + count(st, "SELECT COUNT(*) FROM staff_shift WHERE ended_at IS NULL"));
                out.add("shifts closed: " + count(st, "SELECT COUNT(*) FROM staff_shift WHERE ended_at IS NOT NULL"));
                try (ResultSet rs = st.executeQuery("SELECT shift_id FROM staff_shift ORDER BY started_at, shift_id")) {
                    List<String> ids = new ArrayList<>();
                    while (rs.next()) {
                        ids.add(rs.getString(1));
                    }
                    out.add("shift ids: " + String.join(",", ids));
                }
                out.add("outbox stored: " + count(st, "SELECT COUNT(*) FROM sdk_outbox"));
                out.add("outbox undelivered: " + count(st, "SELECT COUNT(*) FROM sdk_outbox WHERE status IN"
                        + " ('PENDING', 'SENT')"));
            }
            return out;
        }

        private static long count(Statement st, String sql) throws SQLException {
            try (ResultSet rs = st.executeQuery(sql)) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
