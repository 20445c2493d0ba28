package com.boothdesk.devices.camera.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The front door over real sockets on loopback: deadlines, bounds, HTTP/1.1 framing. */
class HttpFrontDoorTest {
    private final List<Socket> sockets = new ArrayList<>();
    private HttpFrontDoor door;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    private HttpFrontDoor start(FrontDoorOptions options) throws IOException {
        door = new HttpFrontDoor("test", new InetSocketAddress("127.0.0.1", 0), a -> a.isLoopbackAddress(), options)
                .mount("/", new HttpRoute() {
                    @Override
                    public int maxBodyBytes(HttpRequestHead head) {
                        return 1024;
                    }

                    @Override
                    public HttpResponse handle(HttpRequest request) {
                        try {
                            hold.await(5, TimeUnit.SECONDS);
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return HttpResponse.json(200, ("{\"len\":" + request.body().length + "}")
                                .getBytes(StandardCharsets.UTF_8));
                    }
                });
        door.start();
        return door;
    }

    @AfterEach
    void stop() throws IOException {
        for (Socket s : sockets) {
            s.close();
        }
        if (door != null) {
            door.close();
        }
    }

    private Socket connect() throws IOException {
        Socket s = new Socket("127.0.0.1", door.port());
        s.setSoTimeout(5000);
        sockets.add(s);
        return s;
    }

    private static void send(Socket s, String text) throws IOException {
        OutputStream out = s.getOutputStream();
        out.write(text.getBytes(StandardCharsets.ISO_8859_1));
        out.flush();
    }

    /** Reads one response (head and Content-Length body) or what arrives until the peer closes. */
    private static String readResponse(Socket s) throws IOException {
        InputStream in = s.getInputStream();
        ByteArrayOutputStream buf = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) >= 0) {
            buf.write(b);
            String sofar = buf.toString(StandardCharsets.ISO_8859_1);
            int end = sofar.indexOf("\r\n\r\n");
            if (end >= 0) {
                int cl = sofar.toLowerCase().indexOf("content-length: ");
                int len = Integer.parseInt(sofar.substring(cl + 16, sofar.indexOf("\r\n", cl)).trim());
                byte[] body = in.readNBytes(len);
                return sofar + new String(body, StandardCharsets.UTF_8);
            }
        }
        return buf.toString(StandardCharsets.ISO_8859_1);
    }

    private static String post(String body, String extraHeaders) {
        return "POST /push HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\n" + extraHeaders
                + "Content-Length: " + body.getBytes(StandardCharsets.UTF_8).length + "\r\n\r\n" + body;
    }

    @Test
    void keepAliveServesSeveralRequestsAndClosesAfterTheBound() throws Exception {
        start(new FrontDoorOptions(Duration.ofSeconds(2), Duration.ofSeconds(2), Duration.ofSeconds(2),
                Duration.ofSeconds(2), 4096, 8, 4, 2, 1 << 20));
        Socket s = connect();
        send(s, post("{}", ""));
        String first = readResponse(s);
        assertThat(first).startsWith("HTTP/1.1 200 OK").contains("Connection: keep-alive").endsWith("{\"len\":2}");
        send(s, post("abcd", ""));
        String second = readResponse(s);
        assertThat(second).startsWith("HTTP/1.1 200").contains("Connection: close").endsWith("{\"len\":4}");
        assertThat(s.getInputStream().read()).isEqualTo(-1);
    }

    @Test
    void headersThatDoNotCompleteInTimeGet408AndTheConnectionIsClosed() throws Exception {
        start(FrontDoorOptions.DEFAULTS.withHeaderTimeout(Duration.ofMillis(300)));
        Socket s = connect();
        long t0 = System.nanoTime();
        send(s, "POST /push HTTP/1.1\r\nHost: x\r\n");
        String r = readResponse(s);
        long ms = (System.nanoTime() - t0) / 1_000_000;
        assertThat(r).startsWith("HTTP/1.1 408");
        assertThat(ms).isBetween(250L, 2000L);
        await().atMost(Duration.ofSeconds(2)).until(() -> door.stats().open() == 0);
    }

    @Test
    void aConnectionThatSendsNothingIsClosedSilentlyAtTheHeaderDeadline() throws Exception {
        start(FrontDoorOptions.DEFAULTS.withHeaderTimeout(Duration.ofMillis(300)));
        Socket s = connect();
        assertThat(s.getInputStream().read()).isEqualTo(-1);
        assertThat(door.stats().timedOut()).isEqualTo(1);
    }

    @Test
    void aBodyThatStallsIsCutAtTheBodyDeadline() throws Exception {
        start(FrontDoorOptions.DEFAULTS.withBodyTimeout(Duration.ofMillis(300)));
        Socket s = connect();
        send(s, "POST /push HTTP/1.1\r\nContent-Length: 100\r\n\r\n{\"a\":");
        assertThat(readResponse(s)).startsWith("HTTP/1.1 408");
    }

    @Test
    void framingErrorsAreAnsweredAndClosed() throws Exception {
        start(FrontDoorOptions.DEFAULTS);
        Socket chunked = connect();
        send(chunked, "POST /push HTTP/1.1\r\nTransfer-Encoding: chunked\r\n\r\n5\r\nhello\r\n0\r\n\r\n");
        assertThat(readResponse(chunked)).startsWith("HTTP/1.1 501");
        Socket twoLengths = connect();
        send(twoLengths, "POST /push HTTP/1.1\r\nContent-Length: 2\r\nContent-Length: 3\r\n\r\nabc");
        assertThat(readResponse(twoLengths)).startsWith("HTTP/1.1 400");
        Socket spaceBeforeColon = connect();
        send(spaceBeforeColon, "POST /push HTTP/1.1\r\nContent-Length : 2\r\n\r\nab");
        assertThat(readResponse(spaceBeforeColon)).startsWith("HTTP/1.1 400");
        Socket huge = connect();
        send(huge, "POST /push HTTP/1.1\r\nX-Big: " + "a".repeat(20_000) + "\r\n\r\n");
        assertThat(readResponse(huge)).startsWith("HTTP/1.1 431");
        Socket tooBig = connect();
        send(tooBig, "POST /push HTTP/1.1\r\nContent-Length: 5000\r\n\r\n");
        assertThat(readResponse(tooBig)).startsWith("HTTP/1.1 413");
        Socket version = connect();
        send(version, "POST /push HTTP/2.0\r\n\r\n");
        assertThat(readResponse(version)).startsWith("HTTP/1.1 505");
        Socket absolute = connect();
        send(absolute, "POST http://10.0.0.2:8080/push HTTP/1.1\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}");
        assertThat(readResponse(absolute)).startsWith("HTTP/1.1 200");
        // and the door still serves a good request
        Socket good = connect();
        send(good, post("{}", "Connection: close\r\n"));
        assertThat(readResponse(good)).startsWith("HTTP/1.1 200");
    }

    @Test
    void expectContinueIsAnsweredBeforeTheBodyIsSent() throws Exception {
        start(FrontDoorOptions.DEFAULTS);
        Socket s = connect();
        send(s, "POST /push HTTP/1.1\r\nExpect: 100-continue\r\nContent-Length: 2\r\n\r\n");
        byte[] cont = s.getInputStream().readNBytes("HTTP/1.1 100 Continue\r\n\r\n".length());
        assertThat(new String(cont, StandardCharsets.ISO_8859_1)).isEqualTo("HTTP/1.1 100 Continue\r\n\r\n");
        send(s, "{}");
        assertThat(readResponse(s)).startsWith("HTTP/1.1 200").endsWith("{\"len\":2}");
    }

    @Test
    void aNewConnectionTakesThePlaceOfTheOldestStalledOneOfItsPeer() throws Exception {
        start(FrontDoorOptions.DEFAULTS.withConnections(8, 3));
        List<Socket> stalled = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            Socket s = connect();
            send(s, "POST /push HTTP/1.1\r\nContent-Length: 10\r\n\r\n");
            stalled.add(s);
        }
        await().atMost(Duration.ofSeconds(2)).until(() -> door.stats().open() == 3);
        Socket good = connect();
        send(good, post("{}", "Connection: close\r\n"));
        assertThat(readResponse(good)).startsWith("HTTP/1.1 200");
        assertThat(door.stats().evicted()).isEqualTo(1);
        int closed = 0;
        for (Socket s : stalled) {
            s.setSoTimeout(300);
            try {
                if (s.getInputStream().read() == -1) {
                    closed++;
                }
            } catch (java.net.SocketTimeoutException stillOpen) {
                // this one kept its place
            }
        }
        assertThat(closed).as("exactly one stalled connection gave way").isEqualTo(1);
    }

    @Test
    void whenEveryConnectionOfAPeerIsBeingHandledANewOneGets503() throws Exception {
        start(FrontDoorOptions.DEFAULTS.withConnections(8, 2));
        hold = new CountDownLatch(1);
        Socket a = connect();
        Socket b = connect();
        send(a, post("{}", ""));
        send(b, post("{}", ""));
        await().atMost(Duration.ofSeconds(2)).until(() -> door.stats().requests() == 2);
        Socket c = connect();
        send(c, post("{}", ""));
        assertThat(readResponse(c)).startsWith("HTTP/1.1 503");
        hold.countDown();
        assertThat(readResponse(a)).startsWith("HTTP/1.1 200");
        assertThat(readResponse(b)).startsWith("HTTP/1.1 200");
    }
}
