package com.boothdesk.app.cloud;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.function.BiConsumer;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.boothdesk.app.testing.RunningBooth;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Every list and park-data downlink with an effect (3.5-3.16, 3.19-3.21, 3.27, 3.33), sent by the cloud simulator over
 * the real TCP link into one running booth (its TcpCloudLink on loopback, H2 in a temp folder): the answer as the
 * cloud receives it (state, service name, echoed key, data target), the effect in H2 or in the booth's list lookups,
 * and a resend that changes nothing twice. The stays and lanes downlinks have their own flows (LaneDownlinksTest,
 * ParkDownlinksTest, PaymentDownlinksThroughTheBoothTest); this covers the rest, one case per downlink.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EveryListDownlinkOverTcpTest {

    @TempDir
    static Path data;
    RunningBooth booth;

    @BeforeAll
    void start() {
        booth = RunningBooth.start(data);
    }

    @AfterAll
    void stop() {
        booth.close();
    }

    /**
     * One downlink.
     *
     * @param toc     the ToC number
     * @param before  downlinks the case needs first (a card to renew)
     * @param push    the downlink, single quotes for double
     * @param echo    the field the answer must echo, and its value
     * @param effect  the effect, checked after the first push and again after the resend
     */
    record Case(String toc, List<String> before, String push, String echoField, String echoValue,
                BiConsumer<EveryListDownlinkOverTcpTest, ObjectNode> effect) {
        @Override
        public String toString() {
            return toc + " " + push.replaceAll(".*'service_name':'([a-z_]+)'.*", "$1");
        }
    }

    long rows(String sql) {
        return booth.app.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        });
    }

    String text(String sql) {
        return booth.app.database().read(c -> {
            try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
    }

    long now() {
        return booth.clock.instant().getEpochSecond();
    }

    static Stream<Case> downlinks() {
        return Stream.of(
                new Case("3.5", List.of(), "{'service_name':'price_sync','data':{'price_id':'TP1','car_type':'小车',"
                        + "'describe':'首小时5元','operate_type':'1'}}", "price_id", "TP1",
                        (t, r) -> assertThat(t.text("SELECT description FROM tariff_sync WHERE price_id = 'TP1'"))
                                .isEqualTo("首小时5元")),
                new Case("3.6", List.of(), "{'data':{'operate_type':1,'price':150.00,'park_id':'24155','name':'季卡',"
                        + "'package_id':'TPK1','period':'季','car_type':'','end_type':0},'service_name':'month_card_sync'}",
                        "package_id", "TPK1", (t, r) -> assertThat(t.rows(
                                "SELECT price_fen FROM month_package WHERE package_id = 'TPK1'")).isEqualTo(15000)),
                new Case("3.7", List.of(), "{'service_name':'month_member_sync','data':{'card_id':'TM1','operate_type':1,"
                        + "'begin_time':1764000000,'end_time':1798000000,'car_number':'京TM0001','name':'李四',"
                        + "'p_lot':'1','price':'300.00','park_id':'24155'}}", "card_id", "TM1",
                        (t, r) -> assertThat(t.booth.app.lists().lookup("京TM0001", t.booth.clock.instant()).monthly())
                                .hasValueSatisfying(m -> assertThat(m.cardId()).isEqualTo("TM1"))),
                new Case("3.8", List.of(), "{'service_name':'collector_sync','data':{'user_id':'T11','name':'小王',"
                        + "'sex':1,'operate_type':1}}", "user_id", "T11",
                        (t, r) -> assertThat(t.text("SELECT name FROM collector WHERE user_id = 'T11'"))
                                .isEqualTo("小王")),
                new Case("3.9", List.of(), "{'service_name':'lock_car','order_id':'{ORDER:京TL0001}','is_locked':1,"
                        + "'lock_key':'4000'}", "is_locked", "1",
                        (t, r) -> assertThat(t.booth.app.lists().lookup("京TL0001", t.booth.clock.instant()).lock())
                                .hasValueSatisfying(l -> assertThat(l.lockKey()).isEqualTo("4000"))),
                new Case("3.12", List.of(), "{'service_name':'deliver_ticket','ticket_id':'TT1','car_number':'京TT0001',"
                        + "'ticket_type':0,'money':'5','create_time':1764000000}", "ticket_id", "TT1",
                        (t, r) -> assertThat(t.booth.app.lists().couponsFor("京TT0001", "", t.booth.clock.instant()))
                                .singleElement().satisfies(k -> assertThat(k.value()).isEqualTo(500))),
                new Case("3.13", List.of(), "{'data':{'operate_type':1,'passtype':'1','park_id':'24155',"
                        + "'passname':'东入口','channel_id':'TA9','device_no':'777881'},'service_name':'gate_sync'}",
                        "channel_id", "TA9", (t, r) -> assertThat(t.text(
                                "SELECT name || '/' || direction FROM park_channel WHERE channel_id = 'TA9'"))
                                .isEqualTo("东入口/ENTRY")),
                new Case("3.14", List.of(), "{'data':{'resume':'逃费','operate_type':1,'park_id':'24155',"
                        + "'car_number':'京TB0001','black_uuid':'TB_1','operator':'5','start_time':'2026-11-01 00:00:00',"
                        + "'end_time':'2026-12-31 23:59:59'},'service_name':'blackuser_sync'}", "black_uuid", "TB_1",
                        (t, r) -> assertThat(t.booth.app.lists().lookup("京TB0001", t.booth.clock.instant())
                                .blacklist()).isPresent()),
                new Case("3.15", List.of(), "{'service_name':'car_type_sync','data':{'car_type_id':'tbig',"
                        + "'name':'大车','sort':'2','operate_type':1}}", "car_type_id", "tbig",
                        (t, r) -> assertThat(t.text("SELECT name FROM car_type WHERE car_type_id = 'tbig'"))
                                .isEqualTo("大车")),
                new Case("3.16", List.of("{'service_name':'month_member_sync','data':{'card_id':'TM2','operate_type':1,"
                        + "'begin_time':1764000000,'end_time':1796054400,'car_number':'京TM0002','name':'王五',"
                        + "'p_lot':'1','price':'100.00','park_id':'24155'}}"), "{'service_name':'month_pay_sync',"
                        + "'data':{'trade_no':'TR1','card_id':'TM2',"
                        + "'amount_pay':'100.0','pay_type':'现金','start_time':1796054400,'end_time ':1798732800,"
                        + "'pay_time':1764000000,'buy_month':1,'amount_receivable':'100.0'}}", "trade_no", "TR1",
                        (t, r) -> {
                            assertThat(t.rows("SELECT COUNT(*) FROM month_renewal WHERE trade_no = 'TR1'"))
                                    .as("renewed once").isEqualTo(1);
                            assertThat(t.booth.app.lists().lookup("京TM0002", t.booth.clock.instant()).monthly()
                                    .orElseThrow().validTo()).isEqualTo(java.time.LocalDate.of(2026, 12, 31));
                        }),
                new Case("3.19", List.of(), "{'data':{'operate_type':1,'car_number':'鲁T00001','visitor_id':70001,"
                        + "'end_time':1764100000,'park_id':'24155','begin_time':1764020000,'remark':'访客','state':1,"
                        + "'type':0},'service_name':'visitor_sync'}", "visitor_id", "70001",
                        (t, r) -> assertThat(t.booth.app.lists().lookup("鲁T00001", t.booth.clock.instant())
                                .visitor()).isPresent()),
                new Case("3.20", List.of(), "{'data':{'operate_type':1,'create_time':1764000000,'total_price':20.00,"
                        + "'car_number':'京TS0001','name':'张三','park_id':'24155','card_id':'TS1'},"
                        + "'service_name':'prepay_card_sync'}", "card_id", "TS1",
                        (t, r) -> assertThat(t.booth.app.lists().lookup("京TS0001", t.booth.clock.instant())
                                .storedValue().orElseThrow().balanceFen()).isEqualTo(2000)),
                new Case("3.21", List.of("{'data':{'operate_type':1,'create_time':1764000000,'total_price':10.00,"
                        + "'car_number':'京TS0002','name':'赵六','park_id':'24155','card_id':'TS2'},"
                        + "'service_name':'prepay_card_sync'}"), "{'data':{'total_price':'1.00',"
                        + "'car_number':'京TS0002','park_id':'24155','trade_no':'TST1','pay_type':'现金',"
                        + "'card_id':'TS2','pay_time':1764000000},'service_name':'prepay_card_trade_sync',"
                        + "'account_type':1}", "trade_no", "TST1",
                        (t, r) -> assertThat(t.booth.app.lists().lookup("京TS0002", t.booth.clock.instant())
                                .storedValue().orElseThrow().balanceFen()).as("topped up once").isEqualTo(1100)),
                new Case("3.27", List.of(), "{'data':{'b_time':1764000000,'operate_type':1,'car_location':'1_101',"
                        + "'end_type':0,'user_name':'张女士','car_number':'京TW0001','park_id':'24155',"
                        + "'e_time':1798000000},'service_name':'white_list_sync'}", "car_number", "京TW0001",
                        (t, r) -> assertThat(t.booth.app.lists().lookup("京TW0001", t.booth.clock.instant()).white())
                                .isPresent()),
                new Case("3.33", List.of(), "{'service_name':'update_park_soft','request_no':'update_park_soft_T1',"
                        + "'union_id':200265,'park_id':'24155','update_content':'BoothDesk 9.9.9 已发布'}",
                        "request_no", "update_park_soft_T1",
                        (t, r) -> assertThat(t.text("SELECT content FROM upgrade_notice WHERE request_no = "
                                + "'update_park_soft_T1'")).contains("9.9.9")));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("downlinks")
    void theDownlinkIsAnsweredOverTcpAndActsOnceInH2(Case c) throws Exception {
        for (String b : c.before()) {
            assertThat(booth.push(b).path("state").asInt()).as("set-up " + b).isEqualTo(1);
        }
        String json = c.push();
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("\\{ORDER:([^}]+)}").matcher(json);
        if (m.find()) { // the downlink acts on a stay: a car drives in first
            json = json.replace(m.group(), booth.enter(m.group(1)));
        }
        String name = RunningBooth.json(json).path("service_name").asText();

        ObjectNode reply = booth.push(json);

        assertThat(reply.path("state").asInt()).as("answer %s", reply).isEqualTo(1);
        assertThat(reply.path("service_name").asText()).isEqualTo(name);
        assertThat(reply.path(c.echoField()).asText()).isEqualTo(c.echoValue());
        assertThat(reply.path("data_target").asText()).isNotBlank();
        c.effect().accept(this, reply);

        ObjectNode again = booth.push(json); // the cloud resends what it thinks was not answered
        assertThat(again.path("state").asInt()).as("resend answered %s", again).isEqualTo(1);
        c.effect().accept(this, again);
    }
}
