package cn.hardshiprelief.person;

import jakarta.persistence.AttributeConverter;
import jakarta.persistence.Converter;

import org.springframework.stereotype.Component;

/**
 * Stores an identity number encrypted with {@link IdentityNumberCipher}. Apply it explicitly with
 * {@code @Convert(converter = EncryptedIdentityNumberConverter.class)}, and keep the
 * {@linkplain IdentityNumberCipher#hash(String) blind index} in a column of its own for searching.
 * <p>
 * Hibernate obtains the converter from Spring (Spring Boot configures its {@code SpringBeanContainer}), which is how
 * the cipher gets injected; a JPA test slice must therefore import {@link IdentityNumberCipher}.
 */
@Component
@Converter(autoApply = false)
public class EncryptedIdentityNumberConverter implements AttributeConverter<String, String> {

    private final IdentityNumberCipher cipher;

    public EncryptedIdentityNumberConverter(IdentityNumberCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public String convertToDatabaseColumn(String identityNumber) {
        return cipher.encrypt(identityNumber);
    }

    @Override
    public String convertToEntityAttribute(String stored) {
        return cipher.decrypt(stored);
    }

}
