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
