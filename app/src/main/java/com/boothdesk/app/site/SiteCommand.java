package com.boothdesk.app.site;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.Callable;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.ConfigException;
import com.boothdesk.app.config.StoreSettings;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.StoreException;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code boothdesk site check|init|status}: the site database for the technician commissioning a booth of a site.
 * The URL and user come from the booth's settings ({@code store.url}, {@code store.user}; the password from
 * {@code <data>/secrets.properties} or {@code BOOTHDESK_STORE_PASSWORD}), or from {@code --url}/{@code --user}.
 * <ul>
 *   <li>{@code check}: can this booth reach the server and log in; which PostgreSQL; is the schema there and how
 *       far (exit 0 reachable, 3 unreachable, 4 login refused, 2 bad settings);</li>
 *   <li>{@code init}: creates or brings the schema up to date (the same Flyway migrations the booth runs at start);</li>
 *   <li>{@code status}: the booths of the site (each booth's liveness from the outbox's claimants: connected, or
 *       gone since when), messages not yet delivered per booth, cars inside, the space counters.</li>
 * </ul>
 * Prints no plate, name or password.
 */
@Command(name = "site", mixinStandardHelpOptions = true, description = "The site database of several booths.",
        subcommands = {SiteCommand.Check.class, SiteCommand.Init.class, SiteCommand.Status.class})
public final class SiteCommand implements Callable<Integer> {

    static final int BAD_SETTINGS = 2;
    static final int UNREACHABLE = 3;
    static final int REFUSED = 4;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getOut());
        return 0;
    }

    /** Where the site database is: the booth's settings, or the options. */
    abstract static class Target implements Callable<Integer> {
        @Option(names = "--data", defaultValue = "data", description = "Data folder. Default: ${DEFAULT-VALUE}")
        Path data;

        @Option(names = "--url", description = "jdbc:postgresql://server:5432/boothdesk (default: store.url)")
        String url;

        @Option(names = "--user", description = "database user (default: store.user)")
        String user;

        @Spec
        CommandSpec spec;

        String password;

        /** Resolves url, user and password; false (after a message) when they are not usable. */
        boolean resolve() {
            PrintWriter err = spec.commandLine().getErr();
            Properties o = new Properties();
            if (url != null) {
                o.setProperty("store.url", url);
            }
            if (user != null) {
                o.setProperty("store.user", user);
            }
            StoreSettings s;
            try {
                s = StoreSettings.from(BoothConfig.load(data, null, o));
            } catch (ConfigException e) {
                err.println("设置有误 / bad settings: " + e.getMessage());
                return false;
            }
            if (s.embedded() || !s.url().startsWith("jdbc:postgresql://")) {
                err.println("未设置站点数据库 / no site database: set store.url=jdbc:postgresql://server:5432/boothdesk"
                        + " and store.user (or give --url and --user); this booth keeps its records in its own file");
                return false;
            }
            url = s.url();
            user = s.user();
            password = s.password() == null ? "" : s.password();
            return true;
        }

        String where() {
            return url.replaceAll("(?i)(password=)[^&;]*", "$1***") + " as " + user;
        }

        Connection connect() throws SQLException {
            Properties p = new Properties();
            p.setProperty("user", user);
            p.setProperty("password", password);
            p.setProperty("connectTimeout", "5");
            p.setProperty("socketTimeout", "30");
            p.setProperty("ApplicationName", "BoothDesk site");
            return DriverManager.getConnection(url, p);
        }

        int failed(SQLException e) {
            PrintWriter err = spec.commandLine().getErr();
            String state = String.valueOf(e.getSQLState());
            if (state.equals("28P01") || state.equals("28000")) {
                err.println("数据库拒绝登录 / the site database " + where() + " refused the user or password"
                        + " (store.user; store.password in <data>/secrets.properties or BOOTHDESK_STORE_PASSWORD)");
                return REFUSED;
            }
            if (state.equals("3D000")) {
                err.println("数据库不存在 / the database of " + where() + " does not exist: create it on the server"
                        + " (createdb -O " + user + " boothdesk), then run: boothdesk site init");
                return UNREACHABLE;
            }
            err.println("无法连接站点数据库 / cannot connect to the site database " + where() + ": " + e.getMessage());
            return UNREACHABLE;
        }
    }

    @Command(name = "check", mixinStandardHelpOptions = true,
            description = "Can this booth reach the site database; its version; is the schema there.")
    public static final class Check extends Target {
        @Override
        public Integer call() {
            if (!resolve()) {
                return BAD_SETTINGS;
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Connection c = connect()) {
                out.println("连接成功 / connected: " + where() + " (" + c.getMetaData().getDatabaseProductName() + " "
                        + c.getMetaData().getDatabaseProductVersion() + ")");
                schema(c).forEach(out::println);
                out.flush();
                return 0;
            } catch (SQLException e) {
                return failed(e);
            }
        }
    }

    @Command(name = "init", mixinStandardHelpOptions = true,
            description = "Create the schema on the site database, or bring it up to date (as a booth's start does).")
    public static final class Init extends Target {
        @Override
        public Integer call() {
            if (!resolve()) {
                return BAD_SETTINGS;
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Connection probe = connect()) {
                probe.isValid(5);
            } catch (SQLException e) {
                return failed(e);
            }
            try (Database db = Database.connect(url, user, password, 2)) {
                out.println("数据库结构已就绪 / the schema is up to date on " + where());
                db.read(SiteCommand::schema).forEach(out::println);
                out.flush();
                return 0;
            } catch (StoreException e) {
                spec.commandLine().getErr().println(e.getMessage());
                return UNREACHABLE;
            }
        }
    }

    @Command(name = "status", mixinStandardHelpOptions = true,
            description = "The booths of the site (connected or gone), undelivered messages, cars inside.")
    public static final class Status extends Target {
        Clock clock = Clock.systemUTC();

        @Override
        public Integer call() {
            if (!resolve()) {
                return BAD_SETTINGS;
            }
            PrintWriter out = spec.commandLine().getOut();
            try (Connection c = connect()) {
                List<String> schema = schema(c);
                schema.forEach(out::println);
                if (schema.get(0).startsWith("schema: none")) {
                    out.flush();
                    return 0;
                }
                lines(c, clock.instant()).forEach(out::println);
                out.flush();
                return 0;
            } catch (SQLException e) {
                return failed(e);
            }
        }
    }

    /** The schema's state: none yet, or its last migration. */
    static List<String> schema(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT \"version\", \"description\" FROM \"flyway_schema_history\""
                     + " WHERE \"success\" = TRUE AND \"version\" IS NOT NULL ORDER BY \"installed_rank\" DESC")) {
            int n = 0;
            String last = null;
            while (rs.next()) {
                if (last == null) {
                    last = "V" + rs.getString(1) + " " + rs.getString(2);
                }
                n++;
            }
            out.add(last == null ? "schema: none yet (boothdesk site init creates it)"
                    : "schema: " + n + " migrations, last " + last);
        } catch (SQLException e) {
            if (!"42P01".equals(e.getSQLState()) && !"42S02".equals(e.getSQLState())) {
                throw e;
            }
            if (!c.getAutoCommit()) {
                c.rollback();
            }
            out.add("schema: none yet (boothdesk site init creates it)");
        }
        return out;
    }

    /** The booths and what they hold. */
    static List<String> lines(Connection c, Instant now) throws SQLException {
        List<String> out = new ArrayList<>();
        Map<String, Long> undelivered = new LinkedHashMap<>();
        try (Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT COALESCE(claimed_by, '-'), COUNT(*) FROM sdk_outbox"
                     + " WHERE status IN ('PENDING', 'SENT') GROUP BY claimed_by ORDER BY 1")) {
            while (rs.next()) {
                undelivered.put(rs.getString(1), rs.getLong(2));
            }
        }
        int connected = 0;
        List<String> booths = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT claimant, alive_until FROM sdk_outbox_claimant ORDER BY claimant");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String id = rs.getString(1);
                Instant until = Instant.ofEpochMilli(rs.getLong(2));
                boolean alive = !until.isBefore(now);
                connected += alive ? 1 : 0;
                booths.add("  " + id + ": " + (alive ? "在线 / connected" : "离线 / gone since about " + until)
                        + ", undelivered " + undelivered.getOrDefault(id, 0L));
            }
        }
        out.add("booths: " + booths.size() + " known, " + connected + " connected to the cloud and the database");
        out.addAll(booths);
        long unclaimed = undelivered.getOrDefault("-", 0L);
        if (unclaimed > 0) {
            out.add("  (no booth): undelivered " + unclaimed);
        }
        try (Statement st = c.createStatement()) {
            out.add("cars inside: " + one(st, "SELECT COUNT(*) FROM parking_order WHERE status = 'IN_LOT'")
                    + " (space counters: " + one(st, "SELECT COALESCE(SUM(inside), 0) FROM lot_lane_count") + ")");
            out.add("stays: " + one(st, "SELECT COUNT(*) FROM parking_order"));
        }
        return out;
    }

    private static long one(Statement st, String sql) throws SQLException {
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    /** For tests: the command line of this command alone. */
    static CommandLine commandLine() {
        return new CommandLine(new SiteCommand());
    }
}
