package com.boothdesk.app.domain.order;

/**
 * What kind of car a stay is, as decided at entry (and re-checked at exit). {@link #costType()} is the protocol's
 * {@code car_cost_type}: 1临停车 2月卡车 3白名单车 4无牌车 5贵宾车 6VIP 7内部车 8月卡多位多车 9储值车.
 */
public enum CarKind {
    TEMPORARY(1, "临时车"),
    MONTHLY(2, "月卡车"),
    WHITE(7, "内部车"),
    VISITOR(5, "访客车"),
    STORED_VALUE(9, "储值车"),
    NO_PLATE(4, "无牌车");

    private final int costType;
    private final String label;

    CarKind(int costType, String label) {
        this.costType = costType;
        this.label = label;
    }

    public int costType() {
        return costType;
    }

    /** Chinese name for screens and logs. */
    public String label() {
        return label;
    }
}
