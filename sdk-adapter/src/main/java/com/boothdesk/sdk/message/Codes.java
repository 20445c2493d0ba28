package com.boothdesk.sdk.message;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;

/**
 * Section 5 enumerations (数据定义). Reading never fails on an unknown code: {@link #read} returns a {@link Coded}
 * that keeps the raw value and prints it as "unknown", so a new code from the cloud stays visible in logs and on
 * screen.
 */
public final class Codes {

    private Codes() {
    }

    /** A code table entry. */
    public interface Code {
        /** The value on the wire. */
        String code();

        /** The protocol's Chinese label. */
        String label();
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

    /** 5.1.3 订单支付类型 pay_type. */
    public enum PayType implements Code {
        CASH("cash", "现金支付"), WALLET("wallet", "电子钱包/免密支付"), SWEEPCODE("sweepcode", "扫码枪支付(被扫)"),
        SCANCODE("scancode", "通道扫码支付(主扫)"), MONTHUSER("monthuser", "月卡支付"), FREE("free", "免费放行"),
        ESCAPE("escape", "逃单出场"), ETC_PAY("etc_pay", "ETC"), AUTH_CODE("auth_code", "付款码(智慧屏)"),
        REPAIR("repair", "追缴");

        private final String code;
        private final String label;

        PayType(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** 5.1.12 订单支付通道 pay_channel. */
    public enum PayChannel implements Code {
        WECHAT("0", "微信"), ALIPAY("1", "支付宝"), BALANCE("2", "余额"), UNIONPAY("3", "银联"), CCB("4", "建行");

        private final String code;
        private final String label;

        PayChannel(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** pay_scene of 3.1 query_price (numeric). */
    public enum PriceQueryScene implements Code {
        IN_LOT_PREPAY("0", "场内预付"), EXIT_PENDING("1", "结算待支付"), NO_PLATE("2", "无牌车请求结算");

        private final String code;
        private final String label;

        PriceQueryScene(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** pay_scene of 2.19 query_order (text). */
    public enum PayScene implements Code {
        PREPAY("prepay", "预付"), OUTPAY("outpay", "出口直付");

        private final String code;
        private final String label;

        PayScene(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** 5.1.11 网络状态 net_status. */
    public enum NetStatus implements Code {
        DOWN("0", "不通"), UP("1", "通畅");

        private final String code;
        private final String label;

        NetStatus(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** Generic reply state (0 失败, 1 成功, 2 支付中/等待处理中). */
    public enum State implements Code {
        FAILED("0", "失败"), OK("1", "成功"), PENDING("2", "支付中/等待处理中");

        private final String code;
        private final String label;

        State(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** car_cost_type 车辆种类 (2.1). */
    public enum CarCostType implements Code {
        TEMPORARY("1", "临停车"), MONTHLY("2", "月卡车"), WHITELIST("3", "白名单车"), NO_PLATE("4", "无牌车"),
        GUEST("5", "贵宾车"), VIP("6", "VIP"), INTERNAL("7", "内部车"), MONTHLY_MULTI("8", "月卡多位多车"),
        STORED_VALUE("9", "储值车");

        private final String code;
        private final String label;

        CarCostType(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** license_color 车牌颜色. */
    public enum LicenseColor implements Code {
        BLUE("0", "蓝色"), YELLOW("1", "黄色"), WHITE("2", "白色"), BLACK("3", "黑色"), NEW_ENERGY("4", "新能源"),
        YELLOW_GREEN("5", "黄绿色"), BLUE_WHITE("6", "蓝白渐变色"), OTHER("7", "其他");

        private final String code;
        private final String label;

        LicenseColor(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** 5.1.6 操作类型 operate_type (4 修改有效期 appears in 3.7). */
    public enum OperateType implements Code {
        ADD("1", "添加"), MODIFY("2", "修改"), DELETE("3", "删除"), MODIFY_VALIDITY("4", "修改有效期");

        private final String code;
        private final String label;

        OperateType(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** 5.1.4 锁车标记 is_locked / islocked. */
    public enum LockState implements Code {
        UNLOCKED("0", "解锁"), LOCKED("1", "加锁");

        private final String code;
        private final String label;

        LockState(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** ticket_type 优惠券类型 (3.12). */
    public enum TicketType implements Code {
        AMOUNT("0", "减免金额"), DURATION("1", "减免时长"), FULL_FREE("2", "全免券"), DISCOUNT("3", "折扣券"),
        EXTERNAL("4", "外部优惠券"), FREE_UNTIL("5", "指定截止时间的全免券");

        private final String code;
        private final String label;

        TicketType(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }

    /** data_target 数据上传位置. */
    public enum DataTarget implements Code {
        CLOUD("cloud", "停车云"), BOLINK("bolink", "泊链"), WISDOM_SCREEN("wisdom_screen", "智慧屏"),
        THREE("three", "第三方平台");

        private final String code;
        private final String label;

        DataTarget(String code, String label) {
            this.code = code;
            this.label = label;
        }

        @Override
        public String code() {
            return code;
        }

        @Override
        public String label() {
            return label;
        }
    }
}
