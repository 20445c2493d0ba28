package com.boothdesk.app.site.outage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.config.BoothConfig;
import com.boothdesk.app.config.StoreSettings;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.site.SiteModule;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.StoreException;

/**
 * Opens the booth's database at its start (wired from BoothApp in place of {@link SiteModule#openStore}): as before,
 * and when the site database's server cannot be reached, from the booth's {@link SiteCopy} — the booth starts in the
 * outage mode, its reads on the copy, the lanes journaling, until the server answers ({@link SiteOutage}: then
 * Flyway's check, the journal's replay). A booth that has never filled a copy stops, with a message naming the server
 * and the reason. A server that answers but refuses (user, password, a database that does not exist, a schema that
 * cannot be brought up to date) stops the start as before: that is not an outage.
 */
public final class OutageStart {

    private static final Logger LOG = LoggerFactory.getLogger(OutageStart.class);

    private OutageStart() {
    }

    /** The database the configuration names; the site's offline, on its local copy, when its server is gone. */
    public static Database openStore(BoothConfig config) {
        return openStore(config, Clock.systemUTC());
    }

    static Database openStore(BoothConfig config, Clock clock) {
        try {
            return SiteModule.openStore(config);
        } catch (StoreException e) {
            StoreSettings s = StoreSettings.from(config);
            if (s.embedded() || !Database.connectionLost(e)) {
                throw e;
            }
            return fromCopy(config, s, e, clock);
        }
    }

    private static Database fromCopy(BoothConfig config, StoreSettings s, StoreException why, Clock clock) {
        Path dir = SiteCopy.dir(config.dataDir());
        String reason = SafeText.of(rootMessage(why), 200);
        String server = s.describe().replaceAll("(?i)(password=)[^&;]*", "$1***");
        if (!SiteCopy.fileExists(dir)) {
            throw noCopy(server, reason, why);
        }
        SiteCopy copy = SiteCopy.open(dir, config.boothId(), clock);
        Optional<Instant> made;
        try {
            made = copy.madeAt();
        } catch (RuntimeException e) {
            copy.close();
            throw e;
        }
        if (made.isEmpty()) {
            copy.close();
            throw noCopy(server, reason, why);
        }
        Database db = Database.offline(s.url(), s.user(), s.password(), s.poolSize(), "unreachable at start: " + reason);
        String source = copy.source().orElse("");
        if (!source.equals(db.description())) {
            // a copy of another site database (the booth was pointed at a new server): never decide from it
            db.close();
            copy.close();
            throw new StoreException("无法连接站点数据库 " + server + "（" + reason + "），本机的站点数据副本来自另一个数据库（"
                    + SafeText.of(source, 160) + "），岗亭无法启动。 / Cannot reach the site database " + server + " ("
                    + reason + ") and this booth's local copy is of another database (" + SafeText.of(source, 160)
                    + "): the booth cannot start.", why);
        }
        db.refreshEvery(s.lotRefresh());
        db.localCopy(copy.database());
        db.copyTakesStartWrites(true); // until OutageModule.started()
        db.shared(SiteCopy.class, d -> copy);
        db.onClose(copy::close);
        LOG.error("Site database {} cannot be reached at start ({}): booth {} starts in the outage mode from its local"
                + " copy of {} made {} (the lanes decide from it and journal until the server answers)",
                db.description(), reason, config.boothId(), copy.source().orElse("?"), made.get());
        return db;
    }

    private static StoreException noCopy(String server, String reason, StoreException why) {
        return new StoreException("无法连接站点数据库 " + server + "（" + reason + "），本机也没有站点数据副本（从未连上过该服务器），"
                + "岗亭无法启动。请检查服务器与网络后重试。 / Cannot reach the site database " + server + " (" + reason
                + ") and this booth has no local copy of it (it has never reached that server): the booth cannot"
                + " start. Check the server and the network, then start again.", why);
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        String m = e.getMessage();
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
            if (t.getMessage() != null) {
                m = t.getMessage();
            }
        }
        return String.valueOf(m);
    }
}
