package com.boothdesk.app.site;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.plate.SafeText;

/**
 * The commissioning wizard's "test" of a site database: connects as the booth would (the official PostgreSQL
 * driver, a 5 s connect timeout), and says in plain words what it found — the server's version and whether the
 * schema is there — or why it could not: unreachable, no such database, user or password refused. Blocking: run it
 * on a background executor.
 */
public final class SiteDatabaseProbe {

    private static final Logger LOG = LoggerFactory.getLogger(SiteDatabaseProbe.class);

    /** What the test found; {@code text} is shown to the technician as it is (Chinese / English). */
    public record Result(boolean ok, String text) {
    }

    private SiteDatabaseProbe() {
    }

    /** Why a test connection failed, from its SQLSTATE. */
    public enum Failure { REFUSED, NO_DATABASE, UNREACHABLE }

    /** A test connection to a site database (5 s to connect, 10 s per read), named {@code application}. */
    public static Connection connect(String url, String user, String password, String application)
            throws SQLException {
        Properties p = new Properties();
        p.setProperty("user", user == null ? "" : user.trim());
        p.setProperty("password", password == null ? "" : password);
        p.setProperty("connectTimeout", "5");
        p.setProperty("socketTimeout", "10");
        p.setProperty("ApplicationName", application);
        return DriverManager.getConnection(url.trim(), p);
    }

    /** What a failed {@link #connect} means for the technician. */
    public static Failure failure(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        if (state.equals("28P01") || state.equals("28000")) {
            return Failure.REFUSED;
        }
        return state.equals("3D000") ? Failure.NO_DATABASE : Failure.UNREACHABLE;
    }

    public static Result probe(String url, String user, String password) {
        String where = SafeText.of(url, 120) + " (" + SafeText.of(user, 40) + ")";
        if (url == null || !url.trim().startsWith("jdbc:postgresql://")) {
            return new Result(false, "不是 PostgreSQL 地址 / not a PostgreSQL address: " + where);
        }
        try (Connection c = connect(url, user, password, "BoothDesk commissioning")) {
            String version = c.getMetaData().getDatabaseProductName() + " "
                    + c.getMetaData().getDatabaseProductVersion();
            String schema = String.join("; ", SiteCommand.schema(c));
            LOG.info("Site database test: connected to {}: {}; {}", where, version, schema);
            return new Result(true, "连接成功 / connected: " + where + ", " + version + "; " + schema);
        } catch (SQLException e) {
            LOG.info("Site database test: {} failed: {} ({})", where, SafeText.of(e.getMessage(), 200),
                    SafeText.of(e.getSQLState(), 8));
            return switch (failure(e)) {
                case REFUSED -> new Result(false, "数据库拒绝登录 / the database refused the user or password: " + where);
                case NO_DATABASE -> new Result(false, "数据库不存在 / no such database on the server: " + where
                        + " (createdb -O " + SafeText.of(user, 40) + " boothdesk)");
                case UNREACHABLE -> new Result(false, "无法连接 / cannot connect to " + where + ": "
                        + SafeText.of(e.getMessage(), 160));
            };
        }
    }
}
