package io.drm.testing;

import io.drm.DataRelease;
import io.drm.ReleaseResult;
import io.drm.spi.ReleaseListener;
import io.drm.spi.ReleaseSummary;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * A separate JVM process that runs the startup hook, for the multi-process test. Arguments: JDBC
 * URL, user, location, and the epoch millisecond at which to start (so that processes collide); the
 * password comes from the environment variable {@code DRM_TEST_PASSWORD}. Prints one line
 * {@code RESULT <outcome> <applied steps>} and exits 0, or prints the error and exits 1. With
 * {@code DRM_TEST_HOLD_AT_START=1} the release, once it has taken the lock and recorded
 * {@code release.started}, prints {@code HELD} and waits forever (for a parent that kills it at a
 * known point of the release).
 */
public final class StartupMain {

    private StartupMain() {
    }

    /**
     * Runs the hook.
     *
     * @param args url, user, location
     * @throws java.io.IOException if stdin cannot be read
     */
    public static void main(String[] args) throws java.io.IOException {
        // a start barrier: say "READY", then wait for the parent's line on stdin
        System.out.println("READY");
        System.out.flush();
        new java.io.BufferedReader(new java.io.InputStreamReader(System.in, java.nio.charset.StandardCharsets.UTF_8))
                .readLine();
        try {
            DataRelease.Builder builder = DataRelease.configure()
                    .jdbc(args[0], args[1], System.getenv("DRM_TEST_PASSWORD"))
                    .locations(args[2]).lockTimeout(Duration.ofSeconds(90));
            if ("1".equals(System.getenv("DRM_TEST_HOLD_AT_START"))) {
                builder.listener(new HoldAtStart());
            }
            ReleaseResult result = builder.onStartup();
            System.out.println("RESULT " + result.outcome() + " " + result.appliedSteps().size());
            System.exit(0);
        } catch (RuntimeException e) {
            System.out.println("ERROR " + e);
            e.printStackTrace(System.out);
            System.exit(1);
        }
    }

    /** Says {@code HELD} when the release has started, then never returns. */
    private static final class HoldAtStart implements ReleaseListener {
        @Override
        public void onReleaseStarted(ReleaseSummary release) {
            System.out.println("HELD");
            System.out.flush();
            try {
                new CountDownLatch(1).await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
