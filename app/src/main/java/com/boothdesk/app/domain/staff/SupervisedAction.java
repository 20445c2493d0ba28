package com.boothdesk.app.domain.staff;

/** What a site may reserve to a supervisor's confirmation ({@code staff.supervisor_actions}). */
public enum SupervisedAction {
    /** A free release (all of them, or above {@code staff.supervisor_free_above}). */
    FREE_RELEASE("免费放行"),
    /** Lifting (or keeping open) a barrier by hand. */
    MANUAL_LIFT("手动抬杆"),
    /** Charging the no-record fee to a car without an entry record. */
    NO_RECORD_FEE("无入场记录收费"),
    /** Correcting a plate after the fee was shown. */
    CORRECTION_AFTER_FEE("出示费用后改车牌"),
    /** Closing a shift another attendant left open. */
    CLOSE_OTHERS_SHIFT("结束他人班次");

    private final String label;

    SupervisedAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
