package com.boothdesk.app.hardware;

import java.time.Duration;

import com.boothdesk.app.domain.lane.LaneTexts;
import com.boothdesk.devices.templates.LaneMessage;
import com.boothdesk.devices.templates.LaneTemplates;
import com.boothdesk.devices.templates.Outcome;

/**
 * The lane wording from the site's editable templates ({@code lane-messages.properties}: packed defaults, overridden
 * by a file of the same name in {@code <data>/templates/}, re-read when it changes). Outcomes without a template
 * keep the built-in texts.
 */
public final class TemplateTexts extends LaneTexts {

    private final LaneTemplates templates;

    public TemplateTexts(LaneTemplates templates) {
        this.templates = templates;
    }

    @Override
    public Say welcome(String plate) {
        return render(Outcome.WELCOME, LaneTemplates.vars().plate(plate));
    }

    @Override
    public Say welcomeExpired(String plate) {
        return render(Outcome.EXPIRED, LaneTemplates.vars().plate(plate));
    }

    @Override
    public Say blacklisted(String plate) {
        return render(Outcome.BLACKLISTED, LaneTemplates.vars().plate(plate));
    }

    @Override
    public Say full(String plate) {
        return render(Outcome.LOT_FULL, LaneTemplates.vars().plate(plate).spaces(0));
    }

    @Override
    public Say feeDue(String plate, Duration stay, long fen) {
        return render(Outcome.FEE_DUE, LaneTemplates.vars().plate(plate).duration(stay).feeFen(fen));
    }

    @Override
    public Say goodbye(String plate) {
        return render(Outcome.GOOD_TRIP, LaneTemplates.vars().plate(plate));
    }

    @Override
    public Say goodbyeMonthly(String plate, long daysLeft, boolean remind) {
        return render(Outcome.MONTHLY_DAYS_LEFT, LaneTemplates.vars().plate(plate).days(daysLeft));
    }

    @Override
    public Say idle(int freeSpaces) {
        // the idle screen never speaks, whatever the site's file says
        Say s = render(Outcome.IDLE, LaneTemplates.vars().spaces(Math.max(0, freeSpaces)));
        return new Say(s.lines(), "");
    }

    private Say render(Outcome outcome, LaneTemplates.Vars vars) {
        LaneMessage m = templates.render(outcome, vars.build());
        return new Say(m.lines(), m.voice());
    }
}
