package com.boothdesk.app.ui.backoffice.port;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;

import com.boothdesk.app.domain.fee.FeeQuote;
import com.boothdesk.app.domain.fee.Tariff;
import com.boothdesk.app.domain.lists.MonthRenewal;
import com.boothdesk.app.settings.BackOfficeSettings;
import com.boothdesk.app.settings.ListImport;
import com.boothdesk.app.store.history.GateRow;
import com.boothdesk.app.store.history.HistoryQuery;
import com.boothdesk.app.store.history.HistoryRow;
import com.boothdesk.app.store.history.JdbcAudit;
import com.boothdesk.app.store.history.JdbcListReads;
import com.boothdesk.app.store.history.JdbcReports;
import com.boothdesk.app.store.history.ListTable;
import com.boothdesk.app.store.history.StoryEvent;

/**
 * What the back office's screens get from the application, as narrow ports (no JavaFX here). Every call may read or
 * write the store: the view-models call them on the UI executor, never on the FX thread.
 */
public record BackOfficePorts(History history, Lists lists, Settings settings, Reports reports, Access access,
                              ZoneId zone, Clock clock) {

    /** Who uses the back office and what they may do: attendants read, supervisors and admins change. */
    public interface Access {
        /** The account on duty (or the demo's operator); empty when nobody is logged in. */
        String who();

        boolean canChange();
    }

    public interface History {
        List<HistoryRow> search(HistoryQuery q);

        List<StoryEvent> story(String orderId);

        List<GateRow> gateEvents(Instant from, Instant to, String lane, String operator, boolean manualOnly, int limit);

        long export(HistoryQuery q, Path file) throws IOException;

        List<String> lanes();

        List<String> attendants();

        Optional<byte[]> picture(String reference);
    }

    public interface Lists {
        ListTable read(JdbcListReads.Kind kind, String plateFragment);

        String save(JdbcListReads.Kind kind, Map<String, String> fields, String who);

        boolean delete(JdbcListReads.Kind kind, String key, String who);

        MonthRenewal renew(String cardId, String validTo, String paidYuan, int months, String who);

        void topUp(String cardId, String yuan, String who);

        ListImport.Report importFile(JdbcListReads.Kind kind, Path file, String who) throws IOException;
    }

    public interface Settings {
        String currentTariffJson();

        BackOfficeSettings.TariffCheck check(String json);

        /**
         * back5: what is wrong with a typed tariff as the validator names it (a key, its arguments, the class and
         * day), for the screen to tell in the operator's language; null when it reads and validates.
         */
        default com.boothdesk.app.domain.fee.TariffException problem(String json) {
            try {
                com.boothdesk.app.domain.fee.Tariffs.read(new java.io.ByteArrayInputStream(
                        (json == null ? "" : json).getBytes(java.nio.charset.StandardCharsets.UTF_8)));
                return null;
            } catch (com.boothdesk.app.domain.fee.TariffException e) {
                return e;
            }
        }

        FeeQuote quote(Tariff tariff, String vehicleClass, Instant in, Instant out);

        void applyTariff(String json, String who) throws IOException;

        List<BackOfficeSettings.Template> templates();

        void saveTemplate(BackOfficeSettings.Template t, String who) throws IOException;

        /** Sends lines and voice to the lane's card; completes with the card's answer (ACK / no answer). */
        CompletableFuture<String> sendToCard(String laneId, List<String> lines, String voice);

        /** The lanes with their devices and cameras, one line each (lane, card port, camera, last push). */
        List<String> devices();

        List<String> laneIds();

        void setMatchTolerance(String value, String who) throws IOException;

        void setLanguage(java.util.Locale locale, String who) throws IOException;

        List<JdbcAudit.Entry> audit(int limit);

        /** issue 16: this booth's id and store as the site file has them; null when the screen does not offer them. */
        default BackOfficeSettings.StoreState store() throws IOException {
            return null;
        }

        /** issue 16: the 测试连接 button (blocking). */
        default BackOfficeSettings.StoreProbe probeStore(BackOfficeSettings.StoreForm form) throws IOException {
            throw new UnsupportedOperationException("no store settings here");
        }

        /** issue 16: saves this booth's id and store for the next start. */
        default BackOfficeSettings.StoreSaved saveStore(BackOfficeSettings.StoreForm form, String who)
                throws IOException {
            throw new UnsupportedOperationException("no store settings here");
        }
    }

    public interface Reports {
        List<JdbcReports.IncomeRow> income(Instant from, Instant to, JdbcReports.Period period);

        List<JdbcReports.FlowRow> flow(Instant from, Instant to);

        List<JdbcReports.ReasonRow> freeReleases(Instant from, Instant to);

        List<JdbcReports.ReasonRow> manualMovements(Instant from, Instant to);
    }
}
