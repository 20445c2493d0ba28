package com.boothdesk.app.domain.lists;

import java.util.Objects;

/**
 * A visitor registration as received (3.19 visitor_sync); only approved ones give a {@link VisitorPass}.
 *
 * @param visitorId id shared with the cloud
 * @param pass      plate, time range and entry counts
 * @param approval  审核状态: 0 待审批, 1 已通过, 2 已拒绝
 * @param channelId lane of an entry registration code (type 1), "" otherwise
 * @param mobile    phone
 * @param remark    free text (remark and attributes)
 */
public record VisitorRecord(String visitorId, VisitorPass pass, int approval, String channelId, String mobile,
                            String remark) {

    public static final int APPROVED = 1;

    public VisitorRecord {
        Objects.requireNonNull(visitorId, "visitorId");
        Objects.requireNonNull(pass, "pass");
        channelId = channelId == null ? "" : channelId;
        mobile = mobile == null ? "" : mobile;
        remark = remark == null ? "" : remark;
    }
}
