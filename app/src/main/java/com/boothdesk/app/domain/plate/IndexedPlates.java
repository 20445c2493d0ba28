package com.boothdesk.app.domain.plate;

import java.util.Collection;

/**
 * A collection of in-lot plates that can narrow itself down for one read: the store's index of the cars inside
 * hands {@link PlateMatcher#rank} this instead of a plain set, so that the exit's fuzzy ranking looks at a few
 * plates, not the whole lot.
 */
public interface IndexedPlates {

    /**
     * A subset of the plates that holds every plate {@link PlateMatcher#rank} could return for {@code read} with
     * these settings (exact or fuzzy); it may hold more. {@code read} is already {@link PlateMatcher#normalize
     * normalised} and not empty.
     */
    Collection<String> near(String read, MatchSettings settings);
}
