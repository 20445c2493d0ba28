package com.boothdesk.app.domain.lists;

import java.util.Objects;

/**
 * A stored-value card (储值卡) holding the plate asked about.
 *
 * @param cardId     card id shared with the cloud
 * @param plate      the normalised plate asked about
 * @param balanceFen what is left on the card
 */
public record StoredValueCard(String cardId, String plate, long balanceFen) {

    public StoredValueCard {
        Objects.requireNonNull(cardId, "cardId");
        Objects.requireNonNull(plate, "plate");
    }

    public boolean covers(long fen) {
        return balanceFen >= fen;
    }
}
