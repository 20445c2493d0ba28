package com.boothdesk.sdk.message;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import java.util.Arrays;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Section 5 enumerations (数据定义) and the code tables of the field descriptions. Reading never fails on an unknown
 * code: {@link #read} returns a {@link Coded} that keeps the raw value and prints it as "unknown", so a new code from
 * the cloud stays visible in logs and on screen; {@link #write} writes it back unchanged.
 *
 * <p>Not tables here, because the notes have no values: sex (doc 5.1.5), the 2.11 lift reason (doc 5.1.9), car_type /
 * c_type / out_type of 2.1 / 2.2 (free text the park defines). refund_channel (3.23) is read with {@link PayChannel}
 * (the notes infer the same meaning). The 3.4 outpark state uses {@link State}.
 */
public final class Codes {

    private static final Pattern INTEGER = Pattern.compile("-?\\d+");

    private Codes() {
    }

    /** A code table entry: each table's constants carry an {@link Entry}. */
    public interface Code {
        Entry entry();

        /** The value on the wire. */
        default String code() {
            return entry().code();
        }

        /** The protocol's Chinese label. */
        default String label() {
            return entry().label();
        }
    }

    /**
     * The wire value and Chinese label of one table constant.
     *
     * @param code  the value on the wire
     * @param label the protocol's label
     */
    public record Entry(String code, String label) {
    }

    /**
     * A value read from the wire: the known constant if any, and always the raw text.
     *
     * @param known the constant, empty for a code the notes do not list
     * @param raw   the value as received
     */
    public record Coded<E extends Enum<E> & Code>(Optional<E> known, String raw) {

        public boolean isKnown() {
            return known.isPresent();
        }

        @Override
        public String toString() {
            return known.map(k -> k.code() + " " + k.label()).orElse(raw + " (unknown code)");
        }
    }

    /** Reads a code from a JSON value (number or text); an absent value reads as raw "". */
    public static <E extends Enum<E> & Code> Coded<E> read(Class<E> type, JsonNode value) {
        String raw = value == null || value.isNull() ? "" : value.asText().strip();
        for (E e : type.getEnumConstants()) {
            if (e.code().equals(raw)) {
                return new Coded<E>(Optional.of(e), raw);
            }
        }
        return new Coded<E>(Optional.<E>empty(), raw);
    }

    /** Wraps a known constant, e.g. to write it with {@link #write}. */
    public static <E extends Enum<E> & Code> Coded<E> of(E code) {
        return new Coded<E>(Optional.of(code), code.code());
    }

    /**
     * The wire form of a code: a JSON number when every code of the table is an integer (the tables' Number fields),
     * text otherwise. An unknown code is written exactly as it was read (a number stays a number when it is one), so
     * reading and writing round-trip; an absent code (raw "") is written as JSON null.
     */
    public static <E extends Enum<E> & Code> JsonNode write(Class<E> type, Coded<E> value) {
        String raw = value.raw();
        if (raw.isEmpty()) {
            return JsonNodeFactory.instance.nullNode();
        }
        if (isNumeric(type) && INTEGER.matcher(raw).matches() && raw.length() < 19) {
            long n = Long.parseLong(raw);
            // an int node when it fits, as Jackson reads small numbers, so a read value compares equal
            return n == (int) n ? JsonNodeFactory.instance.numberNode((int) n) : JsonNodeFactory.instance.numberNode(n);
        }
        return JsonNodeFactory.instance.textNode(raw);
    }

    /** True when every code of the table is an integer (the field is a Number on the wire). */
    public static <E extends Enum<E> & Code> boolean isNumeric(Class<E> type) {
        E[] all = type.getEnumConstants();
        return all.length > 0 && Arrays.stream(all).allMatch(e -> INTEGER.matcher(e.code()).matches());
    }

    /** 5.1.3 订单支付类型 pay_type. */
    public enum PayType implements Code {
        CASH("cash", "现金支付"), WALLET("wallet", "电子钱包/免密支付"), SWEEPCODE("sweepcode", "扫码枪支付(被扫)"),
        SCANCODE("scancode", "通道扫码支付(主扫)"), MONTHUSER("monthuser", "月卡支付"), FREE("free", "免费放行"),
        ESCAPE("escape", "逃单出场"), ETC_PAY("etc_pay", "ETC"), AUTH_CODE("auth_code", "付款码(智慧屏)"),
        REPAIR("repair", "追缴");

        private final Entry entry;

        PayType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** 5.1.12 订单支付通道 pay_channel. */
    public enum PayChannel implements Code {
        WECHAT("0", "微信"), ALIPAY("1", "支付宝"), BALANCE("2", "余额"), UNIONPAY("3", "银联"), CCB("4", "建行");

        private final Entry entry;

        PayChannel(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** pay_scene of 3.1 query_price (numeric). */
    public enum PriceQueryScene implements Code {
        IN_LOT_PREPAY("0", "场内预付"), EXIT_PENDING("1", "结算待支付"), NO_PLATE("2", "无牌车请求结算");

        private final Entry entry;

        PriceQueryScene(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** pay_scene of 2.19 query_order (text). */
    public enum PayScene implements Code {
        PREPAY("prepay", "预付"), OUTPAY("outpay", "出口直付");

        private final Entry entry;

        PayScene(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** 5.1.11 网络状态 net_status. */
    public enum NetStatus implements Code {
        DOWN("0", "不通"), UP("1", "通畅");

        private final Entry entry;

        NetStatus(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** Generic reply state (0 失败, 1 成功, 2 支付中/等待处理中). */
    public enum State implements Code {
        FAILED("0", "失败"), OK("1", "成功"), PENDING("2", "支付中/等待处理中");

        private final Entry entry;

        State(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** car_cost_type 车辆种类 (2.1). */
    public enum CarCostType implements Code {
        TEMPORARY("1", "临停车"), MONTHLY("2", "月卡车"), WHITELIST("3", "白名单车"), NO_PLATE("4", "无牌车"),
        GUEST("5", "贵宾车"), VIP("6", "VIP"), INTERNAL("7", "内部车"), MONTHLY_MULTI("8", "月卡多位多车"),
        STORED_VALUE("9", "储值车");

        private final Entry entry;

        CarCostType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** license_color 车牌颜色. */
    public enum LicenseColor implements Code {
        BLUE("0", "蓝色"), YELLOW("1", "黄色"), WHITE("2", "白色"), BLACK("3", "黑色"), NEW_ENERGY("4", "新能源"),
        YELLOW_GREEN("5", "黄绿色"), BLUE_WHITE("6", "蓝白渐变色"), OTHER("7", "其他");

        private final Entry entry;

        LicenseColor(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** 5.1.6 操作类型 operate_type (4 修改有效期 appears in 3.7). */
    public enum OperateType implements Code {
        ADD("1", "添加"), MODIFY("2", "修改"), DELETE("3", "删除"), MODIFY_VALIDITY("4", "修改有效期");

        private final Entry entry;

        OperateType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** 5.1.4 锁车标记 is_locked / islocked. */
    public enum LockState implements Code {
        UNLOCKED("0", "解锁"), LOCKED("1", "加锁");

        private final Entry entry;

        LockState(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** ticket_type 优惠券类型 (3.12). */
    public enum TicketType implements Code {
        AMOUNT("0", "减免金额"), DURATION("1", "减免时长"), FULL_FREE("2", "全免券"), DISCOUNT("3", "折扣券"),
        EXTERNAL("4", "外部优惠券"), FREE_UNTIL("5", "指定截止时间的全免券");

        private final Entry entry;

        TicketType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** data_target 数据上传位置. */
    public enum DataTarget implements Code {
        CLOUD("cloud", "停车云"), BOLINK("bolink", "泊链"), WISDOM_SCREEN("wisdom_screen", "智慧屏"),
        THREE("three", "第三方平台");

        private final Entry entry;

        DataTarget(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** prepay_type 预付类型 of 3.2 prepay_order (default 1; the older book lists only 1 and 2). */
    public enum PrepayType implements Code {
        ELECTRONIC("1", "电子"), CENTRAL_CASH("2", "中央缴费机现金"), CASH("3", "现金预付");

        private final Entry entry;

        PrepayType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** account_type 到账类型 of 3.2 prepay_order and 3.21 prepay_card_trade_sync. */
    public enum AccountType implements Code {
        EXPENSE("0", "支出"), INCOME("1", "收入");

        private final Entry entry;

        AccountType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** pay_company 支付公司 of 3.2 prepay_order. */
    public enum PayCompany implements Code {
        WECHAT("0", "微信"), ALIPAY("1", "支付宝");

        private final Entry entry;

        PayCompany(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** pay_account 是否支持清算 of 3.2 prepay_order. */
    public enum PayAccount implements Code {
        NO_CLEARING("0", "不支持清算"), CLEARING("1", "支持清算");

        private final Entry entry;

        PayAccount(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** ticket_unit 优惠单位 of 3.12 deliver_ticket (the unit of a duration ticket). */
    public enum TicketUnit implements Code {
        MINUTE("1", "分钟"), HOUR("2", "小时"), DAY("3", "天");

        private final Entry entry;

        TicketUnit(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** discount_type 优惠类型 of the month-card price queries 3.11 query_prodprice and 3.34 query_newprodprice. */
    public enum DiscountType implements Code {
        DISCOUNT("0", "折扣"), FREE_PERIOD("1", "免收周期"), RECEIVABLE("2", "应收金额");

        private final Entry entry;

        DiscountType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** passtype 进出方向 as 2.14 upload_gate documents it (0 入口, 1 出口, 2 出入口). Used to WRITE 2.14.
     * The 3.13 page documents the opposite reading, see {@link GateSyncPassType}; only 2 (出入口) agrees. */
    public enum UploadGatePassType implements Code {
        ENTRY("0", "入口"), EXIT("1", "出口"), BOTH("2", "出入口");

        private final Entry entry;

        UploadGatePassType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /**
     * passtype 进出方向 as 3.13 gate_sync documents it (1 入口, 0 出口, 2 出入口), the opposite of 2.14's page
     * ({@link UploadGatePassType}). Used to READ 3.13 (the 2018 cloud code's default "1" = 入口 agrees with this
     * page).
     */
    public enum GateSyncPassType implements Code {
        EXIT("0", "出口"), ENTRY("1", "入口"), BOTH("2", "出入口");

        private final Entry entry;

        GateSyncPassType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** state 员工上下班类型 of 2.5 work_record (doc 5.1.7). */
    public enum WorkState implements Code {
        ON_DUTY("0", "上班"), OFF_DUTY("1", "下班");

        private final Entry entry;

        WorkState(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** operate 道闸命令 of 2.11 upload_liftrod and 3.18 operate_liftrod. */
    public enum LiftrodOperate implements Code {
        LIFT("0", "抬杆"), DROP("1", "落杆");

        private final Entry entry;

        LiftrodOperate(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** is_exist 是否是泊链会员 of 4.1 pay_status (doc 5.1.10; values from the examples). */
    public enum IsExist implements Code {
        NO("0", "不是"), YES("1", "是");

        private final Entry entry;

        IsExist(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** autopay 免密/无感 of 4.1 pay_status and 4.2 update_balance. */
    public enum Autopay implements Code {
        UNSUPPORTED("0", "不支持免密/无感"), SUPPORTED("1", "支持免密/无感");

        private final Entry entry;

        Autopay(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** state of an order in the 2.30 query_blpay answer. */
    public enum BlpayOrderState implements Code {
        SETTLED("1", "已结算"), PREPAID("2", "已预付"), REFUNDED("3", "已退款"), REFUNDING("4", "退款中");

        private final Entry entry;

        BlpayOrderState(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** 停车云's order lock state after a 3.9 lock_car answer (from the 2018 cloud code; 2 and 4 are not used). */
    public enum LockOrderState implements Code {
        UNLOCKED("0", "未锁"), LOCKED("1", "已锁"), LOCK_FAILED("3", "锁车失败"), UNLOCK_FAILED("5", "解锁失败");

        private final Entry entry;

        LockOrderState(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** car_type 月卡类型 of 3.7 month_member_sync and 3.40 query_car_info (not the free-text car_type of 2.1 / 2.2). */
    public enum MonthCardCarType implements Code {
        INTERNAL("0", "内部车"), MONTHLY("1", "月租车"), HOURLY("2", "时租车");

        private final Entry entry;

        MonthCardCarType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** period 月卡套餐周期 (text codes) of 2.8 / 3.6 / 3.11. */
    public enum Period implements Code {
        DAY("天", "天"), MONTH("月", "月"), QUARTER("季", "季"), HALF_YEAR("半年", "半年"), YEAR("年", "年");

        private final Entry entry;

        Period(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** limit_day_type 单双日限行 of 2.10 upload_month_member. */
    public enum LimitDayType implements Code {
        UNLIMITED("0", "不限制"), LIMITED("1", "限制");

        private final Entry entry;

        LimitDayType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** calculation_method 减免方式 of 2.34 upload_duration_info. */
    public enum CalculationMethod implements Code {
        BY_DURATION("1", "根据时长减免"), BY_FEE("2", "根据费用减免"), BY_PARK("3", "停车场决定");

        private final Entry entry;

        CalculationMethod(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** type 车辆类别 of 3.40 query_car_info. */
    public enum CarInfoType implements Code {
        MONTHLY("0", "月卡车"), SPECIAL("1", "特殊车");

        private final Entry entry;

        CarInfoType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** reason 限入原因 of 2.42 park_check (not the 2.11 lift reason, whose table 5.1.9 the notes lack). */
    public enum ParkCheckReason implements Code {
        NONE("0", "无"), NOT_MEMBER("1", "非会员限入"), CITY_BLACKLIST("2", "市级黑名单车限入"), OTHER("99", "其他原因");

        private final Entry entry;

        ParkCheckReason(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** status 判定结果 of 2.42 park_check. */
    public enum ParkCheckStatus implements Code {
        REJECTED("0", "不通过"), PASSED("1", "通过");

        private final Entry entry;

        ParkCheckStatus(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** share_status 共享停车预约 of 2.42 park_check. */
    public enum ShareStatus implements Code {
        NOT_BOOKED("0", "未预约"), BOOKED("1", "已预约共享停车");

        private final Entry entry;

        ShareStatus(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** type of 7.3 out (出场订单推送到智慧屏). */
    public enum ScreenOutType implements Code {
        MONTHLY("1", "月卡"), NO_FEE("2", "无需缴费"), PAID("3", "缴费成功"), TO_PAY("4", "待支付缴费金额信息");

        private final Entry entry;

        ScreenOutType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** type of 7.4 sweepcode (智慧屏被扫). */
    public enum ScreenSweepType implements Code {
        PAYMENT_CODE("1", "手机付款码"), PAID_QR("2", "支付成功二维码被扫");

        private final Entry entry;

        ScreenSweepType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** cam_info 相机品牌 of 7.2 init_screen. */
    public enum CamInfo implements Code {
        HUAXIA_ZHIXIN("1", "华夏智信"), ZHENSHI("2", "臻识"), QIANYI("3", "芊熠");

        private final Entry entry;

        CamInfo(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** picture_source 图片来源 of 2.12 upload_carpic (text codes). */
    public enum PictureSource implements Code {
        ORDER("order", "订单"), LIFTROD("liftrod", "异常抬杆"), CONFIRM("confirm", "模糊匹配确认"),
        CAPTURE("capture", "监控抓拍(3.31)");

        private final Entry entry;

        PictureSource(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }

    /** park_order_type 入场/出场图片 of 2.12 upload_carpic (text codes). */
    public enum ParkOrderType implements Code {
        IN("in", "入场"), OUT("out", "出场");

        private final Entry entry;

        ParkOrderType(String code, String label) {
            this.entry = new Entry(code, label);
        }

        @Override
        public Entry entry() {
            return entry;
        }
    }
}
