package io.drm.masking.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * First and last names the classifier recognises person names by: the lists the fake-name maskers
 * use ({@code io/drm/masking/fakes/first-names.txt} and {@code last-names.txt} on the classpath),
 * or a small built-in list when those are absent. Immutable.
 */
public final class PersonNames {

    static final String FIRST_NAMES = "io/drm/masking/fakes/first-names.txt";
    static final String LAST_NAMES = "io/drm/masking/fakes/last-names.txt";

    private static final List<String> BUILT_IN_FIRST = List.of("james", "john", "robert", "michael", "william",
            "david", "richard", "joseph", "thomas", "charles", "christopher", "daniel", "matthew", "anthony", "mark",
            "paul", "steven", "andrew", "kenneth", "george", "peter", "oliver", "harry", "jack", "noah", "liam",
            "mary", "patricia", "jennifer", "linda", "elizabeth", "barbara", "susan", "jessica", "sarah", "karen",
            "nancy", "lisa", "margaret", "emily", "emma", "olivia", "sophia", "amelia", "isla", "ava", "grace",
            "alice", "ada", "anna", "maria", "laura", "julia", "lucas", "hugo", "louis", "jan", "lena", "sofia",
            "mohammed", "ahmed", "fatima", "aisha", "wei", "yuki", "hiroshi", "raj", "priya", "carlos", "jose");

    private static final List<String> BUILT_IN_LAST = List.of("smith", "johnson", "williams", "brown", "jones",
            "garcia", "miller", "davis", "rodriguez", "martinez", "hernandez", "lopez", "gonzalez", "wilson",
            "anderson", "taylor", "thomas", "moore", "jackson", "martin", "lee", "thompson", "white", "harris",
            "clark", "lewis", "robinson", "walker", "young", "allen", "king", "wright", "scott", "hill", "green",
            "adams", "baker", "nelson", "carter", "mitchell", "roberts", "turner", "phillips", "campbell", "parker",
            "evans", "edwards", "collins", "stewart", "murphy", "cook", "morgan", "bell", "cooper", "ward", "hughes",
            "lovelace", "turing", "hopper", "curie", "muller", "schmidt", "schneider", "fischer", "weber", "meyer",
            "rossi", "russo", "dubois", "bernard", "silva", "santos", "kowalski", "nowak", "novak", "ivanov",
            "wang", "li", "zhang", "chen", "liu", "kim", "park", "nguyen", "tanaka", "suzuki", "patel", "singh",
            "khan", "ali");

    private static final PersonNames DEFAULT = load(PersonNames.class.getClassLoader());

    private final Set<String> first;
    private final Set<String> last;
    private final boolean bundled;

    private PersonNames(Set<String> first, Set<String> last, boolean bundled) {
        this.first = Set.copyOf(first);
        this.last = Set.copyOf(last);
        this.bundled = bundled;
    }

    /** @return the names from drm-masking's own class loader, loaded once */
    public static PersonNames standard() {
        return DEFAULT;
    }

    /**
     * @param loader where to look for the bundled lists
     * @return the bundled lists, or the built-in list when either is missing
     * @throws UncheckedIOException if a list exists but cannot be read
     */
    static PersonNames load(ClassLoader loader) {
        Set<String> first = read(loader, FIRST_NAMES);
        Set<String> last = read(loader, LAST_NAMES);
        if (first == null || last == null || first.isEmpty() || last.isEmpty()) {
            return new PersonNames(new HashSet<>(BUILT_IN_FIRST), new HashSet<>(BUILT_IN_LAST), false);
        }
        return new PersonNames(first, last, true);
    }

    private static Set<String> read(ClassLoader loader, String resource) {
        try (InputStream in = loader.getResourceAsStream(resource)) {
            if (in == null) {
                return null;
            }
            Set<String> names = new HashSet<>();
            BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line = reader.readLine(); line != null; line = reader.readLine()) {
                String name = line.strip();
                int cut = indexOfAny(name, ",\t;");
                if (cut >= 0) {
                    name = name.substring(0, cut).strip();
                }
                if (!name.isEmpty() && !name.startsWith("#")) {
                    names.add(fold(name));
                }
            }
            return names;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the name list " + resource, e);
        }
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }

    static String fold(String name) {
        return name.toLowerCase(Locale.ROOT);
    }

    /** @return whether the lists came from the classpath rather than the built-in fallback */
    public boolean bundled() {
        return bundled;
    }

    /**
     * @param token one word, any case
     * @return whether it is a known first name
     */
    public boolean firstName(String token) {
        return first.contains(fold(token));
    }

    /**
     * @param token one word, any case
     * @return whether it is a known last name
     */
    public boolean lastName(String token) {
        return last.contains(fold(token));
    }
}
