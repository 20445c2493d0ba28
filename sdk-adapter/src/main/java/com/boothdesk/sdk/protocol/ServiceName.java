package com.boothdesk.sdk.protocol;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

import com.boothdesk.sdk.protocol.MessageSpec.Direction;

/**
 * Every wire {@code service_name} of the protocol, one constant per name, with the ToC entries it belongs to
 * ({@code pay_notice} is both 3.25 and 3.36). {@code ServiceNameTest} checks that this list and {@link Catalogue}
 * agree entry for entry, so a name added to one and not the other fails the build.
 *
 * <p>The protocol's irregular cases are data here, not string comparisons spread over the code:
 * <ul>
 *   <li>2.16 {@code upload_car_type} is answered as {@code car_type_upload}, its key named {@code cartype_id};</li>
 *   <li>2.44 answers {@code message} where every other answer says {@code errmsg};</li>
 *   <li>the city-platform uplinks 2.39–2.43 travel inside a {@code parkInfo} envelope (outer service_name
 *       {@code parkInfo}, {@code path} {@code commapi/upMessage}) and are answered under their inner name;</li>
 *   <li>3.38–3.40 are answered through that envelope;</li>
 *   <li>the answers to 泊链 downlinks carry {@code data_target:"bolink"}, every other answer {@code cloud};</li>
 *   <li>4.2 {@code update_balance} gets no answer ("车场无需回复");</li>
 *   <li>questions (3.1, 3.11, 3.34, …) want a fresh answer every time and are never treated as resends;</li>
 *   <li>3.32's name is not in the notes; {@code upload_park_log} is inferred from 3.33's example.</li>
 * </ul>
 * Entries whose name the notes do not give (2.22, 2.25, 2.27, 2.35, 3.26, 3.41, 7.5–7.7) have no constant.
 */
public enum ServiceName {
    LOGIN("login", Direction.UP, "1.1"),
    IN_PARK("in_park", Direction.UP, "2.1"),
    OUT_PARK("out_park", Direction.UP, "2.2"),
    UPLOAD_ORDER("upload_order", Direction.UP, "2.3"),
    UPLOAD_COLLECTOR("upload_collector", Direction.UP, "2.4"),
    WORK_RECORD("work_record", Direction.UP, "2.5"),
    PARK_LOG("park_log", Direction.UP, "2.6"),
    UPLOAD_MONTH_CARD("upload_month_card", Direction.UP, "2.8"),
    UPLOAD_PRICE("upload_price", Direction.UP, "2.9"),
    UPLOAD_MONTH_MEMBER("upload_month_member", Direction.UP, "2.10"),
    UPLOAD_LIFTROD("upload_liftrod", Direction.UP, "2.11"),
    UPLOAD_CARPIC("upload_carpic", Direction.UP, "2.12"),
    MONTH_PAY_RECORD("month_pay_record", Direction.UP, "2.13"),
    UPLOAD_GATE("upload_gate", Direction.UP, "2.14"),
    UPLOAD_BLACKUSER("upload_blackuser", Direction.UP, "2.15"),
    UPLOAD_CAR_TYPE("upload_car_type", Direction.UP, "2.16"),
    UPLOAD_CONFIRM_ORDER("upload_confirm_order", Direction.UP, "2.17"),
    CODE_URL("code_url", Direction.UP, "2.18"),
    QUERY_ORDER("query_order", Direction.UP, "2.19"),
    QUERY_INPARK("query_inpark", Direction.UP, "2.20"),
    QUERY_PARK_DAILYORDER("query_park_dailyorder", Direction.UP, "2.21"),
    CHECK_ACCOUNT("check_account", Direction.UP, "2.23"),
    QUERY_MONTH_CARD("query_month_card", Direction.UP, "2.24"),
    PREPAY_CARD_RECORD("prepay_card_record", Direction.UP, "2.26"),
    QUERY_PREPAY_CARD_BALANCE("query_prepay_card_balance", Direction.UP, "2.28"),
    UPLOAD_TICKET_DEDUCTION("upload_ticket_deduction", Direction.UP, "2.29"),
    QUERY_BLPAY("query_blpay", Direction.UP, "2.30"),
    UPLOAD_INVOICE("upload_invoice", Direction.UP, "2.31"),
    UPLOAD_FILE("upload_file", Direction.UP, "2.32"),
    QUERY_MONTH_CARD_PAGE("query_month_card_page", Direction.UP, "2.33"),
    UPLOAD_DURATION_INFO("upload_duration_info", Direction.UP, "2.34"),
    UPLOAD_PARK_DATA("upload_park_data", Direction.UP, "2.36"),
    ETC_PAY("etc_pay", Direction.UP, "2.37"),
    QUERY_ESCAPE("query_escape", Direction.UP, "2.38"),
    CORRECT_BUSINESS("correct_business", Direction.UP, "2.39"),
    PARKING_BUSINESS_COUNT("parking_business_count", Direction.UP, "2.40"),
    PARKING_BUSINESS_LIST("parking_business_list", Direction.UP, "2.41"),
    PARK_CHECK("park_check", Direction.UP, "2.42"),
    GET_SCREEN_STR("get_screen_str", Direction.UP, "2.43"),
    LATERPAY_ORDER_UPLOAD("laterpay_order_upload", Direction.UP, "2.44"),
    UPLOAD_TICKET("upload_ticket", Direction.UP, "L.1"),
    QUERY_PRICE("query_price", Direction.DOWN, "3.1"),
    PREPAY_ORDER("prepay_order", Direction.DOWN, "3.2"),
    NOLICENCE_IN_PARK("nolicence_in_park", Direction.DOWN, "3.3"),
    OUTPARK("outpark", Direction.DOWN, "3.4"),
    PRICE_SYNC("price_sync", Direction.DOWN, "3.5"),
    MONTH_CARD_SYNC("month_card_sync", Direction.DOWN, "3.6"),
    MONTH_MEMBER_SYNC("month_member_sync", Direction.DOWN, "3.7"),
    COLLECTOR_SYNC("collector_sync", Direction.DOWN, "3.8"),
    LOCK_CAR("lock_car", Direction.DOWN, "3.9"),
    MONTHCARD_PAY("monthcard_pay", Direction.DOWN, "3.10"),
    QUERY_PRODPRICE("query_prodprice", Direction.DOWN, "3.11"),
    DELIVER_TICKET("deliver_ticket", Direction.DOWN, "3.12"),
    GATE_SYNC("gate_sync", Direction.DOWN, "3.13"),
    BLACKUSER_SYNC("blackuser_sync", Direction.DOWN, "3.14"),
    CAR_TYPE_SYNC("car_type_sync", Direction.DOWN, "3.15"),
    MONTH_PAY_SYNC("month_pay_sync", Direction.DOWN, "3.16"),
    CONFIRM_ORDER_INFORM("confirm_order_inform", Direction.DOWN, "3.17"),
    OPERATE_LIFTROD("operate_liftrod", Direction.DOWN, "3.18"),
    VISITOR_SYNC("visitor_sync", Direction.DOWN, "3.19"),
    PREPAY_CARD_SYNC("prepay_card_sync", Direction.DOWN, "3.20"),
    PREPAY_CARD_TRADE_SYNC("prepay_card_trade_sync", Direction.DOWN, "3.21"),
    PASS_THROUGH("pass_through", Direction.DOWN, "3.22"),
    REFUND("refund", Direction.DOWN, "3.23"),
    RECHARGE("recharge", Direction.DOWN, "3.24"),
    PAY_NOTICE("pay_notice", Direction.DOWN, "3.25", "3.36"),
    WHITE_LIST_SYNC("white_list_sync", Direction.DOWN, "3.27"),
    ORDER_ZERO_BALANCE("order_zero_balance", Direction.DOWN, "3.28"),
    REPAIR("repair", Direction.DOWN, "3.29"),
    MEMBER_DISCOUNT("member_discount", Direction.DOWN, "3.30"),
    NOTICE_CAPTURE("notice_capture", Direction.DOWN, "3.31"),
    /** 3.32: name INFERRED from 3.33's request_no example ("upload_park_log1578…"); the notes do not confirm it. */
    UPLOAD_PARK_LOG("upload_park_log", Direction.DOWN, "3.32"),
    UPDATE_PARK_SOFT("update_park_soft", Direction.DOWN, "3.33"),
    QUERY_NEWPRODPRICE("query_newprodprice", Direction.DOWN, "3.34"),
    PARK_VALID("park_valid", Direction.DOWN, "3.35"),
    ESCAPE_ORDER("escape_order", Direction.DOWN, "3.37"),
    CHECK_VIP("check_vip", Direction.DOWN, "3.38"),
    SPACE_NOTIFY("space_notify", Direction.DOWN, "3.39"),
    QUERY_CAR_INFO("query_car_info", Direction.DOWN, "3.40"),
    MANUAL_INPARK("manual_inpark", Direction.DOWN, "3.42"),
    CHANGE_CAR_NUMBER("change_car_number", Direction.DOWN, "3.43"),
    FIXED_CHARGE("fixed_charge", Direction.DOWN, "3.44"),
    PAY_STATUS("pay_status", Direction.SDK, "4.1"),
    UPDATE_BALANCE("update_balance", Direction.DOWN, "4.2"),
    SCREEN_INFO("screen_info", Direction.SCREEN, "7.1"),
    INIT_SCREEN("init_screen", Direction.SCREEN, "7.2"),
    OUT("out", Direction.SCREEN, "7.3"),
    SWEEPCODE("sweepcode", Direction.DOWN, "7.4");

    /** The outer service_name of the city-platform envelope. */
    public static final String PARKINFO_ENVELOPE = "parkInfo";
    /** The envelope's fixed {@code path}. */
    public static final String PARKINFO_PATH = "commapi/upMessage";

    private static final Map<String, ServiceName> BY_WIRE = Arrays.stream(values())
            .collect(Collectors.toUnmodifiableMap(ServiceName::wire, Function.identity()));

    private static final Map<ServiceName, String> REPLY_NAME = Map.of(UPLOAD_CAR_TYPE, "car_type_upload");
    private static final Map<ServiceName, Map<String, String>> REPLY_KEY_RENAME =
            Map.of(UPLOAD_CAR_TYPE, Map.of("car_type_id", "cartype_id"));
    private static final Map<ServiceName, String> REPLY_MESSAGE_FIELD = Map.of(LATERPAY_ORDER_UPLOAD, "message");
    private static final Set<ServiceName> PARKINFO_REQUESTS = EnumSet.of(CORRECT_BUSINESS, PARKING_BUSINESS_COUNT,
            PARKING_BUSINESS_LIST, PARK_CHECK, GET_SCREEN_STR);
    private static final Set<ServiceName> PARKINFO_REPLIES = EnumSet.of(CHECK_VIP, SPACE_NOTIFY, QUERY_CAR_INFO);
    private static final Set<ServiceName> BOLINK_REPLIES = EnumSet.of(QUERY_PRICE, PREPAY_ORDER, NOLICENCE_IN_PARK,
            OUTPARK, MONTHCARD_PAY, REFUND, RECHARGE, REPAIR, MEMBER_DISCOUNT, UPLOAD_PARK_LOG, UPDATE_PARK_SOFT,
            ESCAPE_ORDER, CHECK_VIP, SPACE_NOTIFY, QUERY_CAR_INFO);
    private static final Set<ServiceName> NO_REPLY = EnumSet.of(UPDATE_BALANCE);
    private static final Set<ServiceName> QUESTIONS = EnumSet.of(QUERY_PRICE, QUERY_PRODPRICE, QUERY_NEWPRODPRICE,
            PASS_THROUGH, CHECK_VIP, QUERY_CAR_INFO, NOLICENCE_IN_PARK, SWEEPCODE);
    private static final Set<ServiceName> INFERRED = EnumSet.of(UPLOAD_PARK_LOG);

    private final String wire;
    private final Direction direction;
    private final List<String> tocs;

    ServiceName(String wire, Direction direction, String... tocs) {
        this.wire = wire;
        this.direction = direction;
        this.tocs = List.of(tocs);
    }

    /** The name on the wire. */
    public String wire() {
        return wire;
    }

    /** Who sends it. */
    public Direction direction() {
        return direction;
    }

    /** The ToC entries with this name (two for pay_notice). */
    public List<String> tocs() {
        return tocs;
    }

    /** The catalogue entries of this name. */
    public List<MessageSpec> specs() {
        return tocs.stream().map(t -> Catalogue.get().byToc(t).orElseThrow()).toList();
    }

    /** True for a downlink the cloud sends to the booth (section 3, 4.2, 7.4). */
    public boolean isDownlink() {
        return direction == Direction.DOWN;
    }

    /** The constant of a wire name (also accepts {@code car_type_upload}, the name of 2.16's answer). */
    public static Optional<ServiceName> of(String wire) {
        if (wire == null) {
            return Optional.empty();
        }
        ServiceName n = BY_WIRE.get(wire);
        if (n == null && wire.equals(REPLY_NAME.get(UPLOAD_CAR_TYPE))) {
            n = UPLOAD_CAR_TYPE;
        }
        return Optional.ofNullable(n);
    }

    /** The service_name the answer to this message carries (2.16: car_type_upload). */
    public String replyName() {
        return REPLY_NAME.getOrDefault(this, wire);
    }

    /** The name a key field has in the answer (2.16's answer names car_type_id cartype_id). */
    public String replyKeyField(String requestField) {
        return REPLY_KEY_RENAME.getOrDefault(this, Map.of()).getOrDefault(requestField, requestField);
    }

    /** The field of the answer that carries its text ({@code errmsg}; 2.44: {@code message}). */
    public String replyMessageField() {
        return REPLY_MESSAGE_FIELD.getOrDefault(this, "errmsg");
    }

    /** True for the city-platform uplinks sent inside the parkInfo envelope (2.39–2.43). */
    public boolean sentInParkInfo() {
        return PARKINFO_REQUESTS.contains(this);
    }

    /** True for the downlinks answered through the parkInfo envelope (3.38–3.40). */
    public boolean answeredInParkInfo() {
        return PARKINFO_REPLIES.contains(this);
    }

    /** {@code bolink} or {@code cloud}: where the answer to this downlink goes. */
    public String replyTarget() {
        return BOLINK_REPLIES.contains(this) ? "bolink" : "cloud";
    }

    /** False for the downlink the booth must not answer (4.2 update_balance). */
    public boolean answered() {
        return !NO_REPLY.contains(this);
    }

    /** True for a downlink that asks a question: every copy wants a fresh answer, none is a resend. */
    public boolean isQuestion() {
        return QUESTIONS.contains(this);
    }

    /** True when the notes do not give this name and it is inferred (3.32). */
    public boolean inferred() {
        return INFERRED.contains(this);
    }
}
