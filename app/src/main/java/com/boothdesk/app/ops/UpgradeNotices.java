package com.boothdesk.app.ops;

import com.boothdesk.app.store.Sql;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.cloud.DownlinkRouter;
import com.boothdesk.app.common.Observable;
import com.boothdesk.app.store.Database;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * 3.33 {@code update_park_soft}: the cloud announces an upgrade of the booth software (free text in
 * {@code update_content}). The notice is kept in H2 and shown (attendant and supervisor, through {@link #pending()})
 * with the version and the address found in the text, until that version runs here. Nothing is ever installed by
 * the booth: a technician installs the new MSI/package after the shift (installer/README.md).
 */
public final class UpgradeNotices {

    private static final Logger LOG = LoggerFactory.getLogger(UpgradeNotices.class);
    private static final Pattern VERSION = Pattern.compile("(?<![\\d.])v?(\\d{1,3}\\.\\d{1,3}(?:\\.\\d{1,4})?)(?![\\d.])");
    private static final Pattern URL = Pattern.compile("https?://[\\x21-\\x7e&&[^\"'<>]]{1,500}");
    private static final int MAX_CONTENT = 1024;

    /** A pending notice. */
    public record Notice(String requestNo, Instant receivedAt, String content, String version, String url) {
    }

    private final Database db;
    private final Clock clock;
    private final String running;
    private final Observable<List<Notice>> pending = new Observable<>(List.of());

    /** @param runningVersion the version of this booth (AboutInfo) */
    public UpgradeNotices(Database db, Clock clock, String runningVersion) {
        this.db = db;
        this.clock = clock;
        this.running = runningVersion;
        markInstalled();
        refresh();
    }

    public void register(DownlinkRouter router) {
        router.on("update_park_soft", this::onDownlink);
    }

    ObjectNode onDownlink(ObjectNode downlink) {
        String requestNo = text(downlink, "request_no", 64);
        String content = text(downlink, "update_content", MAX_CONTENT);
        ObjectNode r = WireCodec.MAPPER.createObjectNode();
        if (requestNo.isEmpty()) {
            r.put("state", 0);
            r.put("errmsg", "缺少 request_no");
            return r;
        }
        String version = find(VERSION, content);
        String url = find(URL, content);
        db.write(c -> {
            try (PreparedStatement ps = Sql.merge(c, "upgrade_notice", "request_no",
                    "request_no, received_at, content, version, url, booth_version")) {
                ps.setString(1, requestNo);
                ps.setTimestamp(2, Timestamp.from(clock.instant()));
                ps.setString(3, content);
                ps.setString(4, version);
                ps.setString(5, url);
                ps.setString(6, running);
                return ps.executeUpdate();
            }
        });
        LOG.warn("Upgrade notice {} from the cloud: version {}, {}: {}", requestNo, version == null ? "?" : version,
                url == null ? "no address" : url, Sanitize.line(content, 200));
        refresh();
        r.put("state", 1);
        r.put("errmsg", "下发收费系统升级通知成功!");
        return r;
    }

    /** Notices not yet installed, newest first. */
    public Observable<List<Notice>> pending() {
        return pending;
    }

    /** A notice is installed when its version (or, without one, any version other than the one it came to) runs. */
    private void markInstalled() {
        db.write(c -> {
            List<String> done = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery(
                    "SELECT request_no, version, booth_version FROM upgrade_notice WHERE installed_at IS NULL")) {
                while (rs.next()) {
                    String v = rs.getString(2);
                    boolean installed = v != null ? compare(running, v) >= 0 : !running.equals(rs.getString(3));
                    if (installed) {
                        done.add(rs.getString(1));
                    }
                }
            }
            try (PreparedStatement ps = c.prepareStatement(
                    "UPDATE upgrade_notice SET installed_at = ? WHERE request_no = ?")) {
                for (String id : done) {
                    ps.setTimestamp(1, Timestamp.from(clock.instant()));
                    ps.setString(2, id);
                    ps.executeUpdate();
                    LOG.info("Upgrade notice {} is installed (running {})", id, running);
                }
            }
            return done.size();
        });
    }

    private void refresh() {
        pending.set(db.read(c -> {
            List<Notice> out = new ArrayList<>();
            try (ResultSet rs = c.createStatement().executeQuery("SELECT request_no, received_at, content, version, "
                    + "url FROM upgrade_notice WHERE installed_at IS NULL ORDER BY received_at DESC")) {
                while (rs.next()) {
                    out.add(new Notice(rs.getString(1), rs.getTimestamp(2).toInstant(), rs.getString(3),
                            rs.getString(4), rs.getString(5)));
                }
            }
            return List.copyOf(out);
        }));
    }

    /** Dotted versions compared numerically ("0.10.0" > "0.9.1"); a development build never counts as newer. */
    static int compare(String a, String b) {
        if (!a.matches("[\\d.]+")) {
            return -1;
        }
        String[] x = a.split("\\.");
        String[] y = b.split("\\.");
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            int p = i < x.length ? Integer.parseInt(x[i]) : 0;
            int q = i < y.length ? Integer.parseInt(y[i]) : 0;
            if (p != q) {
                return Integer.compare(p, q);
            }
        }
        return 0;
    }

    private static String find(Pattern p, String text) {
        Matcher m = p.matcher(text);
        return m.find() ? (m.groupCount() > 0 ? m.group(1) : m.group()) : null;
    }

    private static String text(ObjectNode n, String field, int max) {
        String v = n.path(field).asText("");
        if (v.isEmpty() && n.path("data").isObject()) {
            v = n.path("data").path(field).asText("");
        }
        return Sanitize.cut(v, max);
    }
}
