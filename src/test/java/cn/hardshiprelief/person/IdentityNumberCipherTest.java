package cn.hardshiprelief.person;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalStateException;

import java.util.Arrays;
import java.util.Base64;

import org.junit.jupiter.api.Test;

class IdentityNumberCipherTest {

    private static final String NUMBER = "11010519491231002X";

    private static final String OTHER_NUMBER = "110105194912310011";

    private final IdentityNumberCipher cipher = new IdentityNumberCipher(key(1));

    @Test
    void decryptsWhatItEncrypted() {
        String stored = cipher.encrypt(NUMBER);

        assertThat(stored).startsWith("v1:").doesNotContain(NUMBER);
        assertThat(cipher.decrypt(stored)).isEqualTo(NUMBER);
    }

    @Test
    void storesBase64OfATwelveByteIvAndTheCiphertextWithItsTag() {
        byte[] stored = Base64.getDecoder().decode(cipher.encrypt(NUMBER).substring("v1:".length()));

        assertThat(stored).hasSize(12 + NUMBER.length() + 16);
    }

    @Test
    void encryptsTheSameNumberDifferentlyEachTime() {
        String first = cipher.encrypt(NUMBER);
        String second = cipher.encrypt(NUMBER);

        assertThat(first).isNotEqualTo(second);
        assertThat(cipher.decrypt(first)).isEqualTo(cipher.decrypt(second)).isEqualTo(NUMBER);
    }

    @Test
    void leavesNullAsNull() {
        assertThat(cipher.encrypt(null)).isNull();
        assertThat(cipher.decrypt(null)).isNull();
        assertThat(cipher.hash(null)).isNull();
    }

    @Test
    void hashesTheSameNumberAlwaysToTheSameIndex() {
        String index = cipher.hash(NUMBER);

        assertThat(index).hasSize(64).matches("[0-9a-f]{64}");
        assertThat(cipher.hash(NUMBER)).isEqualTo(index);
        assertThat(new IdentityNumberCipher(key(1)).hash(NUMBER)).isEqualTo(index);
    }

    @Test
    void hashesANumberTheSameHoweverItWasTyped() {
        assertThat(cipher.hash(" 11010519491231002x ")).isEqualTo(cipher.hash(NUMBER));
    }

    @Test
    void hashesDifferentNumbersToDifferentIndexes() {
        assertThat(cipher.hash(NUMBER)).isNotEqualTo(cipher.hash(OTHER_NUMBER));
    }

    @Test
    void hashesWithItsOwnKeySoTheIndexDependsOnTheSecret() {
        assertThat(new IdentityNumberCipher(key(2)).hash(NUMBER)).isNotEqualTo(cipher.hash(NUMBER));
    }

    @Test
    void refusesACiphertextThatWasTamperedWith() {
        byte[] stored = Base64.getDecoder().decode(cipher.encrypt(NUMBER).substring("v1:".length()));
        stored[20] ^= 1;
        String tampered = "v1:" + Base64.getEncoder().encodeToString(stored);

        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(tampered))
            .withMessageContaining("could not be authenticated")
            .withMessageNotContaining(NUMBER);
    }

    @Test
    void cannotDecryptWithADifferentKey() {
        String stored = cipher.encrypt(NUMBER);
        IdentityNumberCipher otherKey = new IdentityNumberCipher(key(2));

        assertThatIllegalStateException().isThrownBy(() -> otherKey.decrypt(stored))
            .withMessageContaining("different hardship.crypto.key");
    }

    @Test
    void refusesValuesThatItDidNotProduce() {
        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt(NUMBER)).withMessageContaining("v1:");
        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt("v1:not base64!"))
            .withMessageContaining("Base64");
        assertThatIllegalStateException().isThrownBy(() -> cipher.decrypt("v1:AAAA")).withMessageContaining("too short");
    }

    @Test
    void fallsBackToTheDevelopmentKeyWhenNoKeyIsConfigured() {
        IdentityNumberCipher development = new IdentityNumberCipher(null);

        assertThat(development.decrypt(new IdentityNumberCipher("").encrypt(NUMBER))).isEqualTo(NUMBER);
        assertThat(development.hash(NUMBER)).isNotEqualTo(cipher.hash(NUMBER));
    }

    @Test
    void refusesAKeyShorterThanThirtyTwoBytes() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[31]);

        assertThatIllegalStateException().isThrownBy(() -> new IdentityNumberCipher(shortKey))
            .withMessageContaining("at least 32 bytes");
    }

    @Test
    void refusesAKeyThatIsNotBase64() {
        assertThatIllegalStateException().isThrownBy(() -> new IdentityNumberCipher("not a key!"))
            .withMessageContaining("Base64");
    }

    @Test
    void convertsAnAttributeToAnEncryptedColumnAndBack() {
        EncryptedIdentityNumberConverter converter = new EncryptedIdentityNumberConverter(cipher);

        String column = converter.convertToDatabaseColumn(NUMBER);

        assertThat(column).startsWith("v1:");
        assertThat(converter.convertToEntityAttribute(column)).isEqualTo(NUMBER);
        assertThat(converter.convertToDatabaseColumn(null)).isNull();
        assertThat(converter.convertToEntityAttribute(null)).isNull();
    }

    /** A 32-byte key whose every byte is {@code seed}. */
    private static String key(int seed) {
        byte[] key = new byte[32];
        Arrays.fill(key, (byte) seed);
        return Base64.getEncoder().encodeToString(key);
    }

}
