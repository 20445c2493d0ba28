package com.boothdesk.sdk.sim;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.sdk.link.CloudCredentials;
import com.boothdesk.sdk.link.TcpCloudLink;
import com.boothdesk.sdk.link.TcpLinkSettings;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class ScenariosTest {

    static final String SECRET = "EA2D90FEEF1E9F8E";
    CloudSimulator sim;
    TcpCloudLink link;
    final Map<String, AtomicInteger> handled = new ConcurrentHashMap<>();

    @BeforeEach
    void setUp() throws Exception {
        sim = new CloudSimulator(CloudSimSettings.of("200002", "21835", SECRET));
        sim.start();
        link = new TcpCloudLink(TcpLinkSettings.defaults("127.0.0.1", sim.port())
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200)),
                new CloudCredentials("200002", "21835", "booth1", SECRET), Clock.systemUTC());
        link.setDownlinkHandler(d -> {
            String name = d.path("service_name").asText();
            handled.computeIfAbsent(name, k -> new AtomicInteger()).incrementAndGet();
            ObjectNode r = WireCodec.MAPPER.createObjectNode().put("state", 1).put("errmsg", "success");
            if (name.equals("query_price")) {
                r.put("order_id", "A1_77").put("car_number", "京B55555").put("price", "3.00").put("total", "3.00");
            }
            return r;
        });
    }

    @AfterEach
    void tearDown() {
        link.close();
        sim.close();
    }

    int count(String name) {
        return handled.getOrDefault(name, new AtomicInteger()).get();
    }

    @Test
    void qrPaymentAsksThePriceThenPaysItAndQueryOrderReportsIt() throws Exception {
        link.start();
        sim.firstLogin().get(5, TimeUnit.SECONDS);
        List<ObjectNode> answers = new Scenarios(sim, Duration.ofSeconds(5), 0.01).qrPayment("A2", 100)
                .get(10, TimeUnit.SECONDS);
        assertThat(answers).hasSize(2);
        assertThat(answers.get(0).path("service_name").asText()).isEqualTo("query_price");
        assertThat(answers.get(0).path("data_target").asText()).isEqualTo("bolink");
        assertThat(answers.get(1).path("service_name").asText()).isEqualTo("prepay_order");
        assertThat(answers.get(1).path("order_id").asText()).isEqualTo("A1_77");
        assertThat(answers.get(1).path("state").asInt()).isEqualTo(1);
        ObjectNode q = link.send(new com.boothdesk.sdk.message.QueryOrder("A1_77", null, 1L).toJson())
                .get(5, TimeUnit.SECONDS);
        assertThat(com.boothdesk.sdk.message.QueryOrderResponse.fromJson(q).successFor("A1_77")).hasValueSatisfying(
                p -> assertThat(p.moneyFen()).isEqualTo(300));
    }

    @Test
    void anUndeliveredPaymentIsResentUntilTheBoothIsBackAndActedOnOnce() throws Exception {
        ObjectNode pay = WireCodec.MAPPER.createObjectNode().put("service_name", "prepay_order")
                .put("order_id", "A1_9").put("trade_no", "T9").put("car_number", "京C1").put("prepay", 1.0);
        var result = sim.pushWithResend(pay, ResendSchedule.scaled(ResendSchedule.PREPAY, 0.02),
                Duration.ofSeconds(2));
        assertThat(sim.pushesSent()).isZero(); // nobody to push to yet
        link.start();
        ObjectNode answer = result.get(60, TimeUnit.SECONDS);
        assertThat(answer.path("trade_no").asText()).isEqualTo("T9");
        assertThat(count("prepay_order")).isEqualTo(1);
    }

    @Test
    void aResentPaymentIsAnsweredAgainWithoutActingTwice() throws Exception {
        link.start();
        sim.firstLogin().get(5, TimeUnit.SECONDS);
        ObjectNode pay = WireCodec.MAPPER.createObjectNode().put("service_name", "outpark").put("state", 1)
                .put("order_id", "A1_5").put("trade_no", "T5").put("pay_type", "wallet");
        ObjectNode first = sim.pushDownlink(pay).get(5, TimeUnit.SECONDS);
        ObjectNode second = sim.pushDownlink(pay).get(5, TimeUnit.SECONDS);
        assertThat(second).isEqualTo(first);
        assertThat(count("outpark")).isEqualTo(1);
        ObjectNode paidAfterPending = pay.deepCopy().put("state", 2);
        sim.pushDownlink(paidAfterPending).get(5, TimeUnit.SECONDS);
        assertThat(count("outpark")).isEqualTo(2);
    }

    @Test
    void gateOpenLockAndMonthCardSyncReachTheBooth() throws Exception {
        link.start();
        sim.firstLogin().get(5, TimeUnit.SECONDS);
        Scenarios s = new Scenarios(sim, Duration.ofSeconds(5), 1);
        assertThat(s.run("gate-open", "A1").get(5, TimeUnit.SECONDS).get(0).path("channel_id").asText())
                .isEqualTo("A1");
        assertThat(s.run("lock", "A1_3").get(5, TimeUnit.SECONDS).get(0).path("is_locked").asInt()).isEqualTo(1);
        ObjectNode sync = s.run("month-card-sync", null).get(5, TimeUnit.SECONDS).get(0);
        assertThat(sync.path("data_target").asText()).isEqualTo("cloud");
        assertThat(sync.path("package_id").asText()).startsWith("P");
        await().atMost(Duration.ofSeconds(10)).until(() -> count("operate_liftrod") == 1 && count("lock_car") == 1);
    }
}
