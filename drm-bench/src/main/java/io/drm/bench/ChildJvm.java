package io.drm.bench;

import java.io.File;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Starts a benchmark's main class in a child JVM with the benchmarks' own classpath, for a
 * measurement that needs heap settings of its own (a small heap to prove streaming, or a fixed heap
 * so that the kernel's page faults while a heap grows stay out of the figures).
 */
final class ChildJvm {

    private ChildJvm() {
    }

    /**
     * @return the classpath the benchmarks run with: that of their class loader under
     *     {@code exec:java}, else {@code java.class.path}
     */
    static String classPath() {
        if (ChildJvm.class.getClassLoader() instanceof URLClassLoader loader && loader.getURLs().length > 0) {
            StringBuilder cp = new StringBuilder();
            for (URL url : loader.getURLs()) {
                try {
                    cp.append(cp.length() == 0 ? "" : File.pathSeparator).append(Path.of(url.toURI()));
                } catch (URISyntaxException e) {
                    throw new IllegalStateException("cannot read the classpath entry " + url, e);
                }
            }
            return cp.toString();
        }
        return System.getProperty("java.class.path");
    }

    /**
     * @param jvmOptions options for the child JVM ({@code -Xmx64m}, ...)
     * @param main the main class
     * @param args its arguments
     * @return the command line: this JVM's {@code java}, the options, the classpath, the class and arguments
     */
    static List<String> command(List<String> jvmOptions, Class<?> main, List<String> args) {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.add("-cp");
        command.add(classPath());
        command.add(main.getName());
        command.addAll(args);
        return command;
    }
}
