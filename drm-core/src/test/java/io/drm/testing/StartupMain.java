package io.drm.testing;

import io.drm.DataRelease;
import io.drm.ReleaseResult;
import java.time.Duration;

/**
 * A separate JVM process that runs the startup hook, for the multi-process test. Arguments: JDBC
 * URL, user, location, and the epoch millisecond at which to start (so that processes collide); the
 * password comes from the environment variable {@code DRM_TEST_PASSWORD}. Prints one line
 * {@code RESULT <outcome> <applied steps>} and exits 0, or prints the error and exits 1.
 */
public final class StartupMain {

    private StartupMain() {
    }

    /**
     * Runs the hook.
     *
     * @param args url, user, location, start time
     * @throws InterruptedException if interrupted while waiting to start
     */
    public static void main(String[] args) throws InterruptedException {
        long startAt = Long.parseLong(args[3]);
        long wait = startAt - System.currentTimeMillis();
        if (wait > 0) {
            Thread.sleep(wait);
        }
        try {
            ReleaseResult result = DataRelease.configure().jdbc(args[0], args[1], System.getenv("DRM_TEST_PASSWORD"))
                    .locations(args[2]).lockTimeout(Duration.ofSeconds(90)).onStartup();
            System.out.println("RESULT " + result.outcome() + " " + result.appliedSteps().size());
            System.exit(0);
        } catch (RuntimeException e) {
            System.out.println("ERROR " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }
}
