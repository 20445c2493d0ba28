package com.boothdesk.app.domain.lane;

/** The lot's remaining spaces: capacity, minus cars inside, plus the attendant's corrections. */
public interface ParkSpaces {

    int capacity();

    /** Spaces free now, never below 0 nor above the capacity. */
    int free();

    /** Corrects the count (cars that left unseen, reserved spaces ...); recorded with who and why. */
    void adjust(int delta, String reason, String operator);
}
