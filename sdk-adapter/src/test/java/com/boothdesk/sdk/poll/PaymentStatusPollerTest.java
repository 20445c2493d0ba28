package com.boothdesk.sdk.poll;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.sdk.link.FakeCloudLink;
import com.boothdesk.sdk.message.QueryOrderPayment;
import com.boothdesk.sdk.message.QueryOrderResponse;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.Test;

class PaymentStatusPollerTest {

    /** A clock the test moves by hand. */
    static final class ManualClock extends Clock {
        Instant now;

        ManualClock(Instant start) {
            now = start;
        }

        void advance(Duration d) {
            now = now.plus(d);
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    }

    static final Instant T0 = Instant.parse("2024-05-01T08:00:00Z");

    /** Runs the poller second by second (ticks every 100 ms) and returns the query times in ms after T0. */
    static List<Long> run(PaymentStatusPoller poller, ManualClock clock, FakeCloudLink link, Duration total) {
        List<Long> at = new ArrayList<>();
        int before = 0;
        for (long ms = 0; ms <= total.toMillis(); ms += 100) {
            clock.now = T0.plusMillis(ms);
            poller.tick();
            while (link.sent.size() > before) {
                at.add(ms);
                before++;
            }
        }
        return at;
    }

    @Test
    void queriesTenSecondsAfterThePriceThenEveryTwoSecondsAndGivesUpAfterTwoMinutes() {
        ManualClock clock = new ManualClock(T0);
        FakeCloudLink link = new FakeCloudLink();
        link.responder = u -> new QueryOrderResponse(u.path("time_temp").asLong(), "q1", List.of()).toJson();
        PaymentStatusPoller poller = new PaymentStatusPoller(link, clock);
        AtomicReference<PaymentStatusPoller.Result> result = new AtomicReference<>();
        poller.watch("A1_1", "京A12345", T0, result::set);

        List<Long> at = run(poller, clock, link, Duration.ofSeconds(200));

        assertThat(at.get(0)).isEqualTo(10_000L);
        assertThat(at).hasSize(61);
        for (int i = 1; i < at.size(); i++) {
            assertThat(at.get(i) - at.get(i - 1)).isEqualTo(2_000L);
        }
        assertThat(at.get(at.size() - 1)).isEqualTo(130_000L);
        assertThat(result.get().payment()).isEmpty();
        assertThat(result.get().queriesSent()).isEqualTo(61);
        assertThat(poller.watching()).isEmpty();
        ObjectNode q = link.sent.get(0);
        assertThat(q.path("service_name").asText()).isEqualTo("query_order");
        assertThat(q.path("data_target").asText()).isEqualTo("bolink");
        assertThat(q.path("order_id").asText()).isEqualTo("A1_1");
        assertThat(q.path("time_temp").asLong()).isEqualTo(T0.toEpochMilli() + 10_000);
        assertThat(q.path("time_temp").isNumber()).isTrue();
    }

    @Test
    void stopsAtTheFirstSuccessfulPayment() {
        ManualClock clock = new ManualClock(T0);
        FakeCloudLink link = new FakeCloudLink();
        QueryOrderPayment paid = new QueryOrderPayment(1, "苏BH0355", "A1_2", "sweepcode", "outpay", 0, 1, 2, 3, 1,
                "查询成功", "pa1");
        link.responder = u -> new QueryOrderResponse(1, "q", link.sent.size() >= 3 ? List.of(paid) : List.of())
                .toJson();
        PaymentStatusPoller poller = new PaymentStatusPoller(link, clock);
        AtomicReference<PaymentStatusPoller.Result> result = new AtomicReference<>();
        poller.watch("A1_2", null, T0, result::set);

        List<Long> at = run(poller, clock, link, Duration.ofSeconds(60));

        assertThat(at).containsExactly(10_000L, 12_000L, 14_000L);
        assertThat(result.get().payment()).contains(paid);
    }

    @Test
    void aPaymentForAnotherOrderDoesNotStopThePoll() {
        ManualClock clock = new ManualClock(T0);
        FakeCloudLink link = new FakeCloudLink();
        QueryOrderPayment other = new QueryOrderPayment(1, "苏BH0355", "OTHER", null, null, 0, 1, 2, 3, 1, "ok", "t");
        link.responder = u -> new QueryOrderResponse(1, "q", List.of(other)).toJson();
        PaymentStatusPoller poller = new PaymentStatusPoller(link, clock);
        poller.watch("A1_3", null, T0, r -> { });
        assertThat(run(poller, clock, link, Duration.ofSeconds(15))).hasSize(3);
        assertThat(poller.watching()).containsExactly("A1_3");
    }

    @Test
    void stopEndsThePollWhenThePaymentMessageArrives() {
        ManualClock clock = new ManualClock(T0);
        FakeCloudLink link = new FakeCloudLink();
        PaymentStatusPoller poller = new PaymentStatusPoller(link, clock);
        AtomicReference<PaymentStatusPoller.Result> result = new AtomicReference<>();
        poller.watch("A1_4", null, T0, result::set);
        poller.stop("A1_4");
        assertThat(run(poller, clock, link, Duration.ofSeconds(30))).isEmpty();
        assertThat(result.get().cancelled()).isTrue();
    }
}
