package io.drm.testing;

import io.drm.spi.AuditEvent;
import io.drm.spi.AuditSink;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/** An audit sink that keeps events in memory; can be told to fail on an action. */
public final class RecordingSink implements AuditSink {

    private final List<AuditEvent> events = new ArrayList<>();
    private final String failOn;
    private int flushes;

    private RecordingSink(String failOn) {
        this.failOn = failOn;
    }

    /** @return a sink that records everything */
    public static RecordingSink recording() {
        return new RecordingSink(null);
    }

    /**
     * @param action the action to fail on
     * @return a sink that throws when asked to append that action
     */
    public static RecordingSink failingOn(String action) {
        return new RecordingSink(action);
    }

    @Override
    public synchronized void append(AuditEvent event) {
        if (event.action().equals(failOn)) {
            throw new IllegalStateException("audit store is down");
        }
        events.add(event);
    }

    @Override
    public synchronized void flush() {
        flushes++;
    }

    /** @return the events so far */
    public synchronized List<AuditEvent> events() {
        return List.copyOf(events);
    }

    /** @return the actions so far, in order */
    public synchronized List<String> actions() {
        return events.stream().map(AuditEvent::action).collect(Collectors.toList());
    }

    /** @return how often flush was called */
    public synchronized int flushes() {
        return flushes;
    }
}
