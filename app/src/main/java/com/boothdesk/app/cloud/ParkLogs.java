package com.boothdesk.app.cloud;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Instant;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.store.history.JdbcAudit;
import com.boothdesk.sdk.message.MessageValidationException;
import com.boothdesk.sdk.message.uplink.ParkLog;
import com.boothdesk.sdk.outbox.JdbcOutbox;

/**
 * 2.6 {@code park_log}: every change made in the booth's back office (tariff, templates, match tolerance, language:
 * the settings audit) goes to the cloud as an operation log line, in the same transaction as the audit row, so the
 * cloud's log holds what was changed at the booth, by whom and when ("修改了 收费标准 fee.tariff …").
 */
public final class ParkLogs implements JdbcAudit.Uplink {

    private static final Logger LOG = LoggerFactory.getLogger(ParkLogs.class);

    private final JdbcOutbox outbox;
    private final String boothId;

    public ParkLogs(JdbcOutbox outbox, String boothId) {
        this.outbox = outbox;
        this.boothId = boothId;
    }

    /** The park log of the running booth; null (no uplink) without an outbox. */
    public static ParkLogs of(com.boothdesk.app.BoothApp app) {
        return app.outbox() == null ? null : new ParkLogs(app.outbox(), app.config().boothId());
    }

    @Override
    public void recorded(Connection c, long id, Instant at, String who, String area, String setting, String newValue)
            throws SQLException {
        ParkLog log = message(id, at, who, area, setting, newValue, boothId);
        try {
            outbox.enqueue(c, log.toJson(), "park_log");
        } catch (MessageValidationException e) {
            LOG.error("2.6 park_log of audit row {} not queued: {}", id, e.getMessage());
        }
    }

    /** The log line of one audit row: log_id {@code PL<id>}, the change in at most 128 characters. */
    static ParkLog message(long id, Instant at, String who, String area, String setting, String newValue,
                           String boothId) {
        String value = newValue == null ? "" : newValue.replaceAll("\\s+", " ");
        String content = cut("修改了 " + area(area) + " " + (setting == null ? "" : setting) + ": " + value, 128);
        return new ParkLog(cut("PL" + id, 24), content, at.getEpochSecond(),
                cut(who == null || who.isBlank() ? "system" : who, 24), cut("岗亭 " + boothId, 32));
    }

    private static String area(String area) {
        return switch (area == null ? "" : area) {
            case "tariff" -> "收费标准";
            case "template" -> "显示语音模板";
            case "match" -> "车牌匹配";
            case "language" -> "界面语言";
            default -> area == null ? "" : area;
        };
    }

    private static String cut(String s, int max) {
        return s.length() <= max ? s : s.substring(0, max - 1) + "…";
    }
}
