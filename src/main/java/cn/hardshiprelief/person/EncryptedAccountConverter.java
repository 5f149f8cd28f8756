package cn.hardshiprelief.person;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;
import org.springframework.stereotype.Component;

/**
 * Stores a bank account encrypted like an identity number ({@link IdentityNumberCipher}); pages and exports
 * mask it, only the bank file shows it whole. An account stored before accounts were encrypted is read as it
 * is and encrypted on its next save (or by {@link CryptoKeyRotation}).
 */
@Component
@Converter(autoApply = false)
public class EncryptedAccountConverter implements AttributeConverter<String, String> {

    private final IdentityNumberCipher cipher;

    public EncryptedAccountConverter(IdentityNumberCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String account) {
        return cipher.encrypt(account);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.decryptOrLegacy(stored);
    }
}
