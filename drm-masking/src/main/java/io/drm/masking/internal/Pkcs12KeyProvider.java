package io.drm.masking.internal;

import io.drm.masking.KeyProvider;
import io.drm.masking.MaskingKeyException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.UnrecoverableKeyException;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import javax.crypto.SecretKey;

/**
 * Secret-key entries of a PKCS#12 keystore, alias = key id. The keystore is read once, when the
 * provider is created (so a missing file or a wrong password fails at start-up, not mid-job), with
 * the same password for the store and its entries; the password is not kept. Aliases match without
 * regard to case, as PKCS#12 aliases do. Entries that are not secret keys, or whose key cannot be
 * exported or has the wrong size, fail when their id is asked for. Immutable and thread-safe.
 */
public final class Pkcs12KeyProvider implements KeyProvider {

    private final Path keystore;
    private final Map<String, byte[]> keys;
    private final Map<String, String> problems;

    /**
     * @param keystore the {@code .p12} file
     * @param password the store and entry password; not kept
     * @throws NullPointerException if an argument is null
     * @throws MaskingKeyException if the file cannot be read, is not a PKCS#12 keystore, or the
     *     password is wrong
     */
    public Pkcs12KeyProvider(Path keystore, char[] password) {
        this.keystore = Objects.requireNonNull(keystore, "keystore");
        Objects.requireNonNull(password, "password");
        KeyStore store = load(keystore, password);
        Map<String, byte[]> found = new TreeMap<>();
        Map<String, String> refused = new TreeMap<>();
        try {
            for (String alias : Collections.list(store.aliases())) {
                String id = alias.toLowerCase(Locale.ROOT);
                if (!store.entryInstanceOf(alias, KeyStore.SecretKeyEntry.class)) {
                    refused.put(id, "is not a secret-key entry");
                    continue;
                }
                KeyStore.Entry entry = store.getEntry(alias, new KeyStore.PasswordProtection(password));
                byte[] encoded = ((KeyStore.SecretKeyEntry) entry).getSecretKey().getEncoded();
                if (encoded == null) {
                    refused.put(id, "holds a key that cannot be exported");
                } else {
                    found.put(id, encoded);
                }
            }
        } catch (UnrecoverableKeyException e) {
            throw new MaskingKeyException("PKCS#12 keystore " + keystore + ": an entry's password differs from the"
                    + " store's; give every secret-key entry the store password");
        } catch (GeneralSecurityException e) {
            throw new MaskingKeyException("PKCS#12 keystore " + keystore + ": its entries cannot be read ("
                    + e.getClass().getSimpleName() + "); check that it was written by keytool or KeyStore", e);
        }
        this.keys = found;
        this.problems = refused;
    }

    private static KeyStore load(Path keystore, char[] password) {
        String where = "PKCS#12 keystore " + keystore;
        try (InputStream in = Files.newInputStream(keystore)) {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(in, password);
            return store;
        } catch (NoSuchFileException e) {
            throw new MaskingKeyException(where + " does not exist; check the path of the masking keystore");
        } catch (AccessDeniedException e) {
            throw new MaskingKeyException(where + " cannot be read: access denied; give this process read access");
        } catch (IOException e) {
            if (e.getCause() instanceof UnrecoverableKeyException) {
                throw new MaskingKeyException(where + " cannot be opened: wrong password; check the keystore password");
            }
            throw new MaskingKeyException(where + " cannot be read: wrong password, or not a PKCS#12 file ("
                    + e.getClass().getSimpleName() + "); check the password and that the file is a .p12 keystore");
        } catch (GeneralSecurityException e) {
            throw new MaskingKeyException(where + " cannot be read (" + e.getClass().getSimpleName()
                    + "); check that the file is a .p12 keystore", e);
        }
    }

    @Override
    public byte[] key(String keyId) {
        String id = KeySizes.checkId(keyId).toLowerCase(Locale.ROOT);
        String source = "PKCS#12 keystore " + keystore;
        byte[] key = keys.get(id);
        if (key == null) {
            String problem = problems.get(id);
            throw new MaskingKeyException("masking key '" + keyId + "': the entry of that alias in " + source
                    + (problem != null ? " " + problem + "; store it as a secret key (keytool -genseckey)"
                    : " does not exist; add it with keytool -genseckey -alias " + id + " -keyalg AES -keysize 256"
                    + " -storetype PKCS12"));
        }
        return KeySizes.checkSize(keyId, key, source, "store a 128- or 256-bit AES key under that alias").clone();
    }

    @Override
    public String toString() {
        return "KeyProvider.pkcs12[" + keystore + ", " + keys.size() + " secret keys]";
    }
}
