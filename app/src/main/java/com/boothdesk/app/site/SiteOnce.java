package com.boothdesk.app.site;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Iterator;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.StoreException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Work the cloud sends to every booth of a site, done once for the site: the list downlinks (3.5–3.21: a month card,
 * a white-list plate, a blacklist entry …) reach each booth over its own login, but the lists live in the one shared
 * database. Without this, a slow booth applying the cloud's older message after a faster booth already applied the
 * next one would turn a list back.
 *
 * <p><b>The rule.</b> A downlink is the same downlink when its service and its fields are the same (its
 * {@code message_uuid} when it has one, otherwise a SHA-256 of its fields in key order, without the per-login
 * {@code token}, {@code sign}, {@code local_id}, {@code comid}). The first booth to insert the key into
 * {@code site_once} applies it; a booth that finds the key taken by another booth within {@link #WINDOW} answers
 * {@code state 1} ("already applied for the site") without touching the lists. The booth that holds the key applies a
 * resend again (the handlers are idempotent; a booth killed between the claim and the apply thus still applies it when
 * the cloud resends what it never answered), and a key older than the window is claimed again (the same message sent
 * anew a day later is new work). An apply that fails or is refused ({@code state 0}) gives the key back, so that a
 * resend, at any booth, is applied. Rows older than twice the window are pruned.
 *
 * <p>On the embedded file of a single booth every downlink is applied (there is nothing to share).
 */
public final class SiteOnce {

    private static final Logger LOG = LoggerFactory.getLogger(SiteOnce.class);

    /** How long a key stands for the cloud's fan-out of one message (the cloud re-pushes unanswered rows for a day). */
    public static final Duration WINDOW = Duration.ofHours(24);
    private static final Set<String> PER_LOGIN = Set.of("token", "sign", "local_id", "comid", "random_str");
    private static final int KEY_MAX = 128;

    private final Database db;
    private final String boothId;
    private final Clock clock;
    private int claims;

    public SiteOnce(Database db, String boothId, Clock clock) {
        this.db = Objects.requireNonNull(db, "db");
        this.boothId = Objects.requireNonNull(boothId, "boothId");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The one of this database (registered by {@link SiteModule#openStore}; a default booth id otherwise). */
    public static SiteOnce of(Database db) {
        return db.shared(SiteOnce.class, d -> new SiteOnce(d, "booth", Clock.systemUTC()));
    }

    /** Registers this booth's instance on its database (before the handlers are built). */
    static void register(Database db, String boothId, Clock clock) {
        db.shared(SiteOnce.class, d -> new SiteOnce(d, boothId, clock));
    }

    /**
     * Wraps a downlink handler: on a shared database it runs once per site (see the class rule); {@code already}
     * gives the reply of a booth that skips it.
     */
    public UnaryOperator<ObjectNode> guard(String service, UnaryOperator<ObjectNode> handler,
                                           UnaryOperator<ObjectNode> already) {
        if (!db.shared()) {
            return handler;
        }
        return downlink -> {
            String key = key(service, downlink);
            Optional<String> holder = claim(key);
            if (holder.isPresent()) {
                LOG.info("{}: already applied for the site by booth {} (site_once {}); not applied again here",
                        service, holder.get(), key);
                return already.apply(downlink);
            }
            ObjectNode reply;
            try {
                reply = handler.apply(downlink);
            } catch (RuntimeException e) {
                release(key);
                throw e;
            }
            if (reply == null || reply.path("state").asInt(0) != 1) {
                release(key); // refused or failed: a resend (at any booth) is applied
            }
            return reply;
        };
    }

    /** The key of a downlink: its service and its message_uuid, or a digest of its fields in key order. */
    public static String key(String service, ObjectNode downlink) {
        JsonNode body = downlink.has("data") && downlink.get("data").isObject() ? downlink.get("data") : downlink;
        String uuid = body.path("message_uuid").asText("");
        if (uuid.isEmpty()) {
            uuid = downlink.path("message_uuid").asText("");
        }
        String id;
        if (!uuid.isEmpty() && uuid.length() <= 64 && uuid.chars().allMatch(ch -> ch > 0x20 && ch < 0x7f)) {
            id = "u:" + uuid;
        } else {
            StringBuilder canon = new StringBuilder();
            canonical(downlink, canon, true);
            id = "h:" + sha256(canon.toString());
        }
        String k = service + "|" + id;
        return k.length() <= KEY_MAX ? k : k.substring(0, KEY_MAX);
    }

    /**
     * Takes the key for this booth. Empty: this booth applies the downlink (a new key, its own key, or one older than
     * the window); otherwise the booth that holds it.
     */
    Optional<String> claim(String key) {
        Instant now = clock.instant();
        return db.write(c -> {
            Optional<String> r = claimIn(c, key, now);
            if (++claims % 200 == 0) {
                prune(c, now);
            }
            return r;
        });
    }

    private Optional<String> claimIn(Connection c, String key, Instant now) throws SQLException {
        // the key row is locked by the first statement that touches it: a concurrent claim waits, then sees it
        try (PreparedStatement ps = c.prepareStatement("UPDATE site_once SET booth_id = ?, done_at = ?"
                + " WHERE once_key = ? AND (booth_id = ? OR done_at < ?)")) {
            ps.setString(1, boothId);
            ps.setObject(2, at(now));
            ps.setString(3, key);
            ps.setString(4, boothId);
            ps.setObject(5, at(now.minus(WINDOW)));
            if (ps.executeUpdate() == 1) {
                return Optional.empty();
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO site_once (once_key, booth_id, done_at)"
                + " SELECT ?, ?, ? WHERE NOT EXISTS (SELECT 1 FROM site_once WHERE once_key = ?)")) {
            ps.setString(1, key);
            ps.setString(2, boothId);
            ps.setObject(3, at(now));
            ps.setString(4, key);
            if (ps.executeUpdate() == 1) {
                return Optional.empty();
            }
        } catch (SQLException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            // another booth inserted it between our check and our insert: it holds the key
            c.rollback();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT booth_id FROM site_once WHERE once_key = ?")) {
            ps.setString(1, key);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    return Optional.of(rs.getString(1));
                }
            }
        }
        throw new StoreException("site_once: the key " + key + " is neither free nor held", null);
    }

    private void release(String key) {
        try {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "DELETE FROM site_once WHERE once_key = ? AND booth_id = ?")) {
                    ps.setString(1, key);
                    ps.setString(2, boothId);
                    return ps.executeUpdate();
                }
            });
        } catch (StoreException e) {
            LOG.warn("site_once: could not give back {} ({}); it is claimed again after {}", key, e.getMessage(),
                    WINDOW);
        }
    }

    private static void prune(Connection c, Instant now) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM site_once WHERE done_at < ?")) {
            ps.setObject(1, at(now.minus(WINDOW.multipliedBy(2))));
            ps.executeUpdate();
        }
    }

    private static java.time.OffsetDateTime at(Instant i) {
        return java.time.OffsetDateTime.ofInstant(i, java.time.ZoneOffset.UTC);
    }

    private static boolean isUniqueViolation(SQLException e) {
        String state = String.valueOf(e.getSQLState());
        return state.equals("23505"); // PostgreSQL and H2 both use the standard code
    }

    private static void canonical(JsonNode n, StringBuilder out, boolean top) {
        if (n.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            for (Iterator<Map.Entry<String, JsonNode>> it = n.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!top || !PER_LOGIN.contains(e.getKey())) {
                    sorted.put(e.getKey(), e.getValue());
                }
            }
            out.append('{');
            sorted.forEach((k, v) -> {
                out.append('"').append(k).append("\":");
                canonical(v, out, false);
                out.append(',');
            });
            out.append('}');
        } else if (n.isArray()) {
            out.append('[');
            n.forEach(v -> {
                canonical(v, out, false);
                out.append(',');
            });
            out.append(']');
        } else {
            out.append(n.toString());
        }
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
