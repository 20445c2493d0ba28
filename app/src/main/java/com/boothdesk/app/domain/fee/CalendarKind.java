package com.boothdesk.app.domain.fee;

/** The kind of a calendar day, which picks the day's time-of-day periods. */
public enum CalendarKind {
    WORKDAY("工作日"),
    HOLIDAY("节假日");

    private final String chinese;

    CalendarKind(String chinese) {
        this.chinese = chinese;
    }

    /** The Chinese name shown in explanations. */
    public String chinese() {
        return chinese;
    }
}
