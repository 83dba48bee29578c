package io.drm.masking.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A list of fake values bundled in the jar under {@code io/drm/masking/fakes/}: UTF-8, one value a
 * line; blank lines and lines starting with {@code #} are skipped. Each list is read once, when
 * first used, and is immutable. The lists are part of the masked output's format: changing one
 * changes what the fake maskers produce.
 */
public final class FakeList {

    /** Resource folder of the lists. */
    public static final String FOLDER = "/io/drm/masking/fakes/";

    private FakeList() {
    }

    /** @return given names, {@code first-names.txt} */
    public static List<String> firstNames() {
        return FirstNames.LIST;
    }

    /** @return family names, {@code last-names.txt} */
    public static List<String> lastNames() {
        return LastNames.LIST;
    }

    /** @return street names with their suffix, {@code streets.txt} */
    public static List<String> streets() {
        return Streets.LIST;
    }

    /** @return town and city names, {@code cities.txt} */
    public static List<String> cities() {
        return Cities.LIST;
    }

    /**
     * Reads a bundled list.
     *
     * @param file the file name in {@link #FOLDER}
     * @return its values, in file order
     * @throws IllegalStateException if the resource is missing or empty
     * @throws UncheckedIOException if it cannot be read
     */
    static List<String> read(String file) {
        try (InputStream in = FakeList.class.getResourceAsStream(FOLDER + file)) {
            if (in == null) {
                throw new IllegalStateException("the drm-masking jar lacks its resource " + FOLDER + file);
            }
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            List<String> values = new ArrayList<>();
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String value = line.strip();
                if (!value.isEmpty() && !value.startsWith("#")) {
                    values.add(value);
                }
            }
            if (values.isEmpty()) {
                throw new IllegalStateException("the resource " + FOLDER + file + " has no values");
            }
            return List.copyOf(values);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the resource " + FOLDER + file, e);
        }
    }

    private static final class FirstNames {
        static final List<String> LIST = read("first-names.txt");
    }

    private static final class LastNames {
        static final List<String> LIST = read("last-names.txt");
    }

    private static final class Streets {
        static final List<String> LIST = read("streets.txt");
    }

    private static final class Cities {
        static final List<String> LIST = read("cities.txt");
    }
}
