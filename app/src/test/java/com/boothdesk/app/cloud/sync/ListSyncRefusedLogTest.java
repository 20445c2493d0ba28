package com.boothdesk.app.cloud.sync;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;

import com.boothdesk.app.cloud.DownlinkRouter;
import com.boothdesk.app.store.lists.ListsFixture;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * A list downlink the booth refuses is logged with its reason and its text cut and escaped (SafeText): a hostile
 * cloud message (bidirectional override, a huge field) never reaches the log raw or whole.
 */
class ListSyncRefusedLogTest {

    @TempDir
    Path dir;
    ListsFixture f;
    DownlinkRouter router;
    final List<String> logged = new CopyOnWriteArrayList<>();
    AppenderBase<ILoggingEvent> capture;

    @BeforeEach
    void open() {
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        capture = new AppenderBase<>() {
            @Override
            protected void append(ILoggingEvent e) {
                if (e.getLoggerName().equals(ListSync.class.getName())) {
                    logged.add(e.getFormattedMessage());
                }
            }
        };
        capture.setContext(ctx);
        capture.start();
        ctx.getLogger(ListSync.class).addAppender(capture);
        f = new ListsFixture(dir);
        router = new DownlinkRouter();
        new ListSync(f.db, f.outbox, ListsFixture.ZONE, f.clock).register(router);
    }

    @AfterEach
    void close() {
        ((LoggerContext) LoggerFactory.getILoggerFactory()).getLogger(ListSync.class).detachAppender(capture);
        f.close();
    }

    @Test
    void aRefusedDownlinkIsLoggedCutAndEscaped() throws Exception {
        String hostile = "\u202eevil" + "x".repeat(5000);
        ObjectNode msg = WireCodec.parseObject(("{'service_name':'month_member_sync','data':{'card_id':'C1',"
                + "'operate_type':'seven','remark':'R'}}").replace('\'', '"'));
        ((ObjectNode) msg.get("data")).put("remark", hostile);
        ((ObjectNode) msg.get("data")).put("operate_type", "9\u202e" + "y".repeat(3000));

        ObjectNode reply = router.apply(msg);

        assertThat(reply.path("state").asInt()).isZero();
        assertThat(logged).anySatisfy(line -> {
            assertThat(line).startsWith("month_member_sync refused: ");
            assertThat(line).doesNotContain("\u202e").contains("\\u202e");
            assertThat(line).doesNotContain("x".repeat(300)).doesNotContain("y".repeat(300));
            assertThat(line.length()).isLessThan(ListSync.REFUSED_LOG_WIDTH + 200 + 100);
        });
    }
}
