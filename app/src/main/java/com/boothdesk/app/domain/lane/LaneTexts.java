package com.boothdesk.app.domain.lane;

import java.time.Duration;
import java.util.List;

import com.boothdesk.app.domain.fee.Fen;

/**
 * What the LED screen shows and the voice says for each lane outcome. Chinese: the screens are for drivers.
 * These are the built-in texts; the application overrides them with the site's editable templates
 * (resources/templates/lane-messages.properties, see {@code hardware.TemplateTexts}).
 */
public class LaneTexts {

    /** The built-in wording. */
    public static final LaneTexts BUILT_IN = new LaneTexts();

    public record Say(List<String> lines, String voice) {
        public Say {
            lines = List.copyOf(lines);
            voice = voice == null ? "" : voice;
        }
    }

    public Say welcome(String plate) {
        return new Say(List.of(plate, "欢迎光临", "请入场停车"), plate + ",欢迎光临,请入场停车");
    }

    public Say welcomeMonthly(String plate, long daysLeft, boolean remind) {
        return new Say(List.of(plate, "月卡车 欢迎光临", "剩余" + daysLeft + "天"),
                remind ? plate + ",月卡剩余" + daysLeft + "天,请及时续费" : plate + ",欢迎光临");
    }

    public Say welcomeExpired(String plate) {
        return new Say(List.of(plate, "月卡已过期", "按临时车收费"), plate + ",月卡已过期,请及时续费");
    }

    public Say welcomeWhite(String plate) {
        return new Say(List.of(plate, "内部车辆", "欢迎光临"), plate + ",欢迎光临");
    }

    public Say welcomeVisitor(String plate) {
        return new Say(List.of(plate, "访客车辆", "欢迎光临"), plate + ",欢迎光临");
    }

    public Say blacklisted(String plate) {
        return new Say(List.of(plate, "禁止通行", "请联系管理员"), "车辆禁止通行,请联系管理员");
    }

    public Say locked(String plate) {
        return new Say(List.of(plate, "车辆已锁定", "请联系车主解锁"), "车辆已锁定,禁止出场");
    }

    public Say full(String plate) {
        return new Say(List.of(plate, "车位已满", "请勿进入"), "车位已满,请勿进入");
    }

    public Say waitPlease(String plate) {
        return new Say(List.of(plate.isEmpty() ? "无牌车" : plate, "请稍候"), "");
    }

    public Say feeDue(String plate, Duration stay, long fen) {
        return new Say(List.of(plate, "停车" + duration(stay), "请缴费" + Fen.format(fen) + "元"),
                "停车" + duration(stay) + ",请缴费" + Fen.format(fen) + "元");
    }

    public Say goodbye(String plate) {
        return new Say(List.of(plate, "一路顺风"), "一路顺风");
    }

    public Say goodbyeMonthly(String plate, long daysLeft, boolean remind) {
        return new Say(List.of(plate, "月卡剩余" + daysLeft + "天", "一路顺风"),
                remind ? "月卡剩余" + daysLeft + "天,请及时续费,一路顺风" : "一路顺风");
    }

    /** The lane's screen between cars (after a refusal, and a while after a car passed): no voice. */
    public Say idle(int freeSpaces) {
        return new Say(List.of("欢迎光临", "余位" + Math.max(0, freeSpaces)), "");
    }

    public Say noRecord(String plate) {
        return new Say(List.of(plate, "无入场记录", "请稍候"), "");
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
