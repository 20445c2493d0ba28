package com.boothdesk.app.ui;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.Executor;

import com.boothdesk.app.ui.keys.Keymap;

/**
 * What every view-model shares: text, the clock, the keymap, the reason lists, the hop onto the FX thread
 * ({@link UiThread#run} in the booth, a direct call in view-model tests) and the one UI executor for background work
 * (store reads, picture loads). Nothing in the UI uses the common pool.
 *
 * @param commandTimeout how long a lane command may take before the screen says the lane does not answer
 */
public record UiEnv(Messages msg, Clock clock, Keymap keymap, ReasonLists reasons, Executor fx, Executor background,
                    Duration commandTimeout) {
}
