package com.boothdesk.app.cloud.sync;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.boothdesk.app.cloud.DownlinkRouter;
import com.boothdesk.app.domain.lists.MonthMember;
import com.boothdesk.app.domain.lists.MonthlyCard;
import com.boothdesk.app.store.lists.ListsFixture;
import com.boothdesk.sdk.link.CloudCredentials;
import com.boothdesk.sdk.link.LinkStatus;
import com.boothdesk.sdk.link.TcpCloudLink;
import com.boothdesk.sdk.link.TcpLinkSettings;
import com.boothdesk.sdk.outbox.DeliveryStatus;
import com.boothdesk.sdk.outbox.OutboxDispatcher;
import com.boothdesk.sdk.outbox.RetryPolicy;
import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** The lists kept in sync over the real TCP link with the cloud simulator: downlinks in, uplinks out. */
class ListSyncOverTcpTest {

    static final String UNION = "200002";
    static final String PARK = "21835";
    static final String SECRET = "EA2D90FEEF1E9F8E";

    @TempDir
    Path dir;
    ListsFixture f;
    CloudSimulator sim;
    TcpCloudLink link;
    OutboxDispatcher dispatcher;

    @BeforeEach
    void start() throws Exception {
        f = new ListsFixture(dir);
        sim = new CloudSimulator(CloudSimSettings.of(UNION, PARK, SECRET));
        sim.start();
        link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", sim.port())
                .withHeartbeatInterval(Duration.ofMillis(500)).withReplyTimeout(Duration.ofSeconds(3))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(400)),
                new CloudCredentials(UNION, PARK, "booth1", SECRET), Clock.systemUTC());
        DownlinkRouter router = new DownlinkRouter();
        new ListSync(f.db, f.outbox, ListsFixture.ZONE, f.clock).register(router);
        link.setDownlinkHandler(router);
        link.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> link.status() == LinkStatus.LOGGED_IN
                && sim.loggedInConnections() == 1);
    }

    @AfterEach
    void stop() {
        if (dispatcher != null) {
            dispatcher.close();
        }
        link.close();
        sim.close();
        f.close();
    }

    static ObjectNode json(String s) throws Exception {
        return WireCodec.parseObject(s.replace('\'', '"'));
    }

    @Test
    void aMonthMemberPushedByTheCloudIsAnsweredAndThenFoundByLookup() throws Exception {
        ObjectNode push = json("{'service_name':'month_member_sync','data':{'begin_time':1714492800,"
                + "'park_id':'21835','remark':'会员1','car_number':'京G00000','tel':'','pid':'null','p_lot':'1',"
                + "'card_id':'100000','operate_type':1,'price':0.0,'end_time':1717171199,'name':'李四',"
                + "'create_time':1532509198,'car_type_id':'null','amount_receivable':0.0,'channel_id':''}}");

        ObjectNode reply = sim.pushDownlink(push).get(10, TimeUnit.SECONDS);

        assertThat(reply.path("service_name").asText()).isEqualTo("month_member_sync");
        assertThat(reply.path("state").asInt()).isEqualTo(1);
        assertThat(reply.path("card_id").asText()).isEqualTo("100000");
        assertThat(reply.path("operate_type").asInt()).isEqualTo(1);
        assertThat(reply.path("data_target").asText()).isEqualTo("cloud");
        MonthlyCard card = f.lists.lookup("京g00000", f.clock.instant()).monthly().orElseThrow();
        assertThat(card.cardId()).isEqualTo("100000");
        assertThat(card.validTo()).isEqualTo(LocalDate.of(2024, 5, 31));

        ObjectNode again = sim.pushDownlink(push).get(10, TimeUnit.SECONDS);
        assertThat(again.path("state").asInt()).isEqualTo(1);
        assertThat(f.rows("month_card")).isEqualTo(1);

        ObjectNode bad = sim.pushDownlink(json("{'service_name':'month_member_sync','data':{'card_id':'9',"
                + "'park_id':'21835'}}")).get(10, TimeUnit.SECONDS);
        assertThat(bad.path("state").asInt()).isZero();
        assertThat(bad.path("errmsg").asText()).contains("operate_type");
        assertThat(bad.path("card_id").asText()).isEqualTo("9");
    }

    @Test
    void aBoothMadeCardReachesTheCloudThroughTheOutbox() {
        dispatcher = new OutboxDispatcher(f.outbox, link, Clock.systemUTC(), RetryPolicy.defaults());
        ListAdmin admin = new ListAdmin(f.db, f.outbox, ListsFixture.ZONE, f.clock);
        admin.onUplinkStored(dispatcher::wake);
        dispatcher.start();

        admin.saveMonthMember(new MonthMember(new MonthlyCard("B1", List.of("京M1", "京M2"), "周七",
                LocalDate.of(2024, 5, 1), LocalDate.of(2024, 5, 31), 2, "", Set.of("A1")), "P1", "13800000000",
                "一号楼", "长期客户", 30000, 30000, 1));

        await().atMost(Duration.ofSeconds(10)).until(() -> !sim.received("upload_month_member").isEmpty());
        assertThat(sim.received("upload_month_member")).singleElement().satisfies(r -> {
            assertThat(r.signValid()).isTrue();
            assertThat(r.data().path("card_id").asText()).isEqualTo("B1");
            assertThat(r.data().path("car_number").asText()).isEqualTo("京M1,京M2");
        });
        await().atMost(Duration.ofSeconds(10)).until(() ->
                f.outbox.countByStatus().get(DeliveryStatus.ACKNOWLEDGED) == 1L);
    }
}
