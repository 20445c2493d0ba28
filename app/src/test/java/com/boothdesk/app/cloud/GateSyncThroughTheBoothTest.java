package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.domain.lane.LaneDirection;
import com.boothdesk.app.store.lists.JdbcListStore;
import com.boothdesk.app.testing.RunningBooth;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * proto4, 3.13 gate_sync through the real TCP link from the cloud simulator: the cloud's channel names the lane whose
 * id is its channel_id (the lane's shown name; its uplinks carry that channel id), is kept in H2 and names the lane
 * again after a restart; the site file keeps the direction; a channel matching no lane is kept and answered; a
 * deleted channel gives the lane back the site file's name.
 */
class GateSyncThroughTheBoothTest {

    @TempDir
    Path data;

    private static String gate(int op, String channel, String name, int passtype) {
        return "{'data':{'operate_type':" + op + ",'passtype':'" + passtype + "','park_id':'24155','passname':'" + name
                + "','channel_id':'" + channel + "','device_no':'777881'},'service_name':'gate_sync'}";
    }

    @Test
    void theCloudsChannelsNameTheLanesByChannelIdAndKeepDoingSoAfterARestart() throws Exception {
        try (RunningBooth booth = RunningBooth.start(data)) {
            assertThat(booth.app.lane("B1").lane().name()).isEqualTo("出口1");
            ObjectNode a = booth.push(gate(1, "B1", "东门出口", 0));
            assertThat(a.path("state").asInt()).isEqualTo(1);
            assertThat(a.path("channel_id").asText()).isEqualTo("B1");
            assertThat(a.path("data_target").asText()).isEqualTo("cloud");
            assertThat(booth.app.lane("B1").lane().name()).isEqualTo("东门出口");
            assertThat(booth.app.lane("B1").lane().id()).isEqualTo("B1");

            // the cloud calls the entry an exit: named, the site file's direction stays
            assertThat(booth.push(gate(2, "A1", "东门入口", 0)).path("state").asInt()).isEqualTo(1);
            assertThat(booth.app.lane("A1").lane().name()).isEqualTo("东门入口");
            assertThat(booth.app.lane("A1").lane().direction()).isEqualTo(LaneDirection.ENTRY);

            // a channel no lane of this booth has: kept, answered, no lane changed
            ObjectNode other = booth.push(gate(1, "C7", "西门出口", 0));
            assertThat(other.path("state").asInt()).isEqualTo(1);
            assertThat(other.path("channel_id").asText()).isEqualTo("C7");
            assertThat(booth.push(gate(2, "C7", "西门出口2", 0)).path("state").asInt()).isEqualTo(1);
            JdbcListStore store = new JdbcListStore(Clock.systemUTC());
            assertThat(booth.app.database().read(c -> store.findChannel(c, "C7")).orElseThrow().name())
                    .isEqualTo("西门出口2");
            assertThat(booth.app.lanes()).extracting(l -> l.lane().name()).containsExactlyInAnyOrder("东门入口", "东门出口");

            // the lane's uplinks carry the matched channel id
            String orderId = booth.enter("京GS0001");
            await().atMost(RunningBooth.WAIT).until(() -> booth.cloud().received("in_park").stream()
                    .anyMatch(u -> u.data().path("order_id").asText().equals(orderId)));
            assertThat(booth.cloud().received("in_park").stream()
                    .filter(u -> u.data().path("order_id").asText().equals(orderId)).findFirst().orElseThrow()
                    .data().path("in_channel_id").asText()).isEqualTo("A1");
        }
        try (RunningBooth again = RunningBooth.start(data)) {
            assertThat(again.app.lane("B1").lane().name()).as("kept in H2, named at start").isEqualTo("东门出口");
            ObjectNode deleted = again.push(gate(3, "B1", "东门出口", 0));
            assertThat(deleted.path("state").asInt()).isEqualTo(1);
            assertThat(again.app.lane("B1").lane().name()).isEqualTo("出口1");
        }
    }
}
