package com.boothdesk.sdk.message;

import static org.assertj.core.api.Assertions.assertThat;

import com.boothdesk.sdk.wire.WireCodec;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Every code table of {@link Codes} against the notes (cloud-protocol.md §5 and the field tables). */
class CodeTablesTest {

    private static final JsonNodeFactory N = JsonNodeFactory.instance;

    /** Transcribed from the notes by hand: code and label of every entry, in the notes' order. */
    private static final Map<Class<?>, List<String>> EXPECTED = new LinkedHashMap<>();

    static {
        put(Codes.PayType.class, "cash 现金支付", "wallet 电子钱包/免密支付", "sweepcode 扫码枪支付(被扫)",
                "scancode 通道扫码支付(主扫)", "monthuser 月卡支付", "free 免费放行", "escape 逃单出场", "etc_pay ETC",
                "auth_code 付款码(智慧屏)", "repair 追缴");
        put(Codes.PayChannel.class, "0 微信", "1 支付宝", "2 余额", "3 银联", "4 建行");
        put(Codes.PriceQueryScene.class, "0 场内预付", "1 结算待支付", "2 无牌车请求结算");
        put(Codes.PayScene.class, "prepay 预付", "outpay 出口直付");
        put(Codes.NetStatus.class, "0 不通", "1 通畅");
        put(Codes.State.class, "0 失败", "1 成功", "2 支付中/等待处理中");
        put(Codes.CarCostType.class, "1 临停车", "2 月卡车", "3 白名单车", "4 无牌车", "5 贵宾车", "6 VIP", "7 内部车",
                "8 月卡多位多车", "9 储值车");
        put(Codes.LicenseColor.class, "0 蓝色", "1 黄色", "2 白色", "3 黑色", "4 新能源", "5 黄绿色", "6 蓝白渐变色", "7 其他");
        put(Codes.OperateType.class, "1 添加", "2 修改", "3 删除", "4 修改有效期");
        put(Codes.LockState.class, "0 解锁", "1 加锁");
        put(Codes.TicketType.class, "0 减免金额", "1 减免时长", "2 全免券", "3 折扣券", "4 外部优惠券", "5 指定截止时间的全免券");
        put(Codes.DataTarget.class, "cloud 停车云", "bolink 泊链", "wisdom_screen 智慧屏", "three 第三方平台");
        put(Codes.PrepayType.class, "1 电子", "2 中央缴费机现金", "3 现金预付");
        put(Codes.AccountType.class, "0 支出", "1 收入");
        put(Codes.PayCompany.class, "0 微信", "1 支付宝");
        put(Codes.PayAccount.class, "0 不支持清算", "1 支持清算");
        put(Codes.TicketUnit.class, "1 分钟", "2 小时", "3 天");
        put(Codes.DiscountType.class, "0 折扣", "1 免收周期", "2 应收金额");
        put(Codes.UploadGatePassType.class, "0 入口", "1 出口", "2 出入口");
        put(Codes.GateSyncPassType.class, "0 出口", "1 入口", "2 出入口");
        put(Codes.WorkState.class, "0 上班", "1 下班");
        put(Codes.LiftrodOperate.class, "0 抬杆", "1 落杆");
        put(Codes.IsExist.class, "0 不是", "1 是");
        put(Codes.Autopay.class, "0 不支持免密/无感", "1 支持免密/无感");
        put(Codes.BlpayOrderState.class, "1 已结算", "2 已预付", "3 已退款", "4 退款中");
        put(Codes.LockOrderState.class, "0 未锁", "1 已锁", "3 锁车失败", "5 解锁失败");
        put(Codes.MonthCardCarType.class, "0 内部车", "1 月租车", "2 时租车");
        put(Codes.Period.class, "天 天", "月 月", "季 季", "半年 半年", "年 年");
        put(Codes.LimitDayType.class, "0 不限制", "1 限制");
        put(Codes.CalculationMethod.class, "1 根据时长减免", "2 根据费用减免", "3 停车场决定");
        put(Codes.CarInfoType.class, "0 月卡车", "1 特殊车");
        put(Codes.ParkCheckReason.class, "0 无", "1 非会员限入", "2 市级黑名单车限入", "99 其他原因");
        put(Codes.ParkCheckStatus.class, "0 不通过", "1 通过");
        put(Codes.ShareStatus.class, "0 未预约", "1 已预约共享停车");
        put(Codes.ScreenOutType.class, "1 月卡", "2 无需缴费", "3 缴费成功", "4 待支付缴费金额信息");
        put(Codes.ScreenSweepType.class, "1 手机付款码", "2 支付成功二维码被扫");
        put(Codes.CamInfo.class, "1 华夏智信", "2 臻识", "3 芊熠");
        put(Codes.PictureSource.class, "order 订单", "liftrod 异常抬杆", "confirm 模糊匹配确认", "capture 监控抓拍(3.31)");
        put(Codes.ParkOrderType.class, "in 入场", "out 出场");
    }

    private static void put(Class<?> table, String... entries) {
        EXPECTED.put(table, List.of(entries));
    }

    static Stream<Arguments> tables() {
        return EXPECTED.keySet().stream().map(c -> Arguments.of(c.getSimpleName(), c));
    }

    @Test
    void everyTableOfCodesIsCheckedHere() {
        List<Class<?>> tables = Arrays.stream(Codes.class.getDeclaredClasses())
                .filter(Class::isEnum).filter(Codes.Code.class::isAssignableFrom).toList();
        assertThat(EXPECTED.keySet()).containsExactlyInAnyOrderElementsOf(tables);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <E extends Enum<E> & Codes.Code> void knownCodesMatchTheNotes(String name, Class<E> table) {
        List<String> actual = Arrays.stream(table.getEnumConstants()).map(e -> e.code() + " " + e.label()).toList();
        assertThat(actual).containsExactlyElementsOf(EXPECTED.get(table));
        for (E e : table.getEnumConstants()) {
            JsonNode wire = Codes.isNumeric(table) ? N.numberNode(Integer.parseInt(e.code())) : N.textNode(e.code());
            Codes.Coded<E> read = Codes.read(table, wire);
            assertThat(read.known()).as(e.code()).contains(e);
            assertThat(read.toString()).isEqualTo(e.code() + " " + e.label());
            assertThat(Codes.write(table, read)).isEqualTo(wire);
            assertThat(Codes.write(table, Codes.of(e))).isEqualTo(wire);
        }
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("tables")
    <E extends Enum<E> & Codes.Code> void unknownCodeStaysReadableAndRoundTrips(String name, Class<E> table) {
        JsonNode unknown = Codes.isNumeric(table) ? N.numberNode(777) : N.textNode("brand_new");
        Codes.Coded<E> read = Codes.read(table, unknown);
        assertThat(read.isKnown()).isFalse();
        assertThat(read.toString()).isEqualTo(unknown.asText() + " (unknown code)");
        JsonNode written = Codes.write(table, read);
        assertThat(written).isEqualTo(unknown);
        assertThat(Codes.read(table, written)).isEqualTo(read);
        String line = WireCodec.toJson(WireCodec.MAPPER.createObjectNode().set("f", written));
        assertThat(line).isEqualTo("{\"f\":" + unknown + "}");
    }

    @Test
    void numberSentAsTextIsReadAndWrittenAsTheDocumentedNumber() {
        Codes.Coded<Codes.PrepayType> c = Codes.read(Codes.PrepayType.class, N.textNode(" 2 "));
        assertThat(c.known()).contains(Codes.PrepayType.CENTRAL_CASH);
        assertThat(Codes.write(Codes.PrepayType.class, c)).isEqualTo(N.numberNode(2));
        Codes.Coded<Codes.AccountType> odd = Codes.read(Codes.AccountType.class, N.textNode("x1"));
        assertThat(odd.isKnown()).isFalse();
        assertThat(Codes.write(Codes.AccountType.class, odd)).isEqualTo(N.textNode("x1"));
        assertThat(Codes.write(Codes.AccountType.class, Codes.read(Codes.AccountType.class, null)).isNull()).isTrue();
    }

    @Test
    void theTwoPassTypeReadingsDisagreeExceptForBothDirections() {
        JsonNode zero = N.numberNode(0);
        assertThat(Codes.read(Codes.UploadGatePassType.class, zero).known()).contains(Codes.UploadGatePassType.ENTRY);
        assertThat(Codes.read(Codes.GateSyncPassType.class, zero).known()).contains(Codes.GateSyncPassType.EXIT);
        JsonNode two = N.textNode("2");
        assertThat(Codes.read(Codes.UploadGatePassType.class, two).known()).contains(Codes.UploadGatePassType.BOTH);
        assertThat(Codes.read(Codes.GateSyncPassType.class, two).known()).contains(Codes.GateSyncPassType.BOTH);
    }
}
