package com.boothdesk.app.domain.fee;

/**
 * One band of a duration ladder: a stay (within one cycle) of at most {@code upToMinutes} costs {@code fen}.
 */
public record LadderStep(int upToMinutes, long fen) {
}
