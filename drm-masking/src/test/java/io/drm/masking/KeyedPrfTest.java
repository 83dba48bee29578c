package io.drm.masking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.drm.masking.internal.KeyedPrf;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Locale;
import javax.crypto.Cipher;
import javax.crypto.spec.IvParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Provide;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.bouncycastle.crypto.engines.AESEngine;
import org.bouncycastle.crypto.macs.CMac;
import org.bouncycastle.crypto.params.KeyParameter;
import org.junit.jupiter.api.Test;

/**
 * The AES-CMAC pseudorandom function of the email, fake, noise and small-domain card maskers:
 * RFC 4493's examples, agreement with Bouncy Castle's {@code CMac} on random keys and inputs (UTF-8
 * encoded in pieces, surrogates included), and the stream as the JDK's AES/CTR with the tag as IV.
 */
final class KeyedPrfTest {

    private static final HexFormat HEX = HexFormat.of();
    private static final byte[] RFC_KEY = HEX.parseHex("2b7e151628aed2a6abf7158809cf4f3c");
    private static final byte[] RFC_MESSAGE = HEX.parseHex("6bc1bee22e409f96e93d7e117393172a"
            + "ae2d8a571e03ac9c9eb76fac45af8e51" + "30c81c46a35ce411e5fbc1191a0a52ef" + "f69f2445df4f9b17ad2b417be66c3710");

    @Test
    void rfc4493_examples() {
        KeyedPrf prf = new KeyedPrf(RFC_KEY, RFC_KEY);
        assertThat(HEX.formatHex(prf.prf(RFC_MESSAGE, 0, 0))).isEqualTo("bb1d6929e95937287fa37d129b756746");
        assertThat(HEX.formatHex(prf.prf(RFC_MESSAGE, 0, 16))).isEqualTo("070a16b46b4d4144f79bdd9dd04a287c");
        assertThat(HEX.formatHex(prf.prf(RFC_MESSAGE, 0, 40))).isEqualTo("dfa66747de9ae63030ca32611497c827");
        assertThat(HEX.formatHex(prf.prf(RFC_MESSAGE, 0, 64))).isEqualTo("51f0bebf7e3b9d92fc49741779363cfe");
    }

    @Property(tries = 300)
    void agrees_with_bouncy_castle_on_bytes(@ForAll @Size(value = 32) byte[] key,
            @ForAll @Size(max = 200) byte[] data, @ForAll @IntRange(max = 20) int offset) {
        byte[] padded = new byte[offset + data.length];
        System.arraycopy(data, 0, padded, offset, data.length);
        assertThat(new KeyedPrf(key, key).prf(padded, offset, data.length)).isEqualTo(bouncyCastle(key, data));
    }

    @Property(tries = 300)
    void agrees_with_bouncy_castle_on_the_utf8_of_texts(@ForAll @Size(value = 32) byte[] key,
            @ForAll("texts") String text) {
        assertThat(new KeyedPrf(key, key).prf(text)).isEqualTo(bouncyCastle(key, text.getBytes(StandardCharsets.UTF_8)));
    }

    @Property(tries = 200)
    void lower_case_is_the_tag_of_the_lower_cased_text(@ForAll @Size(value = 32) byte[] key,
            @ForAll("mixedCase") String text) {
        KeyedPrf prf = new KeyedPrf(key, key);
        byte[] expected = prf.prf(text.toLowerCase(Locale.ROOT)).clone();
        assertThat(prf.prfLowerCase(text)).isEqualTo(expected);
    }

    @Property(tries = 100)
    void the_stream_is_aes_ctr_under_the_stream_key_from_the_tag(@ForAll @Size(value = 32) byte[] macKey,
            @ForAll @Size(value = 32) byte[] streamKey, @ForAll @Size(max = 40) byte[] data) throws Exception {
        KeyedPrf prf = new KeyedPrf(macKey, streamKey);
        byte[] tag = prf.prf(data, 0, data.length).clone();
        Cipher ctr = Cipher.getInstance("AES/CTR/NoPadding");
        ctr.init(Cipher.ENCRYPT_MODE, new SecretKeySpec(streamKey, "AES"), new IvParameterSpec(tag));
        byte[] keystream = ctr.doFinal(new byte[16 * 4]);
        for (int i = 1; i < 4; i++) {
            assertThat(prf.next(null, i)).as("block %d", i).isEqualTo(Arrays.copyOfRange(keystream, 16 * i, 16 * i + 16));
        }
    }

    @Property(tries = 100)
    void a_batch_gives_each_value_its_tag_and_its_first_stream_block(@ForAll @Size(value = 32) byte[] key,
            @ForAll @Size(value = 32) byte[] streamKey, @ForAll("batches") java.util.List<String> texts) {
        KeyedPrf prf = new KeyedPrf(key, streamKey);
        KeyedPrf.Batch batch = prf.batch();
        for (int j = 0; j < texts.size(); j++) {
            int slot = j % 2 == 0 ? batch.add(texts.get(j)) : batch.addLowerCase(texts.get(j));
            assertThat(slot).isEqualTo(j);
        }
        byte[] results = batch.compute(true).clone();
        for (int j = 0; j < texts.size(); j++) {
            String text = texts.get(j);
            byte[] tag = (j % 2 == 0 ? prf.prf(text) : prf.prfLowerCase(text)).clone();
            assertThat(Arrays.copyOfRange(results, 32 * j, 32 * j + 16)).as("tag %d", j).isEqualTo(tag);
            assertThat(Arrays.copyOfRange(results, 32 * j + 16, 32 * j + 32)).as("stream %d", j)
                    .isEqualTo(prf.next(null, 1));
        }
    }

    @Test
    void a_full_batch_refuses_another_value_and_clearing_empties_it() {
        KeyedPrf prf = new KeyedPrf(new byte[16], new byte[16]);
        KeyedPrf.Batch batch = prf.batch();
        for (int j = 0; j < KeyedPrf.BATCH_SIZE; j++) {
            batch.add("v" + j);
        }
        assertThat(batch.full()).isTrue();
        assertThatThrownBy(() -> batch.add("one more")).isInstanceOf(IllegalStateException.class);
        batch.clear();
        assertThat(batch.size()).isZero();
        assertThat(batch.add("")).isZero();
        assertThat(Arrays.copyOf(batch.compute(false), 16)).isEqualTo(prf.prf(""));
    }

    @Test
    void refuses_keys_of_other_lengths() {
        assertThatThrownBy(() -> new KeyedPrf(new byte[15], new byte[16])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16, 24 or 32");
        assertThatThrownBy(() -> new KeyedPrf(new byte[16], new byte[33])).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("16, 24 or 32");
    }

    @Provide
    Arbitrary<String> texts() {
        return Arbitraries.strings().withChars('a', 'Z', '\u00e9', '\u20ac', '\uD83D', '\uDE00', '\uDC00', '\uD800')
                .ofMaxLength(3000);
    }

    @Provide
    Arbitrary<java.util.List<String>> batches() {
        Arbitrary<String> values = Arbitraries.oneOf(Arbitraries.strings()
                .withChars('a', 'Z', '\u00e9', '\u20ac', '\uD83D', '\uDE00', '\uDC00').ofMaxLength(40), mixedCase(),
                Arbitraries.strings().withCharRange('a', 'z').ofLength(16), Arbitraries.just(""));
        return values.list().ofMinSize(1).ofMaxSize(KeyedPrf.BATCH_SIZE);
    }

    @Provide
    Arbitrary<String> mixedCase() {
        return Arbitraries.oneOf(Arbitraries.strings().withCharRange('A', 'z').ofMaxLength(2500),
                Arbitraries.strings().withChars('A', 'b', '\u0130', '\u00c9', '\u03a3', ' ').ofMaxLength(50));
    }

    private static byte[] bouncyCastle(byte[] key, byte[] data) {
        CMac mac = new CMac(AESEngine.newInstance());
        mac.init(new KeyParameter(key));
        mac.update(data, 0, data.length);
        byte[] out = new byte[16];
        mac.doFinal(out, 0);
        return out;
    }
}
