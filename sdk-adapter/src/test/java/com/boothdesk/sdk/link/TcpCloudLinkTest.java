package com.boothdesk.sdk.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.sdk.message.InPark;
import com.boothdesk.sdk.sim.CloudSimSettings;
import com.boothdesk.sdk.sim.CloudSimulator;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class TcpCloudLinkTest {

    static final CloudCredentials CREDS = new CloudCredentials("200002", "21835",
            CloudCredentials.localIdWithChannels("booth1", "A1", "A2"), "EA2D90FEEF1E9F8E");

    CloudSimulator sim;
    TcpCloudLink link;

    @BeforeEach
    void setUp() throws Exception {
        sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", "EA2D90FEEF1E9F8E"));
        sim.start();
    }

    @AfterEach
    void tearDown() {
        if (link != null) {
            link.close();
        }
        sim.close();
    }

    TcpLinkSettings fast() {
        return TcpLinkSettings.defaults("127.0.0.1", sim.port()).withHeartbeatInterval(Duration.ofMillis(200))
                .withReplyTimeout(Duration.ofSeconds(2)).withReconnect(Duration.ofMillis(50), Duration.ofMillis(400));
    }

    TcpCloudLink started(TcpLinkSettings s, CloudCredentials c) {
        link = new TcpCloudLink(s, c, Clock.systemUTC());
        link.start();
        return link;
    }

    static ObjectNode inPark(String orderId) {
        return new InPark("京A12345", 1_700_000_000L, "小车", "自动识别", "u1", orderId, 10, "A1").toJson();
    }

    @Test
    void logsInAndGetsTheReplyToAnInPark() throws Exception {
        List<LinkStatus> seen = new CopyOnWriteArrayList<>();
        link = new TcpCloudLink(fast(), CREDS, Clock.systemUTC());
        link.addStatusListener(seen::add);
        link.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);

        ObjectNode reply = link.send(inPark("A1_100")).get(5, TimeUnit.SECONDS);

        assertThat(reply.path("service_name").asText()).isEqualTo("in_park");
        assertThat(reply.path("state").asInt()).isEqualTo(1);
        assertThat(reply.path("order_id").asText()).isEqualTo("A1_100");
        assertThat(seen).startsWith(LinkStatus.CONNECTING, LinkStatus.LOGGED_IN);
        assertThat(sim.received("in_park")).singleElement().satisfies(r -> {
            assertThat(r.signValid()).isTrue();
            assertThat(r.data().path("car_number").asText()).isEqualTo("京A12345");
        });
    }

    @Test
    void aResentOrderIsAnsweredAsAlreadyProcessed() throws Exception {
        started(fast(), CREDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        link.send(inPark("A1_7")).get(5, TimeUnit.SECONDS);
        ObjectNode again = link.send(inPark("A1_7")).get(5, TimeUnit.SECONDS);
        assertThat(again.path("state").asInt()).isZero();
        assertThat(again.path("errmsg").asText()).contains("数据已处理过");
        assertThat(sim.received("in_park")).hasSize(1);
        assertThat(sim.duplicateCount()).isEqualTo(1);
    }

    @Test
    void wrongSecretNeverLogsIn() {
        started(fast(), new CloudCredentials("200002", "21835", "booth1", "WRONG"));
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.DOWN);
        assertThat(sim.loginCount()).isZero();
        assertThat(link.send(inPark("A1_1"))).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(LinkDownException.class);
    }

    @Test
    void garbageFromTheServerIsLoggedAndTheLinkStaysUp() throws Exception {
        started(fast(), CREDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        sim.sendGarbageLine("this is not json");
        sim.sendGarbageLine("{\"service_name\":");
        sim.sendGarbageLine("[1,2,3]");
        sim.sendGarbageLine("\u0000\u0001\u00ff binary");
        sim.sendGarbageLine("{\"state\":0}");
        ObjectNode reply = link.send(inPark("A1_2")).get(5, TimeUnit.SECONDS);
        assertThat(reply.path("state").asInt()).isEqualTo(1);
        assertThat(link.status()).isEqualTo(LinkStatus.LOGGED_IN);
        assertThat(sim.loginCount()).isEqualTo(1);
    }

    @Test
    void heartbeatsAreAnswered() {
        started(fast(), CREDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.heartbeatCount() >= 3);
        assertThat(link.status()).isEqualTo(LinkStatus.LOGGED_IN);
        assertThat(sim.loginCount()).isEqualTo(1);
    }

    @Test
    void reconnectsAndLogsInAgainAfterAnOutage() throws Exception {
        started(fast(), CREDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        sim.stop();
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() != LinkStatus.LOGGED_IN);
        assertThat(link.send(inPark("A1_3"))).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(LinkDownException.class);
        sim.restart();
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        assertThat(link.send(inPark("A1_3")).get(5, TimeUnit.SECONDS).path("state").asInt()).isEqualTo(1);
        assertThat(sim.loginCount()).isEqualTo(2);
    }

    @Test
    void aStalledServerIsDetectedAsDeadAndTheLinkReconnects() {
        started(fast(), CREDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        sim.setStalled(true);
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() != LinkStatus.LOGGED_IN);
        sim.setStalled(false);
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        assertThat(sim.loginCount()).isGreaterThanOrEqualTo(2);
    }

    @Test
    void aSendWithoutReplyTimesOut() {
        started(fast().withReplyTimeout(Duration.ofMillis(300)).withHeartbeatInterval(Duration.ofSeconds(30)),
                CREDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        sim.setStalled(true);
        assertThat(link.send(inPark("A1_4"))).failsWithin(Duration.ofSeconds(3))
                .withThrowableOfType(ExecutionException.class).withCauseInstanceOf(TimeoutException.class);
    }

    @Test
    void anUplinkOverTheLineLimitIsRejectedWithoutSending() {
        started(fast(), CREDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        ObjectNode big = WireCodec.MAPPER.createObjectNode();
        big.put("service_name", "park_log");
        big.put("data_target", "cloud");
        big.put("content", "x".repeat(1100));
        assertThat(link.send(big)).failsWithin(Duration.ofSeconds(1))
                .withThrowableOfType(ExecutionException.class)
                .withCauseInstanceOf(MessageRejectedException.class).withMessageContaining("1024");
        assertThat(sim.received()).isEmpty();
    }

    @Test
    void downlinksReachTheHandlerOnALinkThreadAndTheReplyEchoesTheKey() throws Exception {
        AtomicReference<String> handlerThread = new AtomicReference<>();
        link = new TcpCloudLink(fast(), CREDS, Clock.systemUTC());
        link.setDownlinkHandler(d -> {
            handlerThread.set(Thread.currentThread().getName());
            ObjectNode r = WireCodec.MAPPER.createObjectNode();
            r.put("state", 1);
            r.put("errmsg", "success");
            r.put("price", "0.01");
            return r;
        });
        link.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.loggedInConnections() == 1);
        ObjectNode q = WireCodec.parseObject("{\"query_order_no\":\"218402018060000000p-863\",\"park_id\":\"20003\","
                + "\"car_number\":\"62000F9\",\"service_name\":\"query_price\",\"order_id\":\"15000001195\","
                + "\"pay_scene\":0}");

        ObjectNode reply = sim.pushDownlink(q).get(5, TimeUnit.SECONDS);

        assertThat(reply.path("service_name").asText()).isEqualTo("query_price");
        assertThat(reply.path("data_target").asText()).isEqualTo("bolink");
        assertThat(reply.path("state").asInt()).isEqualTo(1);
        assertThat(reply.path("order_id").asText()).isEqualTo("15000001195");
        assertThat(reply.path("query_order_no").asText()).isEqualTo("218402018060000000p-863");
        assertThat(reply.path("price").asText()).isEqualTo("0.01");
        assertThat(handlerThread.get()).startsWith("sdk-link-downlink");
    }

    @Test
    void aFailingHandlerStillProducesAStateZeroAnswer() throws Exception {
        link = new TcpCloudLink(fast(), CREDS, Clock.systemUTC());
        link.setDownlinkHandler(d -> {
            throw new IllegalStateException("boom");
        });
        link.start();
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.loggedInConnections() == 1);
        ObjectNode lock = WireCodec.parseObject("{\"service_name\":\"lock_car\",\"order_id\":\"o9\",\"is_locked\":1}");
        CompletableFuture<ObjectNode> f = sim.pushDownlink(lock);
        ObjectNode reply = f.get(5, TimeUnit.SECONDS);
        assertThat(reply.path("state").asInt()).isZero();
        assertThat(reply.path("errmsg").asText()).contains("boom");
        assertThat(reply.path("data_target").asText()).isEqualTo("cloud");
        assertThat(reply.path("order_id").asText()).isEqualTo("o9");
        assertThat(link.status()).isEqualTo(LinkStatus.LOGGED_IN);
    }

    @Test
    void closeStopsEverything() {
        started(fast(), CREDS);
        await().atMost(Duration.ofSeconds(15)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        link.close();
        assertThat(link.status()).isEqualTo(LinkStatus.STOPPED);
        await().atMost(Duration.ofSeconds(15)).until(() -> sim.loggedInConnections() == 0);
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(t -> t.getName().startsWith("sdk-link") && t.isAlive()
                && t.getName().equals("sdk-link-io"));
    }
}
