package io.drm.masking.internal;

/** Tells the tables of one copy to stop after their current batch. Thread-safe. */
final class CopyControl {

    private volatile boolean stopped;

    void stop() {
        stopped = true;
    }

    boolean stopped() {
        return stopped;
    }
}
