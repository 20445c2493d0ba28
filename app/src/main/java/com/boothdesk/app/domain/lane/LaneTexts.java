package com.boothdesk.app.domain.lane;

import java.time.Duration;
import java.util.List;

import com.boothdesk.app.domain.fee.Fen;

/** What the LED screen shows and the voice says for each lane outcome (Chinese: the screens are for drivers). */
public final class LaneTexts {

    private LaneTexts() {
    }

    public static List<String> welcomeLines(String plate) {
        return List.of(plate, "欢迎光临", "请入场停车");
    }

    public static String welcomeVoice(String plate) {
        return plate + ",欢迎光临,请入场停车";
    }

    public static List<String> feeDueLines(String plate, Duration stay, long fen) {
        return List.of(plate, "停车" + duration(stay), "请缴费" + Fen.format(fen) + "元");
    }

    public static String feeDueVoice(Duration stay, long fen) {
        return "停车" + duration(stay) + ",请缴费" + Fen.format(fen) + "元";
    }

    public static List<String> goodbyeLines(String plate) {
        return List.of(plate, "一路顺风");
    }

    public static String goodbyeVoice() {
        return "一路顺风";
    }

    public static List<String> noRecordLines(String plate) {
        return List.of(plate, "无入场记录", "请稍候");
    }

    public static String duration(Duration d) {
        long minutes = Math.max(0, d.toMinutes());
        long days = minutes / (24 * 60);
        long hours = minutes / 60 % 24;
        long mins = minutes % 60;
        StringBuilder sb = new StringBuilder();
        if (days > 0) {
            sb.append(days).append("天");
        }
        if (hours > 0 || days > 0) {
            sb.append(hours).append("小时");
        }
        sb.append(mins).append("分");
        return sb.toString();
    }
}
