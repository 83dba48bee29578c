package io.drm.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.sql.DataSource;

/**
 * Plain Flyway of an older version (the jars the build copies into {@code drm.test.oldFlywayDir}),
 * in a class loader that loads Flyway's classes and service files from those jars only, so it runs
 * beside the build's Flyway in one JVM.
 */
public final class OldFlyway implements AutoCloseable {

    private final URLClassLoader loader;

    private OldFlyway(URLClassLoader loader) {
        this.loader = loader;
    }

    /**
     * Opens the old Flyway.
     *
     * @return it
     */
    public static OldFlyway open() {
        String dir = System.getProperty("drm.test.oldFlywayDir");
        if (dir == null) {
            throw new IllegalStateException("drm.test.oldFlywayDir is not set; run the test through Maven");
        }
        try (Stream<Path> jars = Files.list(Paths.get(dir))) {
            List<URL> urls = jars.filter(p -> p.toString().endsWith(".jar")).map(OldFlyway::url)
                    .collect(Collectors.toList());
            if (urls.isEmpty()) {
                throw new IllegalStateException("no Flyway jars in " + dir);
            }
            return new OldFlyway(new ChildFirst(urls.toArray(URL[]::new), OldFlyway.class.getClassLoader()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static URL url(Path p) {
        try {
            return p.toUri().toURL();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Returns where the old Flyway's {@code Flyway} class was loaded from.
     *
     * @return the jar's URL, for example {@code .../flyway-core-11.7.2.jar}
     * @throws Exception if the class cannot be loaded
     */
    public String coreJar() throws Exception {
        return loader.loadClass("org.flywaydb.core.Flyway").getProtectionDomain().getCodeSource().getLocation()
                .toString();
    }

    /**
     * Runs {@code Flyway.configure(loader).dataSource(ds).locations(location).load().migrate()}.
     *
     * @param ds the database
     * @param location the migrations
     * @throws Exception if Flyway fails
     */
    public void migrate(DataSource ds, String location) throws Exception {
        Class<?> flyway = loader.loadClass("org.flywaydb.core.Flyway");
        Object config = flyway.getMethod("configure", ClassLoader.class).invoke(null, loader);
        config = config.getClass().getMethod("dataSource", DataSource.class).invoke(config, ds);
        config = config.getClass().getMethod("locations", String[].class).invoke(config,
                (Object) new String[] {location});
        Object loaded = config.getClass().getMethod("load").invoke(config);
        loaded.getClass().getMethod("migrate").invoke(loaded);
    }

    @Override
    public void close() throws IOException {
        loader.close();
    }

    /** Flyway's classes and service files from the old jars; everything else from the parent. */
    private static final class ChildFirst extends URLClassLoader {

        ChildFirst(URL[] urls, ClassLoader parent) {
            super(urls, parent);
        }

        @Override
        protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
            if (!name.startsWith("org.flywaydb.")) {
                return super.loadClass(name, resolve);
            }
            synchronized (getClassLoadingLock(name)) {
                Class<?> c = findLoadedClass(name);
                if (c == null) {
                    c = findClass(name);
                }
                if (resolve) {
                    resolveClass(c);
                }
                return c;
            }
        }

        @Override
        public URL getResource(String name) {
            if (owned(name)) {
                return findResource(name);
            }
            return super.getResource(name);
        }

        @Override
        public Enumeration<URL> getResources(String name) throws IOException {
            if (owned(name)) {
                return findResources(name);
            }
            return super.getResources(name);
        }

        private static boolean owned(String name) {
            return name.startsWith("org/flywaydb") || name.startsWith("META-INF/services/org.flywaydb")
                    || name.startsWith("META-INF/maven/org.flywaydb");
        }

        static {
            registerAsParallelCapable();
        }
    }
}
