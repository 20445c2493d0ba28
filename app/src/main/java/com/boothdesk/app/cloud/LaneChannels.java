package com.boothdesk.app.cloud;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.boothdesk.app.domain.lane.LaneController;
import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.domain.lists.ParkChannel;
import com.boothdesk.app.domain.plate.SafeText;
import com.boothdesk.app.store.Database;
import com.boothdesk.app.store.lists.JdbcListStore;

/**
 * proto4, 3.13 gate_sync on the booth's lanes: the cloud's channels name and map the lanes. A channel is matched to
 * the lane whose id is its {@code channel_id} (the site file's lane id is the protocol's channel id, the one every
 * uplink of that lane carries, so a matched lane's uplinks already name the cloud's channel); the matched lane is
 * shown under the cloud's {@code passname}; a deleted channel gives the lane back the site file's name. The site file
 * keeps the direction: a channel whose direction differs is logged. A channel that matches no lane of this booth is
 * kept (another booth's, or a lane not configured here) and logged once.
 */
public final class LaneChannels implements com.boothdesk.app.cloud.sync.ListSync.ChannelListener {

    private static final Logger LOG = LoggerFactory.getLogger(LaneChannels.class);

    private final Map<String, LaneController> lanes;
    private final Map<String, String> siteNames = new LinkedHashMap<>();
    private final Set<String> unmatchedLogged = ConcurrentHashMap.newKeySet();

    public LaneChannels(Map<String, LaneController> lanes) {
        this.lanes = Map.copyOf(lanes);
        lanes.forEach((id, l) -> siteNames.put(id, l.lane().name()));
    }

    /** At start: the channels the cloud sent before name their lanes again. */
    public LaneChannels applyKept(Database db) {
        JdbcListStore store = new JdbcListStore(java.time.Clock.systemUTC());
        for (LaneController l : lanes.values()) {
            Optional<ParkChannel> ch = db.read(c -> store.findChannel(c, l.lane().id()));
            ch.ifPresent(this::channel);
        }
        return this;
    }

    @Override
    public void channel(ParkChannel ch) {
        LaneController lane = lanes.get(ch.channelId());
        if (lane == null) {
            if (unmatchedLogged.size() < 512 && unmatchedLogged.add(ch.channelId())) {
                LOG.info("gate_sync: channel {} ({}) matches no lane of this booth (lanes {}): kept only; logged "
                        + "once", SafeText.of(ch.channelId(), 32), SafeText.of(ch.name(), 32), lanes.keySet());
            }
            return;
        }
        LaneDirection dir = lane.lane().direction();
        boolean agrees = ch.direction() == ParkChannel.Direction.BOTH
                || (ch.direction() == ParkChannel.Direction.ENTRY) == (dir == LaneDirection.ENTRY);
        if (!agrees) {
            LOG.warn("gate_sync: channel {} is {} in the cloud but lane {} is an {} in the site file; the site "
                    + "file's direction stays", ch.channelId(), ch.direction(), lane.lane().id(), dir);
        }
        String name = ch.name().strip();
        if (!name.isEmpty() && SafeText.isClean(name)) {
            lane.rename(name.length() > 24 ? name.substring(0, 24) : name);
        } else if (!name.isEmpty()) {
            LOG.warn("gate_sync: channel {} has a name that cannot be shown ({}); lane {} keeps its name",
                    ch.channelId(), SafeText.of(name, 32), lane.lane().id());
        }
    }

    @Override
    public void deleted(String channelId) {
        LaneController lane = lanes.get(channelId);
        if (lane != null) {
            lane.rename(siteNames.get(channelId));
            LOG.info("gate_sync: channel {} deleted in the cloud; lane {} shown under the site file's name again",
                    channelId, channelId);
        }
    }
}
