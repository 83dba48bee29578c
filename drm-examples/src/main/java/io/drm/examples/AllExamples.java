package io.drm.examples;

/**
 * Runs every example in turn on embedded H2: what the README's example command starts.
 *
 * <pre>{@code
 * mvn -B -q -pl drm-examples -am package -DskipTests exec:java
 * }</pre>
 */
public final class AllExamples {

    private AllExamples() {
    }

    /**
     * Runs the examples.
     *
     * @param args unused
     * @throws Exception if an example fails
     */
    public static void main(String[] args) throws Exception {
        System.out.println("== Quick start");
        QuickStart.run(System.out);
        System.out.println();
        System.out.println("== Rolling back a faulty release");
        RollbackExample.run(System.out);
    }
}
