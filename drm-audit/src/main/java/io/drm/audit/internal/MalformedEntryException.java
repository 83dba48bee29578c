package io.drm.audit.internal;

/** A stored entry that drm cannot read as one of its own. */
public final class MalformedEntryException extends Exception {

    private static final long serialVersionUID = 1L;

    /** @param message what is wrong, without the entry's content */
    public MalformedEntryException(String message) {
        super(message);
    }
}
