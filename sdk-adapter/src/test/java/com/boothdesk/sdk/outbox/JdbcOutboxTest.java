package com.boothdesk.sdk.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.boothdesk.sdk.message.InPark;
import com.boothdesk.sdk.testsupport.TestDb;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Path;
import java.sql.Connection;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JdbcOutboxTest {

    @TempDir
    Path dir;
    DataSource ds;
    JdbcOutbox outbox;
    final Clock clock = Clock.fixed(Instant.parse("2024-05-01T08:00:00Z"), ZoneOffset.UTC);

    @BeforeEach
    void setUp() {
        ds = TestDb.migrated(dir);
        outbox = new JdbcOutbox(ds, clock);
    }

    static ObjectNode inPark(String orderId) {
        return new InPark("京A12345", 1_700_000_000L, "小车", "自动识别", "u1", orderId, 10, "A1").toJson();
    }

    @Test
    void enqueueJoinsTheCallersTransaction() throws Exception {
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            outbox.enqueue(c, inPark("A1_1"), "A1_1");
            c.rollback();
        }
        assertThat(outbox.recent(10)).isEmpty();

        long id;
        try (Connection c = ds.getConnection()) {
            c.setAutoCommit(false);
            id = outbox.enqueue(c, inPark("A1_2"), "A1_2");
            c.commit();
        }
        OutboxEntry e = outbox.find(id).orElseThrow();
        assertThat(e.serviceName()).isEqualTo("in_park");
        assertThat(e.status()).isEqualTo(DeliveryStatus.PENDING);
        assertThat(e.orderKey()).isEqualTo("A1_2");
        assertThat(e.createdAt()).isEqualTo(clock.instant());
        assertThat(e.json()).isEqualTo(WireCodec.toJson(inPark("A1_2")));
    }

    @Test
    void ownTransactionEnqueueDefaultsTheKeyToTheOrderIdAndKeepsDataTarget() {
        long a = outbox.enqueue(inPark("A1_9"), null);
        ObjectNode log = WireCodec.MAPPER.createObjectNode();
        log.put("service_name", "park_log");
        log.put("data_target", "cloud");
        log.put("log_id", "L1");
        long b = outbox.enqueue(log, null);
        assertThat(outbox.find(a).orElseThrow().orderKey()).isEqualTo("A1_9");
        assertThat(outbox.find(b).orElseThrow().orderKey()).isNull();
        assertThat(outbox.find(b).orElseThrow().dataTarget()).isEqualTo("cloud");
        assertThat(outbox.recent(10)).extracting(OutboxEntry::id).containsExactly(b, a);
        assertThat(outbox.countByStatus()).containsEntry(DeliveryStatus.PENDING, 2L);
    }

    @Test
    void badUplinksAreRefusedWithAClearMessage() {
        ObjectNode noName = WireCodec.MAPPER.createObjectNode().put("order_id", "x");
        assertThatThrownBy(() -> outbox.enqueue(noName, null)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("service_name");
        assertThat(outbox.recent(10)).isEmpty();
    }

    @Test
    void dueReturnsOnlyTheHeadOfEachOrderKey() {
        long a1 = outbox.enqueue(inPark("K1"), "K1");
        long a2 = outbox.enqueue(inPark("K1").put("car_number", "京B00001"), "K1");
        long b1 = outbox.enqueue(inPark("K2"), "K2");
        assertThat(outbox.due(clock.instant(), 10)).extracting(OutboxEntry::id).containsExactly(a1, b1);
        outbox.markAcknowledged(a1, null);
        assertThat(outbox.due(clock.instant(), 10)).extracting(OutboxEntry::id).containsExactly(a2, b1);
        outbox.markRetry(a2, clock.instant().plusSeconds(5), "timeout");
        assertThat(outbox.due(clock.instant(), 10)).extracting(OutboxEntry::id).containsExactly(b1);
        assertThat(outbox.nextAttemptAt()).contains(clock.instant());
        assertThat(outbox.find(a2).orElseThrow().lastError()).isEqualTo("timeout");
    }

    @Test
    void undeliveredCountsPendingAndSentButNotAcknowledgedOrFailed() {
        long a = outbox.enqueue(inPark("A1_1"), "A1_1");
        long b = outbox.enqueue(inPark("A1_2"), "A1_2");
        long c = outbox.enqueue(inPark("A1_3"), "A1_3");
        long d = outbox.enqueue(inPark("A1_4"), "A1_4");
        assertThat(outbox.countUndelivered()).isEqualTo(4);
        outbox.markSent(b);
        outbox.markAcknowledged(c, null);
        outbox.markFailed(d, "too long");
        assertThat(outbox.countUndelivered()).isEqualTo(2);
        assertThat(outbox.find(a).orElseThrow().status()).isEqualTo(DeliveryStatus.PENDING);
    }
}
