package com.boothdesk.sdk.message.uplink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.function.Function;

import org.junit.jupiter.api.Test;

import com.boothdesk.sdk.message.MessageValidationException;
import com.boothdesk.sdk.protocol.Catalogue;
import com.boothdesk.sdk.protocol.ProtocolValidator;
import com.boothdesk.sdk.protocol.Validation;
import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.node.ObjectNode;

/**
 * Golden tests of the list uplinks (2.4, 2.10, 2.13-2.16, 2.26, 2.29) against the examples of the protocol notes
 * (cloud-protocol.md): each example is read tolerantly, written back strictly, and the written text is pinned byte for
 * byte; where it differs from the example, the test says why (a field the notes' table does not list, a Number the
 * example sends as text, money always with two decimals). Reading what was written gives the same record.
 */
class ListUplinkRecordsGoldenTest {

    private static final ProtocolValidator VALIDATOR = new ProtocolValidator(Catalogue.get());

    private static ObjectNode json(String s) throws Exception {
        return WireCodec.parseObject(s);
    }

    /** What a typed message writes is a request of its catalogue entry with no error and no field the entry lacks. */
    private static void assertClean(ObjectNode written, String toc) {
        Validation v = VALIDATOR.validate(written);
        assertThat(v.spec()).hasValueSatisfying(s -> assertThat(s.toc()).isEqualTo(toc));
        assertThat(v.role()).isEqualTo(Validation.Role.REQUEST);
        assertThat(v.issues()).as("issues of %s", written).isEmpty();
        assertThat(v.extraFields()).as("extra fields of %s", written).isEmpty();
    }

    /** Reads the notes' example, writes it, pins the text, checks it against the catalogue, reads it back. */
    private static <R> R golden(String example, Function<ObjectNode, R> read, Function<R, ObjectNode> write,
                                String expected, String toc) throws Exception {
        R r = read.apply(json(example));
        ObjectNode written = write.apply(r);
        assertThat(WireCodec.toJson(written)).isEqualTo(expected);
        assertClean(written, toc);
        assertThat(read.apply(written)).isEqualTo(r);
        return r;
    }

    @Test
    void collector24IsTheNotesExampleByteForByte() throws Exception {
        String example = "{\"service_name\":\"upload_collector\",\"data_target\":\"cloud\",\"user_id\":\"1234567\","
                + "\"name\":\"小王\",\"create_time\":1490886218,\"update_time\":1490886218,\"sex\":1,\"operate_type\":1}";
        UploadCollector c = golden(example, UploadCollector::fromJson, UploadCollector::toJson, example, "2.4");
        assertThat(c).isEqualTo(new UploadCollector("1234567", "小王", 1490886218L, 1490886218L, 1, 1));
    }

    @Test
    void monthMember210FromThe2017DemoWritesMoneyWithTwoDecimals() throws Exception {
        UploadMonthMember m = golden("{\"service_name\":\"upload_month_member\",\"data_target\":\"cloud\","
                        + "\"card_id\":\"1510…\",\"car_number\":\"京T654321\",\"begin_time\":1495855254,\"price\":\"50.0\","
                        + "\"end_time\":1495955254,\"operate_type\":1,\"amount_receivable\":\"50.0\"}",
                UploadMonthMember::fromJson, UploadMonthMember::toJson,
                "{\"service_name\":\"upload_month_member\",\"data_target\":\"cloud\",\"card_id\":\"1510…\","
                        + "\"car_number\":\"京T654321\",\"operate_type\":1,\"begin_time\":1495855254,"
                        + "\"end_time\":1495955254,\"price\":\"50.00\",\"amount_receivable\":\"50.00\"}", "2.10");
        assertThat(m.priceFen()).isEqualTo(5000L);
        // the demo predates amount_receivable (required in the notes' table, not for operate_type 3): added above;
        // a delete carries the card and the plates only
        ObjectNode delete = new UploadMonthMember("C1", 1L, 1L, "京A1", 3, null, null, null, null, null, null, null,
                null, null, null, null, null).toJson();
        assertThat(WireCodec.toJson(delete)).isEqualTo("{\"service_name\":\"upload_month_member\","
                + "\"data_target\":\"cloud\",\"card_id\":\"C1\",\"create_time\":1,\"update_time\":1,"
                + "\"car_number\":\"京A1\",\"operate_type\":3}");
    }

    @Test
    void monthPayRecord213KeepsTheNotesFieldsTheBoothSends() throws Exception {
        // user_id (用户编号, N) is no field of the booth's: read and dropped; "32" is written as "32.00"
        MonthPayRecord r = golden("{\"service_name\":\"month_pay_record\",\"data_target\":\"cloud\","
                        + "\"trade_no\":\"20171109141225882521783\",\"card_id\":\"103105\",\"pay_time\":1517644013,"
                        + "\"amount_receivable\":\"0.01\",\"amount_pay\":\"32\",\"pay_type\":\"电子支付\","
                        + "\"collector\":\"张三\",\"buy_month\":1,\"car_number\":\"京HHHHHH\",\"user_id\":\"1234561\","
                        + "\"limit_time\":1517759999,\"resume\":\"公众号续费\"}",
                MonthPayRecord::fromJson, MonthPayRecord::toJson,
                "{\"service_name\":\"month_pay_record\",\"data_target\":\"cloud\","
                        + "\"trade_no\":\"20171109141225882521783\",\"card_id\":\"103105\",\"pay_time\":1517644013,"
                        + "\"amount_receivable\":\"0.01\",\"amount_pay\":\"32.00\",\"pay_type\":\"电子支付\","
                        + "\"collector\":\"张三\",\"buy_month\":1,\"car_number\":\"京HHHHHH\","
                        + "\"limit_time\":1517759999,\"resume\":\"公众号续费\"}", "2.13");
        assertThat(r.amountPayFen()).isEqualTo(3200L);
        assertThat(r.amountReceivableFen()).isEqualTo(1L);
    }

    @Test
    void gate214LeavesOutTheExamplesResumeWhichTheTableDoesNotList() throws Exception {
        golden("{\"service_name\":\"upload_gate\",\"data_target\":\"cloud\",\"passname\":\"测试2222\",\"operate_type\":1,"
                        + "\"passtype\":2,\"resume\":\"ceshi111\",\"channel_id\":\"aaa1\",\"device_no\":\"777881\"}",
                UploadGate::fromJson, UploadGate::toJson,
                "{\"service_name\":\"upload_gate\",\"data_target\":\"cloud\",\"passname\":\"测试2222\",\"passtype\":2,"
                        + "\"operate_type\":1,\"channel_id\":\"aaa1\",\"device_no\":\"777881\"}", "2.14");
    }

    @Test
    void blackuser215WritesTheExamplesTextOperateTypeAsTheDocumentedNumber() throws Exception {
        golden("{\"service_name\":\"upload_blackuser\",\"data_target\":\"cloud\",\"black_uuid\":\"测试1\","
                        + "\"operate_type\":\"1\",\"car_number\":\"京A01010\",\"create_time\":1510213013,"
                        + "\"resume\":\"ceshi111\"}",
                UploadBlackuser::fromJson, UploadBlackuser::toJson,
                "{\"service_name\":\"upload_blackuser\",\"data_target\":\"cloud\",\"black_uuid\":\"测试1\","
                        + "\"car_number\":\"京A01010\",\"create_time\":1510213013,\"resume\":\"ceshi111\","
                        + "\"operate_type\":1}", "2.15");
    }

    @Test
    void carType216IsTheNotesExampleInTheTablesOrder() throws Exception {
        golden("{\"service_name\":\"upload_car_type\",\"data_target\":\"cloud\",\"car_type_id\":\"测试2a\","
                        + "\"operate_type\":1,\"create_time\":1510216057,\"update_time\":1510803237,\"name\":\"大车\","
                        + "\"sort\":1}",
                UploadCarType::fromJson, UploadCarType::toJson,
                "{\"service_name\":\"upload_car_type\",\"data_target\":\"cloud\",\"car_type_id\":\"测试2a\","
                        + "\"name\":\"大车\",\"create_time\":1510216057,\"update_time\":1510803237,\"sort\":1,"
                        + "\"operate_type\":1}", "2.16");
    }

    @Test
    void prepayCardRecord226IsTheNotesExample() throws Exception {
        PrepayCardRecord r = golden("{\"service_name\":\"prepay_card_record\",\"data_target\":\"cloud\","
                        + "\"card_id\":\"10005\",\"car_number\":\"啊A111112\",\"trade_no\":\"000000000000\","
                        + "\"pay_time\":1544241098,\"total_price\":\"20.98\"}",
                PrepayCardRecord::fromJson, PrepayCardRecord::toJson,
                "{\"service_name\":\"prepay_card_record\",\"data_target\":\"cloud\",\"trade_no\":\"000000000000\","
                        + "\"card_id\":\"10005\",\"pay_time\":1544241098,\"car_number\":\"啊A111112\","
                        + "\"total_price\":\"20.98\"}", "2.26");
        assertThat(r.totalPriceFen()).isEqualTo(2098L);
        // actual_money is typed Number in the notes: written as a yuan number
        assertThat(WireCodec.toJson(new PrepayCardRecord("T", "C", 1L, "现金", "京A1", 2000L, 1950L).toJson()))
                .endsWith("\"total_price\":\"20.00\",\"actual_money\":19.50}");
    }

    @Test
    void ticketDeduction229SendsTheNumericTicketIdAsANumberAndYuanWithoutTheUnit() throws Exception {
        // the example's deduction_amount "20元" carries its unit: read tolerantly as unknown, the booth writes yuan
        ObjectNode example = json("{\"service_name\":\"upload_ticket_deduction\",\"data_target\":\"cloud\","
                + "\"ticket_id\":5000161,\"car_number\":\"京ABC9991\",\"shop_name\":\"111木哈哈\","
                + "\"order_id\":\"121212\",\"use_time\":1550655428,\"deduction_amount\":\"20元\",\"remark\":\"1915\"}");
        UploadTicketDeduction read = UploadTicketDeduction.fromJson(example);
        assertThat(read.ticketId()).isEqualTo("5000161");
        assertThat(read.deductionAmountFen()).isNull();
        UploadTicketDeduction r = new UploadTicketDeduction(read.ticketId(), read.carNumber(), read.shopName(),
                read.orderId(), read.useTime(), 2000L, read.remark());
        ObjectNode written = r.toJson();
        assertThat(WireCodec.toJson(written)).isEqualTo("{\"service_name\":\"upload_ticket_deduction\","
                + "\"data_target\":\"cloud\",\"ticket_id\":5000161,\"car_number\":\"京ABC9991\","
                + "\"shop_name\":\"111木哈哈\",\"order_id\":\"121212\",\"use_time\":1550655428,"
                + "\"deduction_amount\":\"20.00\",\"remark\":\"1915\"}");
        assertClean(written, "2.29");
        assertThat(UploadTicketDeduction.fromJson(written)).isEqualTo(r);
        // a ticket id that is no number is sent as text
        assertThat(new UploadTicketDeduction("T-1", "京A1", "店", "o", 1L, 100L, null).toJson().path("ticket_id")
                .isTextual()).isTrue();
    }

    @Test
    void strictWhenWrittenEveryBrokenRuleIsNamed() {
        assertThatThrownBy(() -> new UploadCollector(null, "小王".repeat(13), 1L, 1L, 1, null).toJson())
                .isInstanceOf(MessageValidationException.class)
                .hasMessageContaining("user_id").hasMessageContaining("operate_type")
                .hasMessageContaining("max length 24");
        assertThatThrownBy(() -> new UploadGate("出口", 1, 1, "", null, null).toJson())
                .hasMessageContaining("channel_id");
        assertThatThrownBy(() -> new UploadCarType("t1", "大车", -1L, null, 1, 1).toJson())
                .hasMessageContaining("create_time").hasMessageContaining(">= 0");
        assertThatThrownBy(() -> new MonthPayRecord("T", null, 1L, 1L, 1L, "电子支付电子支付电子支付电子支付", null, null,
                null, null, null, null).toJson()).hasMessageContaining("card_id").hasMessageContaining("pay_type");
        assertThatThrownBy(() -> new UploadBlackuser("B1", "京A1", null, 1L, "x".repeat(49), 1).toJson())
                .hasMessageContaining("resume");
        assertThatThrownBy(() -> new UploadTicketDeduction("", "京A1", null, null, null, null, null).toJson())
                .hasMessageContaining("ticket_id");
        assertThatThrownBy(() -> new PrepayCardRecord(null, "C", 1L, null, null, null, null).toJson())
                .hasMessageContaining("trade_no");
    }
}
