package cn.hardshiprelief.person;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicBoolean;

import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Protects identity numbers at rest.
 * <ul>
 * <li>{@link #encrypt(String)} gives {@code v1:} followed by the Base64 of a random 12-byte IV and the AES-256-GCM
 * ciphertext with its tag. The version prefix lets a later key or algorithm be introduced while old values can still be
 * read.</li>
 * <li>{@link #hash(String)} gives a deterministic blind index, the hex HMAC-SHA256 of the number, so that a column can be
 * searched for an exact number without decrypting every row.</li>
 * </ul>
 * Both keys are derived from one secret, the property {@code hardship.crypto.key} (environment variable
 * {@code HARDSHIP_CRYPTO_KEY}): the Base64 of at least 32 random bytes. Without it a fixed development key is used,
 * which protects nothing, and a warning says so.
 */
@Component
public class IdentityNumberCipher {

    private static final Logger log = LoggerFactory.getLogger(IdentityNumberCipher.class);

    private static final String VERSION_1 = "v1:";

    private static final int IV_LENGTH = 12;

    private static final int TAG_BITS = 128;

    private static final int MINIMUM_KEY_LENGTH = 32;

    // Public by being in the source code: only for development and tests
    private static final byte[] DEVELOPMENT_KEY = "hardship-relief development key; never use in production"
        .getBytes(StandardCharsets.US_ASCII);

    private static final AtomicBoolean developmentKeyWarned = new AtomicBoolean();

    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKey encryptionKey;

    private final SecretKey indexKey;

    /** Decrypts what an earlier key encrypted, while {@link CryptoKeyRotation} re-encrypts it; null when none. */
    private final SecretKey previousEncryptionKey;

    /**
     * @param base64Key the Base64 of at least 32 bytes, or {@code null} or blank for the development key
     * @throws IllegalStateException if the key is not Base64 or too short, so a misconfigured application does not start
     */
    public IdentityNumberCipher(String base64Key) {
        this(base64Key, "", "");
    }

    /**
     * @param base64Key the current key ({@code HARDSHIP_CRYPTO_KEY})
     * @param previousBase64Key the key being rotated away from ({@code HARDSHIP_CRYPTO_PREVIOUS_KEY}), or blank
     * @param indexBase64Key the key of the blind index ({@code HARDSHIP_CRYPTO_INDEX_KEY}), or blank to derive it
     *        from the current key; after a rotation it stays the first key, since the index cannot be recomputed
     *        for people whose number is kept only as its index
     */
    @Autowired
    public IdentityNumberCipher(@Value("${hardship.crypto.key:}") String base64Key,
                                @Value("${hardship.crypto.previous-key:}") String previousBase64Key,
                                @Value("${hardship.crypto.index-key:}") String indexBase64Key) {
        byte[] secret = secretFrom(base64Key);
        boolean rotating = previousBase64Key != null && !previousBase64Key.isBlank();
        if (rotating && (indexBase64Key == null || indexBase64Key.isBlank())) {
            throw new IllegalStateException("hardship.crypto.previous-key is set without hardship.crypto.index-key: set "
                    + "HARDSHIP_CRYPTO_INDEX_KEY to the key the blind index was made with (the first key), or every "
                    + "search by identity number and the one-file-per-household check would stop finding anyone");
        }
        this.encryptionKey = new SecretKeySpec(hmac(secret, "aes"), "AES");
        this.previousEncryptionKey = previousBase64Key == null || previousBase64Key.isBlank() ? null
                : new SecretKeySpec(hmac(secretFrom(previousBase64Key), "aes"), "AES");
        byte[] indexSecret = indexBase64Key == null || indexBase64Key.isBlank() ? secret : secretFrom(indexBase64Key);
        this.indexKey = new SecretKeySpec(hmac(indexSecret, "index"), "HmacSHA256");
    }

    /** Encrypts a value; {@code null} stays {@code null}. Two encryptions of the same value differ. */
    public String encrypt(String plaintext) {
        if (plaintext == null) {
            return null;
        }
        byte[] iv = new byte[IV_LENGTH];
        RANDOM.nextBytes(iv);
        try {
            Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, encryptionKey, new GCMParameterSpec(TAG_BITS, iv));
            byte[] ciphertext = cipher.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            byte[] stored = ByteBuffer.allocate(IV_LENGTH + ciphertext.length).put(iv).put(ciphertext).array();
            return VERSION_1 + Base64.getEncoder().encodeToString(stored);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not encrypt an identity number", ex);
        }
    }

    /**
     * Decrypts what {@link #encrypt(String)} produced; {@code null} stays {@code null}.
     * @throws IllegalStateException if the value is not in a known format, was changed, or was encrypted with another
     * key
     */
    public String decrypt(String stored) {
        if (stored == null) {
            return null;
        }
        if (!stored.startsWith(VERSION_1)) {
            throw new IllegalStateException("Encrypted identity number has an unknown format (expected prefix "
                    + VERSION_1 + ")");
        }
        byte[] bytes;
        try {
            bytes = Base64.getDecoder().decode(stored.substring(VERSION_1.length()));
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("Encrypted identity number is not valid Base64", ex);
        }
        if (bytes.length < IV_LENGTH + TAG_BITS / 8) {
            throw new IllegalStateException("Encrypted identity number is too short to be genuine");
        }
        try {
            return decrypt(bytes, encryptionKey);
        } catch (AEADBadTagException ex) {
            if (previousEncryptionKey != null) {
                try {
                    return decrypt(bytes, previousEncryptionKey);
                } catch (AEADBadTagException previous) {
                    ex.addSuppressed(previous);
                } catch (GeneralSecurityException previous) {
                    throw new IllegalStateException("Could not decrypt an identity number", previous);
                }
            }
            throw new IllegalStateException("Encrypted identity number could not be authenticated: it was altered or "
                    + "encrypted with a different hardship.crypto.key", ex);
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("Could not decrypt an identity number", ex);
        }
    }

    /**
     * Decrypts a value that may predate encryption (a bank account stored in plain text before accounts were
     * encrypted): a value without the version prefix is returned as it is, and encrypted on its next save or by
     * {@link CryptoKeyRotation}.
     */
    public String decryptOrLegacy(String stored) {
        return stored == null || stored.startsWith(VERSION_1) ? decrypt(stored) : stored;
    }

    private static String decrypt(byte[] bytes, SecretKey key) throws GeneralSecurityException {
        Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, IV_LENGTH));
        byte[] plaintext = cipher.doFinal(bytes, IV_LENGTH, bytes.length - IV_LENGTH);
        return new String(plaintext, StandardCharsets.UTF_8);
    }

    /**
     * The blind index of an identity number: lower-case hex of its HMAC-SHA256, 64 characters. Surrounding whitespace
     * is ignored and a lower-case {@code x} counts as {@code X}, so that a search finds a number however it was typed;
     * {@code null} stays {@code null}.
     */
    public String hash(String identityNumber) {
        if (identityNumber == null) {
            return null;
        }
        String canonical = identityNumber.strip().toUpperCase(Locale.ROOT);
        return HexFormat.of().formatHex(hmac(indexKey, canonical));
    }

    private static byte[] secretFrom(String base64Key) {
        if (base64Key == null || base64Key.isBlank()) {
            if (developmentKeyWarned.compareAndSet(false, true)) {
                log.warn("hardship.crypto.key is not set: identity numbers are encrypted with the public development "
                        + "key. Production must set HARDSHIP_CRYPTO_KEY to the Base64 of 32 random bytes "
                        + "(e.g. `openssl rand -base64 32`).");
            }
            return DEVELOPMENT_KEY;
        }
        byte[] secret;
        try {
            secret = Base64.getDecoder().decode(base64Key.strip());
        } catch (IllegalArgumentException ex) {
            throw new IllegalStateException("hardship.crypto.key must be Base64", ex);
        }
        if (secret.length < MINIMUM_KEY_LENGTH) {
            throw new IllegalStateException("hardship.crypto.key must be the Base64 of at least " + MINIMUM_KEY_LENGTH
                    + " bytes, but has " + secret.length);
        }
        return secret;
    }

    private static byte[] hmac(byte[] key, String label) {
        return hmac(new SecretKeySpec(key, "HmacSHA256"), label);
    }

    private static byte[] hmac(SecretKey key, String message) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("HmacSHA256 is not available", ex);
        }
    }

}
