package com.boothdesk.sdk.link;

/** The link is not logged in, or was lost before the reply arrived. Retrying later is the right answer. */
public final class LinkDownException extends Exception {

    public LinkDownException(String message) {
        super(message);
    }
}
