package com.boothdesk.app.store;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.domain.fee.TariffException;
import com.boothdesk.app.domain.fee.TariffSchedule;
import com.boothdesk.app.domain.fee.Tariffs;

/**
 * The tariffs the booth has used, each from the moment it came into force. At start the configured tariff is
 * compared with the last one recorded; a changed tariff is recorded as in force from now, and the schedule keeps
 * the older ones for the cars that came in under them.
 */
public final class JdbcTariffVersions {

    private static final Logger LOG = LoggerFactory.getLogger(JdbcTariffVersions.class);

    private final Database db;

    public JdbcTariffVersions(Database db) {
        this.db = db;
    }

    /** Records {@code current} if it differs from the last recorded tariff, and returns the whole schedule. */
    public TariffSchedule record(Tariff current, Instant now) {
        String json = Tariffs.toJson(current);
        List<Version> versions = versions();
        if (versions.isEmpty() || !versions.get(versions.size() - 1).json().equals(json)) {
            db.write(c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "INSERT INTO tariff_version (tariff_id, effective_from, json) VALUES (?, ?, ?)")) {
                    ps.setString(1, current.id());
                    ps.setObject(2, JdbcOrderRepository.time(now));
                    ps.setString(3, json);
                    ps.executeUpdate();
                }
                return null;
            });
            LOG.info("Tariff {} is in force from {}{}", current.id(), now,
                    versions.isEmpty() ? "" : " (stays that entered before keep their tariff)");
            versions.add(new Version(current.id(), now, json));
        }
        TariffSchedule schedule = null;
        for (Version v : versions) {
            Tariff t = parse(v, current);
            schedule = schedule == null ? TariffSchedule.of(t) : schedule.with(v.effectiveFrom(), t);
        }
        return schedule;
    }

    private List<Version> versions() {
        return db.read(c -> {
            List<Version> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT tariff_id, effective_from, json FROM tariff_version ORDER BY effective_from, id");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Version(rs.getString(1), JdbcOrderRepository.instant(rs, "effective_from"),
                            rs.getString(3)));
                }
            }
            return out;
        });
    }

    /** A stored tariff that no longer reads (a newer format) falls back to the current one, loudly. */
    private static Tariff parse(Version v, Tariff current) {
        try {
            return Tariffs.read(new ByteArrayInputStream(v.json().getBytes(StandardCharsets.UTF_8)));
        } catch (TariffException e) {
            LOG.error("Stored tariff {} from {} cannot be read ({}); those stays are priced with {}", v.tariffId(),
                    v.effectiveFrom(), e.getMessage(), current.id());
            return current;
        }
    }

    private record Version(String tariffId, Instant effectiveFrom, String json) {
    }
}
