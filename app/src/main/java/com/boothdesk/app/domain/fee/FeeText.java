package com.boothdesk.app.domain.fee;

/** Chinese wording shared by the explanations. */
final class FeeText {

    private FeeText() {
    }

    /** 185 → "3小时5分钟", 60 → "1小时", 5 → "5分钟", 1500 → "1天1小时". */
    static String duration(long minutes) {
        if (minutes <= 0) {
            return "0分钟";
        }
        long days = minutes / (24 * 60);
        long hours = minutes % (24 * 60) / 60;
        long mins = minutes % 60;
        StringBuilder text = new StringBuilder();
        if (days > 0) {
            text.append(days).append("天");
        }
        if (hours > 0) {
            text.append(hours).append("小时");
        }
        if (mins > 0) {
            text.append(mins).append("分钟");
        }
        return text.toString();
    }

    /** A unit length: 60 → "小时", 120 → "2小时", 15 → "15分钟". */
    static String unit(int minutes) {
        if (minutes == 60) {
            return "小时";
        }
        return duration(minutes);
    }
}
