package io.drm;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A stable error code of the form {@code DRM-<AREA>-<NNN>}, for example {@code DRM-CORE-007}.
 *
 * <p>Codes never change meaning once released; tools and runbooks may match on them. The list of
 * codes, with what each means and what to do, is in {@code docs/errors.md}.
 *
 * @param id the code, for example {@code DRM-CORE-007}
 */
public record ErrorCode(String id) {

    private static final Pattern FORMAT = Pattern.compile("DRM-[A-Z]{2,12}-\\d{3}");

    /**
     * Validates the code's format.
     *
     * @throws IllegalArgumentException if {@code id} is not of the form {@code DRM-<AREA>-<NNN>}
     */
    public ErrorCode {
        Objects.requireNonNull(id, "id");
        if (!FORMAT.matcher(id).matches()) {
            throw new IllegalArgumentException("error code must look like DRM-<AREA>-<NNN>: " + id);
        }
    }

    /**
     * Returns the code for an area and a number.
     *
     * @param area upper-case area name, for example {@code CORE}
     * @param number 1 to 999
     * @return the code
     */
    public static ErrorCode of(String area, int number) {
        if (number < 1 || number > 999) {
            throw new IllegalArgumentException("error number must be 1..999: " + number);
        }
        return new ErrorCode(String.format("DRM-%s-%03d", area, number));
    }

    @Override
    public String toString() {
        return id;
    }
}
