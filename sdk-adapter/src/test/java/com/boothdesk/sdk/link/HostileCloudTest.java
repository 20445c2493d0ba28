package com.boothdesk.sdk.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.sdk.wire.LineReader;
import com.boothdesk.sdk.wire.Sign;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A hostile cloud through real TCP: a hand-written server (not the simulator, which behaves) sends downlinks before
 * the login answer, forged and repeated login answers, wrong tokens and signs, nameless token errors, and floods of
 * large distinct downlinks. Nothing of it may reach the handler, and memory stays bounded.
 */
class HostileCloudTest {

    static final String SECRET = "EA2D90FEEF1E9F8E";
    static final CloudCredentials CREDS = new CloudCredentials("200002", "21835", "booth1", SECRET);
    static final String TOKEN = "5880277f494544259642dd7ac35afdf4";

    ServerSocket server;
    final List<Socket> accepted = new CopyOnWriteArrayList<>();
    final BlockingQueue<String> fromBooth = new LinkedBlockingQueue<>();
    final AtomicLong answersRead = new AtomicLong();
    TcpCloudLink link;
    final List<ObjectNode> handled = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
    }

    @AfterEach
    void tearDown() throws IOException {
        if (link != null) {
            link.close();
        }
        server.close();
        for (Socket s : accepted) {
            s.close();
        }
    }

    TcpCloudLink link() {
        TcpLinkSettings s = TcpLinkSettings.defaults("127.0.0.1", server.getLocalPort())
                .withReplyTimeout(Duration.ofSeconds(60)).withHeartbeatInterval(Duration.ofSeconds(60))
                .withReconnect(Duration.ofMillis(50), Duration.ofMillis(200));
        link = new TcpCloudLink(s, CREDS, Clock.systemUTC());
        link.setDownlinkHandler(d -> {
            d.remove("remark"); // keep what the test needs, not the flood's filler
            handled.add(d);
            return WireCodec.MAPPER.createObjectNode().put("state", 1);
        });
        return link;
    }

    /** Accepts the booth's connection and reads what it writes on a thread; returns the output stream. */
    OutputStream accept(boolean keepLines) throws IOException {
        Socket s = server.accept();
        accepted.add(s);
        Thread reader = new Thread(() -> {
            try {
                LineReader r = new LineReader(new BufferedInputStream(s.getInputStream()), 64 * 1024);
                LineReader.Line line;
                while ((line = r.next()) != null) {
                    answersRead.incrementAndGet();
                    if (keepLines) {
                        fromBooth.add(line.text());
                    }
                }
            } catch (IOException e) {
                // connection closed
            }
        }, "hostile-cloud-reader");
        reader.setDaemon(true);
        reader.start();
        return s.getOutputStream();
    }

    static void send(OutputStream out, String json) throws IOException {
        out.write(WireCodec.frameDownlink(json).getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    static String gateOpen(String marker) {
        return "{\"service_name\":\"operate_liftrod\",\"channel_id\":\"A1\",\"operate\":1,\"uuid\":\"" + marker + "\"}";
    }

    String next(String containing) throws InterruptedException {
        while (true) {
            String l = fromBooth.poll(20, TimeUnit.SECONDS);
            assertThat(l).as("a line containing " + containing).isNotNull();
            if (l.contains(containing)) {
                return l;
            }
        }
    }

    @Test
    void nothingBeforeTheLoginAnswerNoForgedLoginNoWrongTokenOrSignActs() throws Exception {
        link().start();
        OutputStream out = accept(true);
        String login = next("\"login\"");
        assertThat(login).doesNotContain("\"token\"");

        // before the login answer: gate opens, a payment, a sync — none may act
        for (int i = 0; i < 50; i++) {
            send(out, gateOpen("pre" + i));
        }
        send(out, "{\"service_name\":\"outpark\",\"order_id\":\"A1_1\",\"trade_no\":\"T1\",\"state\":1}");
        send(out, "{\"state\":1,\"token\":\"" + TOKEN + "\",\"service_name\":\"login\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> link.status() == LinkStatus.LOGGED_IN);

        // after it: a forged login answer, a refused one, wrong tokens and signs, a nameless token error
        send(out, "{\"state\":1,\"token\":\"X\",\"service_name\":\"login\"}");
        send(out, "{\"state\":0,\"errmsg\":\"error:签名错误\",\"service_name\":\"login\"}");
        send(out, "{\"service_name\":\"operate_liftrod\",\"channel_id\":\"A1\",\"operate\":1,\"uuid\":\"wrongtoken\","
                + "\"token\":\"X\"}");
        send(out, "{\"service_name\":\"operate_liftrod\",\"channel_id\":\"A1\",\"operate\":1,\"uuid\":\"badsign\","
                + "\"sign\":\"00000000000000000000000000000000\"}");
        send(out, "{\"state\":0,\"errmsg\":\"error:token无效\"}");
        send(out, "{\"service_name\":\"operate_liftrod\",\"state\":0,\"errmsg\":\"error:token无效\"}");
        // then the good ones: no token (as the real server sends), the session's token, a valid sign
        send(out, gateOpen("ok-plain"));
        send(out, "{\"service_name\":\"operate_liftrod\",\"channel_id\":\"A1\",\"operate\":1,\"uuid\":\"ok-token\","
                + "\"token\":\"" + TOKEN + "\"}");
        String data = "{\"channel_id\":\"A1\",\"operate\":1,\"uuid\":\"ok-sign\"}";
        send(out, "{\"service_name\":\"operate_liftrod\",\"sign\":\"" + Sign.sign(data, SECRET) + "\",\"data\":"
                + data + "}");

        String wrongTokenAnswer = next("wrongtoken");
        String badSignAnswer = next("badsign");
        next("ok-plain");
        next("ok-token");
        next("ok-sign");

        assertThat(handled).extracting(d -> d.path("uuid").asText())
                .containsExactly("ok-plain", "ok-token", "ok-sign");
        assertThat(link.currentToken()).contains(TOKEN);
        assertThat(link.status()).isEqualTo(LinkStatus.LOGGED_IN);
        assertThat(accepted).hasSize(1); // no reconnect: the nameless token error answered nothing of ours
        ObjectNode wt = WireCodec.parseObject(wrongTokenAnswer);
        assertThat(wt.path("data").path("state").asInt()).isZero();
        assertThat(wt.path("data").path("errmsg").asText()).contains("token");
        assertThat(wt.path("token").asText()).isEqualTo(TOKEN);
        assertThat(WireCodec.parseObject(badSignAnswer).path("data").path("errmsg").asText()).contains("签名");
        // 50 + 1 before login, 2 login answers, wrong token, bad sign
        assertThat(link.refusedDownlinks()).isEqualTo(55);
    }

    @Test
    void aFloodOfForgedDownlinksIsNotAnsweredOneForOne() throws Exception {
        link().start();
        OutputStream out = accept(true);
        next("\"login\"");
        send(out, "{\"state\":1,\"token\":\"" + TOKEN + "\",\"service_name\":\"login\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        for (int i = 0; i < 50; i++) {
            send(out, "{\"service_name\":\"operate_liftrod\",\"channel_id\":\"A1\",\"operate\":1,\"uuid\":\"flood"
                    + i + "\",\"token\":\"FORGED\"}");
        }
        send(out, gateOpen("ok-after"));
        next("ok-after");
        assertThat(link.refusedDownlinks()).isEqualTo(50);
        assertThat(handled).extracting(d -> d.path("uuid").asText()).containsExactly("ok-after");
        // what the booth wrote: its login, at most 10 refusals, the answer to ok-after
        assertThat(answersRead.get() - 2).as("answers to the 50 forged downlinks").isBetween(1L, 10L);
    }

    @Test
    void aTokenErrorThatAnswersOurRequestDoesRelogin() throws Exception {
        link().start();
        OutputStream out = accept(true);
        next("\"login\"");
        send(out, "{\"state\":1,\"token\":\"" + TOKEN + "\",\"service_name\":\"login\"}");
        await().atMost(Duration.ofSeconds(10)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        var reply = link.send(WireCodec.MAPPER.createObjectNode().put("service_name", "park_log")
                .put("data_target", "cloud").put("log_id", "L1"));
        next("park_log");
        send(out, "{\"state\":0,\"errmsg\":\"error:token无效\"}");
        assertThat(reply.get(10, TimeUnit.SECONDS).path("errmsg").asText()).contains("token");
        // the link logs in again on a new connection
        accept(true);
        next("\"login\"");
        assertThat(accepted).hasSize(2);
    }

    @Test
    void floodsOfLargeDistinctDownlinksKeepMemoryBounded() throws Exception {
        int n = 10_000;
        String filler = "x".repeat(8 * 1024);
        long heapBefore = heapAfterGc();
        link().start();
        OutputStream out = accept(false);
        await().atMost(Duration.ofSeconds(10)).until(() -> answersRead.get() >= 1); // the login line

        // 1) before the login answer: 10,000 large distinct downlinks, none may reach the handler
        long t0 = System.nanoTime();
        for (int i = 0; i < n; i++) {
            send(out, "{\"service_name\":\"month_member_sync\",\"operate_type\":1,\"card_id\":\"pre" + i
                    + "\",\"remark\":\"" + filler + "\"}");
        }
        send(out, "{\"state\":1,\"token\":\"" + TOKEN + "\",\"service_name\":\"login\"}");
        await().atMost(Duration.ofSeconds(60)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        assertThat(handled).isEmpty();
        assertThat(link.refusedDownlinks()).isEqualTo(n);

        // 2) after it: 10,000 large distinct downlinks, each handled and answered; the resend memory stays in budget
        for (int i = 0; i < n; i++) {
            send(out, "{\"service_name\":\"month_member_sync\",\"operate_type\":1,\"card_id\":\"C" + i
                    + "\",\"remark\":\"" + filler + "\"}");
        }
        await().atMost(Duration.ofSeconds(120)).until(() -> answersRead.get() >= 1 + n);
        double secs = (System.nanoTime() - t0) / 1e9;
        long heapAfter = heapAfterGc();
        DownlinkAnswerer memory = link.answerer();
        System.out.printf("hostile cloud: %d + %d downlinks of %d KB in %.1f s; heap after GC %d -> %d MB; resend "
                        + "memory %d entries, %d KB; refused %d, dropped %d%n", n, n, filler.length() / 1024, secs,
                heapBefore >> 20, heapAfter >> 20, memory.rememberedCount(), memory.rememberedBytes() >> 10,
                link.refusedDownlinks(), link.droppedDownlinks());

        assertThat(handled).hasSize(n - (int) link.droppedDownlinks());
        assertThat(memory.rememberedBytes()).isLessThanOrEqualTo(DownlinkAnswerer.DEFAULT_MAX_BYTES);
        assertThat(memory.rememberedCount()).isPositive().isLessThanOrEqualTo(DownlinkAnswerer.DEFAULT_MAX_ENTRIES);
        // 2 x 80 MB of downlinks went through; what stays is the bounded memory
        assertThat(heapAfter - heapBefore).isLessThan(64L << 20);
        handled.clear();
    }

    @Test
    void aResentDownlinkIsStillRecognisedFromItsDigest() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        DownlinkAnswerer a = new DownlinkAnswerer(3, 1 << 20);
        a.setHandler(d -> {
            calls.incrementAndGet();
            return WireCodec.MAPPER.createObjectNode().put("state", 1);
        });
        ObjectNode sync = WireCodec.parseObject("{\"service_name\":\"month_member_sync\",\"card_id\":\"C1\","
                + "\"operate_type\":1}");
        ObjectNode first = a.answer(sync);
        ObjectNode again = a.answer(sync.deepCopy());
        assertThat(again).isEqualTo(first);
        assertThat(calls).hasValue(1);
        assertThat(a.duplicates()).isEqualTo(1);
        // the budget in entries: the oldest is forgotten
        for (int i = 2; i <= 4; i++) {
            a.answer(WireCodec.parseObject("{\"service_name\":\"month_member_sync\",\"card_id\":\"C" + i + "\"}"));
        }
        assertThat(a.rememberedCount()).isEqualTo(3);
        a.answer(sync.deepCopy());
        assertThat(calls).hasValue(5);
    }

    @Test
    void theResendMemoryKeepsToItsByteBudget() throws Exception {
        DownlinkAnswerer a = new DownlinkAnswerer(10_000, 64 * 1024);
        a.setHandler(d -> WireCodec.MAPPER.createObjectNode().put("state", 1));
        String big = "y".repeat(50_000);
        for (int i = 0; i < 2_000; i++) {
            a.answer(WireCodec.parseObject("{\"service_name\":\"month_member_sync\",\"card_id\":\"C" + i
                    + "\",\"remark\":\"" + big + "\"}"));
            assertThat(a.rememberedBytes()).isLessThanOrEqualTo(64 * 1024);
        }
        assertThat(a.rememberedCount()).isBetween(100, 2_000);
    }

    static long heapAfterGc() {
        var mem = ManagementFactory.getMemoryMXBean();
        for (int i = 0; i < 3; i++) {
            System.gc();
        }
        return mem.getHeapMemoryUsage().getUsed();
    }
}
