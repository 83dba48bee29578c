package io.drm.masking;

import java.util.List;

/** One instance of every single-value masker of the catalogue, for tests that cover them all. */
final class MaskerCatalogue {

    private MaskerCatalogue() {
    }

    static List<TypedMasker> all(byte[] key) {
        return List.of(
                Maskers.redact("***"),
                Maskers.nullify(),
                Maskers.partial(2, 2, '#'),
                Maskers.token(key, 12, MaskerFixtures.BASE62),
                Maskers.fpe(key, MaskerFixtures.DIGITS),
                Maskers.email(key, null),
                Maskers.email(key, "example.invalid"),
                Maskers.phone(key),
                Maskers.paymentCard(key, false),
                Maskers.paymentCard(key, true),
                Maskers.firstName(key),
                Maskers.lastName(key),
                Maskers.fullName(key),
                Maskers.streetAddress(key),
                Maskers.city(key),
                Maskers.noise(key, 10),
                Maskers.dateShift(key, 30),
                Maskers.ageBand(10),
                Maskers.postcodePrefix(3),
                Maskers.encrypt(keyring(key)),
                Maskers.encryptDeterministic(keyring(key)));
    }

    static Keyring keyring(byte[] key) {
        return Keyring.of(KeyProvider.of(java.util.Map.of("catalogue", key)), "catalogue");
    }
}
