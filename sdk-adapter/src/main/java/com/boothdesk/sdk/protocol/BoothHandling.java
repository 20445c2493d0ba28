package com.boothdesk.sdk.protocol;

/**
 * How an application handles the catalogue entries (effect / answered only / refused / sent / not sent), found by
 * {@link java.util.ServiceLoader}: with one on the class path, {@code protocol list} prints it instead of the bare
 * catalogue.
 */
public interface BoothHandling {

    /** The table of {@code protocol list}, with the counts. */
    String text();

    /** The same as Markdown (PROTOCOL-COVERAGE.md). */
    String markdown();
}
