package com.boothdesk.sdk.link;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.boothdesk.sdk.message.InPark;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The vendor bridge against a stand-in jar with the SDK's class and method names, built by the test. */
class VendorSdkCloudLinkTest {

    static final String INTERFACE_PARK = """
            package sdk;
            public abstract class InterfacePark {
                public abstract void receive(String msg);
                protected InterfacePark() {
                }
            }
            """;

    static final String UPLOAD_UTIL = """
            package sdk;
            import java.util.*;
            import java.util.regex.*;
            public class UploadUtil {
                static InterfacePark cb;
                public static final List<String> calls = Collections.synchronizedList(new ArrayList<>());
                public static void setInterfacePark(InterfacePark p) { cb = p; calls.add("setInterfacePark"); }
                public static String init(String json) {
                    calls.add("init " + json);
                    if (json.contains("\\"ukey\\":\\"BAD\\"")) {
                        return "{\\"state\\":0,\\"errmsg\\":\\"签名错误\\"}";
                    }
                    return "{\\"state\\":1,\\"errmsg\\":\\"Init bolink and cloud success!\\"}";
                }
                public static void unInit() { calls.add("unInit"); }
                public static String uploadInParkOrder(String json) {
                    calls.add("in " + json);
                    return "{\\"service_name\\":\\"in_park\\",\\"state\\":1,\\"order_id\\":\\"" + field(json, "order_id")
                            + "\\",\\"errmsg\\":\\"send success!\\"}";
                }
                public static String uploadOutParkOrder(String json) {
                    calls.add("out " + json);
                    return "{\\"service_name\\":\\"out_park\\",\\"order_id\\":\\"" + field(json, "order_id")
                            + "\\",\\"pay_type\\":\\"cash\\",\\"net_status\\":1,\\"state\\":1}";
                }
                public static String getPayStatus(String json) {
                    calls.add("pay " + json);
                    return "{\\"state\\":1,\\"balance\\":\\"28.3\\",\\"is_exist\\":1,\\"net_status\\":1,"
                            + "\\"service_name\\":\\"pay_status\\",\\"order_id\\":\\"" + field(json, "order_id") + "\\"}";
                }
                public static String uploadData(String json) {
                    calls.add("data " + json);
                    if (json.contains("\\"service_name\\":\\"park_log\\"")) {
                        String id = field(json, "log_id");
                        new Thread(() -> cb.receive("{\\"state\\":1,\\"errmsg\\":\\" upload data success!\\","
                                + "\\"service_name\\":\\"park_log\\",\\"log_id\\":\\"" + id + "\\"}")).start();
                    }
                    return "{\\"state\\":1,\\"errmsg\\":\\"upload data success!\\"}";
                }
                public static void push(String downlink) {
                    new Thread(() -> cb.receive(downlink)).start();
                }
                static String field(String json, String name) {
                    Matcher m = Pattern.compile("\\"" + name + "\\":\\"([^\\"]*)\\"").matcher(json);
                    return m.find() ? m.group(1) : "";
                }
            }
            """;

    @TempDir
    Path dir;
    VendorSdkCloudLink link;

    @AfterEach
    void tearDown() {
        if (link != null) {
            link.close();
        }
    }

    Path buildStandInJar() throws Exception {
        return buildStandInJar(UPLOAD_UTIL);
    }

    /** The real jar's UploadUtil loads its JNI library (JavaCpp.dll) when the class initialises. */
    static String withNativeLibrary(String source) {
        return source.replace("public class UploadUtil {", "public class UploadUtil {\n"
                + "    static { System.loadLibrary(\"JavaCppBoothDeskTestMissing\"); }");
    }

    Path buildStandInJar(String uploadUtil) throws Exception {
        Path src = Files.createDirectories(dir.resolve("src/sdk"));
        Files.writeString(src.resolve("InterfacePark.java"), INTERFACE_PARK, StandardCharsets.UTF_8);
        Files.writeString(src.resolve("UploadUtil.java"), uploadUtil, StandardCharsets.UTF_8);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        int rc = javac.run(null, null, null, "-encoding", "UTF-8", "-d", classes.toString(),
                src.resolve("InterfacePark.java").toString(), src.resolve("UploadUtil.java").toString());
        assertThat(rc).isZero();
        Path jar = dir.resolve("SDKJava.jar");
        try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
             Stream<Path> files = Files.walk(classes)) {
            for (Path f : files.filter(Files::isRegularFile).toList()) {
                out.putNextEntry(new JarEntry(classes.relativize(f).toString().replace('\\', '/')));
                Files.copy(f, (OutputStream) out);
                out.closeEntry();
            }
        }
        return jar;
    }

    VendorSdkCloudLink start(String ukey) throws Exception {
        return start(ukey, buildStandInJar());
    }

    VendorSdkCloudLink start(String ukey, Path jar) throws Exception {
        link = new VendorSdkCloudLink(new VendorSdkSettings(jar, "ts.bolink.club", 6791, false,
                Duration.ofSeconds(3), Duration.ofMillis(200)),
                new CloudCredentials("200002", "3251", "aaa001_channels_A1_A2", ukey), Clock.systemUTC());
        link.start();
        return link;
    }

    @SuppressWarnings("unchecked")
    /** A copy of the stand-in's call log, taken under its lock (the SDK thread appends while the test reads). */
    List<String> calls() throws Exception {
        List<String> live = (List<String>) link.vendorApi().getField("calls").get(null);
        synchronized (live) {
            return List.copyOf(live);
        }
    }

    @Test
    void initsThenSendsOrdersThroughTheDedicatedMethodsAndOthersThroughUploadData() throws Exception {
        start("EA2D90FEEF1E9F8E");
        await().atMost(Duration.ofSeconds(10)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        assertThat(calls().stream().filter(c -> c.startsWith("init ")).findFirst().orElseThrow()).contains("\"union_id\":\"200002\"")
                .contains("\"ukey\":\"EA2D90FEEF1E9F8E\"").contains("\"cloud_addr\":\"ts.bolink.club\"")
                .contains("\"cport\":6791").contains("\"local_id\":\"aaa001_channels_A1_A2\"");

        ObjectNode in = link.send(new InPark("京A12345", 1L, "小车", "自动识别", "u", "A1_5", 3, "A1").toJson())
                .get(5, TimeUnit.SECONDS);
        assertThat(in.path("state").asInt()).isEqualTo(1);
        assertThat(in.path("order_id").asText()).isEqualTo("A1_5");
        assertThat(calls()).anySatisfy(c -> assertThat(c).startsWith("in {\"car_number\"")
                .doesNotContain("service_name"));

        ObjectNode log = WireCodec.MAPPER.createObjectNode().put("service_name", "park_log")
                .put("data_target", "cloud").put("log_id", "L7").put("content", "x").put("operate_time", 1)
                .put("user_id", "u");
        ObjectNode logReply = link.send(log).get(5, TimeUnit.SECONDS);
        assertThat(logReply.path("log_id").asText()).isEqualTo("L7");
        assertThat(logReply.path("errmsg").asText()).contains("upload data success");

        ObjectNode pay = link.send(WireCodec.MAPPER.createObjectNode().put("service_name", "pay_status")
                .put("order_id", "2433678").put("car_number", "京GH4566")).get(5, TimeUnit.SECONDS);
        assertThat(pay.path("net_status").asInt()).isEqualTo(1);
        assertThat(pay.path("balance").asText()).isEqualTo("28.3");
    }

    @Test
    void callbacksReachTheHandlerAndAreAnsweredThroughUploadData() throws Exception {
        AtomicReference<String> thread = new AtomicReference<>();
        start("EA2D90FEEF1E9F8E");
        link.setDownlinkHandler(d -> {
            thread.set(Thread.currentThread().getName());
            return WireCodec.MAPPER.createObjectNode().put("state", 1).put("errmsg", "success").put("price", "0.01");
        });
        await().atMost(Duration.ofSeconds(10)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        link.vendorApi().getMethod("push", String.class).invoke(null, "{\"query_order_no\":\"q-863\","
                + "\"park_id\":\"20003\",\"service_name\":\"query_price\",\"order_id\":\"15000001195\",\"pay_scene\":0}");
        await().atMost(Duration.ofSeconds(15)).until(() -> calls().stream().anyMatch(c -> c.startsWith("data ")
                && c.contains("query_price")));
        String answer = calls().stream().filter(c -> c.contains("query_price")).findFirst().orElseThrow();
        ObjectNode a = WireCodec.parseObject(answer.substring("data ".length()));
        assertThat(a.path("data_target").asText()).isEqualTo("bolink");
        assertThat(a.path("state").asInt()).isEqualTo(1);
        assertThat(a.path("order_id").asText()).isEqualTo("15000001195");
        assertThat(a.path("query_order_no").asText()).isEqualTo("q-863");
        assertThat(thread.get()).startsWith("sdk-vendor-downlink");
    }

    @Test
    void aRefusedInitLeavesTheLinkDownAndRetries() throws Exception {
        start("BAD");
        await().atMost(Duration.ofSeconds(10)).until(() -> link.status() == LinkStatus.DOWN);
        await().atMost(Duration.ofSeconds(10)).until(() -> calls().stream().filter(c -> c.startsWith("init")).count()
                >= 2);
        assertThat(link.send(WireCodec.MAPPER.createObjectNode().put("service_name", "park_log")))
                .failsWithin(Duration.ofSeconds(1)).withThrowableOfType(java.util.concurrent.ExecutionException.class)
                .withCauseInstanceOf(LinkDownException.class);
    }

    @Test
    void theCallbackIsRegisteredOnEveryInitAttemptAndUnInitOnlyFollowsASuccessfulInit() throws Exception {
        start("BAD");
        await().atMost(Duration.ofSeconds(10)).until(() -> link.initAttempts() >= 3);
        Class<?> api = link.vendorApi();
        link.close();
        @SuppressWarnings("unchecked")
        List<String> live = (List<String>) api.getField("calls").get(null);
        List<String> all;
        synchronized (live) {
            all = List.copyOf(live);
        }
        long inits = all.stream().filter(c -> c.startsWith("init")).count();
        assertThat(inits).isGreaterThanOrEqualTo(3);
        assertThat(all.stream().filter(c -> c.equals("setInterfacePark")).count()).isEqualTo(inits);
        // every setInterfacePark comes right before its init
        for (int i = 0; i < all.size(); i++) {
            if (all.get(i).startsWith("init")) {
                assertThat(all.get(i - 1)).isEqualTo("setInterfacePark");
            }
        }
        assertThat(all).doesNotContain("unInit");
    }

    @Test
    void withoutTheNativeLibraryItSaysSoOnceInPlainWordsAndEverythingWaits() throws Exception {
        ch.qos.logback.classic.Logger log = (ch.qos.logback.classic.Logger) org.slf4j.LoggerFactory.getLogger(
                VendorSdkCloudLink.class);
        ch.qos.logback.core.read.ListAppender<ch.qos.logback.classic.spi.ILoggingEvent> captured =
                new ch.qos.logback.core.read.ListAppender<>();
        captured.start();
        log.addAppender(captured);
        try {
            start("EA2D90FEEF1E9F8E", buildStandInJar(withNativeLibrary(UPLOAD_UTIL)));
            await().atMost(Duration.ofSeconds(10)).until(() -> link.status() == LinkStatus.DOWN);
            assertThat(link.send(WireCodec.MAPPER.createObjectNode().put("service_name", "park_log")))
                    .failsWithin(Duration.ofSeconds(1))
                    .withThrowableOfType(java.util.concurrent.ExecutionException.class)
                    .withCauseInstanceOf(LinkDownException.class);
            link.close();
            link = null;
            var errors = captured.list.stream().filter(e -> e.getLevel() == ch.qos.logback.classic.Level.ERROR
                    || e.getLevel() == ch.qos.logback.classic.Level.WARN).toList();
            assertThat(errors).singleElement().satisfies(e -> {
                assertThat(e.getFormattedMessage()).contains("native library is missing", "Windows only",
                        "waits in the outbox");
                assertThat(e.getThrowableProxy()).isNull(); // no stack trace
            });
        } finally {
            log.detachAppender(captured);
        }
    }

    @Test
    void withAPublicKeyEveryUplinkReachesTheSdkAsSegmentedRsaCiphertext() throws Exception {
        java.security.KeyPairGenerator g = java.security.KeyPairGenerator.getInstance("RSA");
        g.initialize(1024);
        java.security.KeyPair park = g.generateKeyPair();
        link = new VendorSdkCloudLink(new VendorSdkSettings(buildStandInJar(), "ts.bolink.club", 6791, false,
                Duration.ofSeconds(3), Duration.ofMillis(200)).withUplinkPublicKey(
                java.util.Base64.getEncoder().encodeToString(park.getPublic().getEncoded())),
                new CloudCredentials("200002", "3251", "aaa001", "EA2D90FEEF1E9F8E"), Clock.systemUTC());
        link.start();
        await().atMost(Duration.ofSeconds(10)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        ObjectNode in = link.send(new InPark("京A12345", 1L, "小车", "自动识别", "u", "A1_9", 3, "A1").toJson())
                .get(5, TimeUnit.SECONDS);
        assertThat(in.path("state").asInt()).isEqualTo(1);
        String arg = calls().stream().filter(c -> c.startsWith("in ")).findFirst().orElseThrow().substring(3);
        assertThat(arg).doesNotContain("京A12345").matches("[A-Za-z0-9+/=]+");
        String plain = com.boothdesk.sdk.wire.UplinkCipher.decrypt(arg, park.getPrivate());
        assertThat(WireCodec.parseObject(plain).path("order_id").asText()).isEqualTo("A1_9");
        // init itself stays in clear (1.2.1: 初始化及下行接口无需加密)
        assertThat(calls().stream().filter(c -> c.startsWith("init ")).findFirst().orElseThrow())
                .contains("\"union_id\":\"200002\"");
    }

    @Test
    void closeCallsUnInit() throws Exception {
        start("EA2D90FEEF1E9F8E");
        await().atMost(Duration.ofSeconds(10)).until(() -> link.status() == LinkStatus.LOGGED_IN);
        link.close();
        assertThat(calls()).contains("unInit");
        assertThat(link.status()).isEqualTo(LinkStatus.STOPPED);
    }

    @Test
    void theConfigurationChoosesTheLink() {
        CloudCredentials c = new CloudCredentials("1", "2", "3", "4");
        try (CloudLink tcp = CloudLinks.create(new CloudLinks.Config(CloudLinks.Mode.TCP, "127.0.0.1", 6789, null), c,
                Clock.systemUTC());
             CloudLink vendor = CloudLinks.create(new CloudLinks.Config(CloudLinks.Mode.VENDOR_SDK, "h", 1,
                     dir.resolve("x.jar")), c, Clock.systemUTC())) {
            assertThat(tcp).isInstanceOf(TcpCloudLink.class);
            assertThat(vendor).isInstanceOf(VendorSdkCloudLink.class);
        }
    }
}
