package com.boothdesk.app.domain.lists;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A monthly card (月卡会员): one or more plates sharing {@code spaces} parking spaces for a date range.
 *
 * @param cardId       the card id used both ways with the cloud (3.7 card_id rule)
 * @param plates       normalised plates on the card
 * @param owner        车主姓名
 * @param validFrom    first valid day (park's zone)
 * @param validTo      last valid day (park's zone), inclusive
 * @param spaces       车位数: how many of its plates may be inside at once (at least 1)
 * @param vehicleClass the car type id the card is for ("" = any)
 * @param channels     lanes the card may use; empty = all lanes; {"-1"} = none (protocol 2.10 channel_id)
 */
public record MonthlyCard(String cardId, List<String> plates, String owner, LocalDate validFrom, LocalDate validTo,
                          int spaces, String vehicleClass, Set<String> channels) {

    public MonthlyCard {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(validFrom, "validFrom");
        Objects.requireNonNull(validTo, "validTo");
        plates = List.copyOf(plates);
        channels = Set.copyOf(channels);
        owner = owner == null ? "" : owner;
        vehicleClass = vehicleClass == null ? "" : vehicleClass;
        spaces = Math.max(1, spaces);
    }

    /** True from {@code validFrom} to {@code validTo}, both included. */
    public boolean validOn(LocalDate day) {
        return !day.isBefore(validFrom) && !day.isAfter(validTo);
    }

    /** Days from {@code day} to the last valid day: 0 on the last day, negative once expired. */
    public long daysLeft(LocalDate day) {
        return ChronoUnit.DAYS.between(day, validTo);
    }

    /** Whether the card may use this lane. */
    public boolean allowsChannel(String channelId) {
        return channels.isEmpty() || channels.contains(channelId);
    }
}
