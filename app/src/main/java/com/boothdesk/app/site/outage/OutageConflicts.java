package com.boothdesk.app.site.outage;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.Sql;

/**
 * The replay's conflicts in the site database ({@code outage_conflict}, V186), for the supervisor's list: one row per
 * journal entry of a booth, so a replay run again adds nothing.
 */
public final class OutageConflicts {

    /** What kind of conflict (the rule that made it: docs/architecture.md). */
    public enum Kind {
        /** The stay was let out at another booth first (by time); this booth's exit is kept here. */
        EXIT_TWICE,
        /** This booth's exit was the first; the other booth's later exit of the same stay is kept here. */
        EXIT_TWICE_OTHER_LATER,
        /** The site has no such stay (its entry became a conflict, or never reached the site). */
        EXIT_WITHOUT_STAY,
        /** The car had already left through another booth when this booth's entry reached the site. */
        ENTRY_CLOSED_ELSEWHERE,
        /** A newer stay of the plate is inside (entered at another booth since): this entry was not put inside. */
        ENTRY_SUPERSEDED_ELSEWHERE,
        /** The entry could not be applied at all (unreadable, refused by the database); kept whole. */
        REPLAY_FAILED,
        /** A prepayment received while down for a stay another booth closed meanwhile: recorded, not added to it. */
        PREPAY_ORDER_CLOSED,
        /** A prepayment received while down for a stay the site does not have: recorded, not added. */
        PREPAY_NO_ORDER,
        /** A plate corrected while down on a stay another booth closed meanwhile: not applied. */
        CORRECTION_ORDER_CLOSED,
        /** A plate corrected while down on a stay the site does not have: not applied. */
        CORRECTION_NO_ORDER,
        /** A stored-value charge made while down took the balance below zero (another booth charged it too): kept. */
        STORED_VALUE_BELOW_ZERO,
        /** A stored-value charge made while down for a card the site no longer has: not applied. */
        STORED_VALUE_NO_CARD,
        /** A coupon deducted while down was used by another stay meanwhile: the deduction is not uploaded again. */
        COUPON_USED_ELSEWHERE,
        /** A coupon deducted while down is unknown to the site (withdrawn meanwhile): nothing uploaded. */
        COUPON_UNKNOWN,
        /** A visitor entry counted while down found no usable pass at the site (withdrawn meanwhile): not counted. */
        VISITOR_NO_PASS
    }

    /** One conflict. */
    public record Conflict(long id, String boothId, long journalSeq, String kind, String orderId, String plate,
                           Instant at, String detail, Instant foundAt) {
    }

    private final Database db;
    private final String boothId;
    private final Clock clock;

    public OutageConflicts(Database db, String boothId, Clock clock) {
        this.db = db;
        this.boothId = boothId;
        this.clock = clock;
    }

    /** Records a conflict in {@code c}'s transaction; false when this journal entry already has one. */
    boolean add(Connection c, long seq, Kind kind, String orderId, String plate, Instant at, String detail,
                String body) throws SQLException {
        java.sql.Savepoint sp = c.getAutoCommit() ? null : c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outage_conflict (booth_id, journal_seq, kind,"
                + " order_id, plate, at, detail, body, found_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setString(1, boothId);
            ps.setLong(2, seq);
            ps.setString(3, kind.name());
            ps.setString(4, orderId);
            ps.setString(5, plate == null ? null : SafeText.of(plate, 24));
            ps.setObject(6, OutageJournal.time(at));
            ps.setString(7, SafeText.of(detail, 900));
            ps.setString(8, body == null || body.length() <= 16000 ? body : body.substring(0, 16000));
            ps.setObject(9, OutageJournal.time(clock.instant()));
            ps.executeUpdate();
            if (sp != null) {
                c.releaseSavepoint(sp);
            }
            return true;
        } catch (SQLException e) {
            if (!Sql.isDuplicateKey(e)) {
                throw e;
            }
            if (sp != null) {
                c.rollback(sp);
            }
            return false;
        }
    }

    /**
     * Marks journal entry {@code seq} of this booth applied, in {@code c}'s transaction (the write it replays):
     * false when it was already (a replay run again after a crash between the site's commit and the journal's mark).
     */
    boolean claim(Connection c, long seq, String kind) throws SQLException {
        java.sql.Savepoint sp = c.getAutoCommit() ? null : c.setSavepoint();
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO outage_applied (booth_id, journal_seq, kind,"
                + " applied_at) VALUES (?, ?, ?, ?)")) {
            ps.setString(1, boothId);
            ps.setLong(2, seq);
            ps.setString(3, kind);
            ps.setObject(4, OutageJournal.time(clock.instant()));
            ps.executeUpdate();
            if (sp != null) {
                c.releaseSavepoint(sp);
            }
            return true;
        } catch (SQLException e) {
            if (!Sql.isDuplicateKey(e)) {
                throw e;
            }
            if (sp != null) {
                c.rollback(sp);
            }
            return false;
        }
    }

    /** The newest conflicts of the whole site first. */
    public List<Conflict> recent(int limit) {
        return db.read(c -> {
            List<Conflict> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT id, booth_id, journal_seq, kind, order_id, plate, at,"
                    + " detail, found_at FROM outage_conflict ORDER BY found_at DESC, id DESC LIMIT " + Math.max(1, limit));
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Conflict(rs.getLong(1), rs.getString(2), rs.getLong(3), rs.getString(4),
                            rs.getString(5), rs.getString(6), rs.getObject(7, OffsetDateTime.class).toInstant(),
                            rs.getString(8), rs.getObject(9, OffsetDateTime.class).toInstant()));
                }
            }
            return out;
        });
    }

    /** How many conflicts the site holds. */
    public int count() {
        return db.read(c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM outage_conflict");
                 ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        });
    }
}
