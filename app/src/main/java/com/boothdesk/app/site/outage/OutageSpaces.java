package com.boothdesk.app.site.outage;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.boothdesk.app.domain.lane.ParkSpaces;
import com.boothdesk.app.store.JdbcParkSpaces;
import com.boothdesk.app.store.StoreException;

/**
 * Remaining spaces: the site's counters while up (the last answer is kept); while down that answer minus the stays
 * this booth journaled since (the other booths' cars are not known until the server is back).
 */
public final class OutageSpaces implements ParkSpaces {

    private final JdbcParkSpaces site;
    private final SiteOutage outage;
    private final OutageOrders orders;
    private volatile Map<String, Integer> lastKnown;
    /** Holds taken while down (hold id → area): the estimate counts them as used, as the site counts its holds. */
    private final Map<String, String> localHolds = new java.util.concurrent.ConcurrentHashMap<>();

    public OutageSpaces(JdbcParkSpaces site, SiteOutage outage, OutageOrders orders) {
        this.site = site;
        this.outage = outage;
        this.orders = orders;
    }

    @Override
    public List<String> areas() {
        return site.areas();
    }

    @Override
    public String areaOf(String laneId) {
        return site.areaOf(laneId);
    }

    @Override
    public int capacity(String area) {
        return site.capacity(area);
    }

    @Override
    public int free(String area) {
        Integer n = freeByArea().get(area);
        if (n == null) {
            throw new IllegalArgumentException("no area '" + area + "'");
        }
        return n;
    }

    @Override
    public int free() {
        return freeByArea().values().stream().mapToInt(Integer::intValue).sum();
    }

    /** Every area's free spaces. */
    public Map<String, Integer> freeByArea() {
        return outage.read(() -> {
            Map<String, Integer> m = site.freeByArea();
            lastKnown = m;
            return m;
        }, this::estimate);
    }

    private Map<String, Integer> estimate() {
        Map<String, Integer> base = lastKnown;
        if (base == null) {
            // never read while up (a booth started while its server was down): the local copy's counts, which the
            // suspended database reads (SiteCopy); without one, the capacity
            try {
                base = site.freeByArea();
                lastKnown = base;
            } catch (RuntimeException noCopy) {
                base = null;
            }
        }
        Map<String, Integer> out = new LinkedHashMap<>();
        for (String area : site.areas()) {
            out.put(area, base == null ? site.capacity(area) : base.getOrDefault(area, site.capacity(area)));
        }
        orders.laneDelta().forEach((lane, d) -> out.computeIfPresent(site.areaOf(lane), (a, f) -> f - d));
        out.replaceAll((area, f) -> Math.max(0, Math.min(site.capacity(area), f)));
        localHolds.values().forEach(area -> out.computeIfPresent(area, (a, f) -> Math.max(0, f - 1)));
        return out;
    }

    /**
     * The lot-full hold across booths (site.SpaceHolds) while the site answers; while it is down, this booth's
     * estimate (the last count minus its own journaled cars) must still show a space. Without this the port's
     * default took no hold at all on a site, and two booths could both admit the last space.
     */
    @Override
    public boolean hold(String area, String holdId) {
        return outage.read(() -> site.hold(area, holdId), () -> {
            synchronized (localHolds) {
                if (free(area) <= 0) {
                    return false;
                }
                localHolds.put(holdId, area);
                return true;
            }
        });
    }

    @Override
    public void entered(String holdId) {
        if (localHolds.remove(holdId) != null) {
            return; // taken while down: the journaled stay counts the car now
        }
        outage.read(() -> {
            site.entered(holdId);
            return null;
        }, () -> null);
    }

    /** A hold taken before the server went away expires there by itself (2 minutes). */
    @Override
    public void release(String holdId) {
        if (localHolds.remove(holdId) != null) {
            return;
        }
        outage.read(() -> {
            site.release(holdId);
            return null;
        }, () -> null);
    }

    @Override
    public void adjust(String area, int delta, String reason, String operator) {
        if (outage.down()) {
            throw new StoreException("站点数据库断开，暂不能校正余位 / the site database is down: spaces cannot be"
                    + " corrected until it is back", null);
        }
        site.adjust(area, delta, reason, operator);
    }
}
