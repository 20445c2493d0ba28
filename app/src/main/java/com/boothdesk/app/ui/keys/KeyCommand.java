package com.boothdesk.app.ui.keys;

/** What a key press means: an action and the one lane it acts on (always the selected lane, or the lane to select). */
public record KeyCommand(Action action, String laneId) {
}
