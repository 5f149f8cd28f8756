package cn.hardshiprelief.security;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

/**
 * A real deployment (the {@code mysql} profile, or any start without demo data) refuses to run with the public
 * development key: identity numbers and bank accounts encrypted with it would be readable by anyone who has
 * the source code. Demo and test starts on H2 keep the development key so that they need no set-up.
 */
@Component
class ProductionSafety implements InitializingBean {

    static final String KEY_PROPERTY = "hardship.crypto.key";

    private final Environment environment;

    ProductionSafety(Environment environment) {
        this.environment = environment;
    }

    @Override
    public void afterPropertiesSet() {
        boolean production = environment.acceptsProfiles(Profiles.of("mysql"))
                || !environment.getProperty("hardship.demo-data", Boolean.class, false);
        String key = environment.getProperty(KEY_PROPERTY, "");
        if (production && key.isBlank()) {
            throw new IllegalStateException("Refusing to start without an encryption key: set HARDSHIP_CRYPTO_KEY to the "
                    + "Base64 of 32 random bytes (e.g. `openssl rand -base64 32`) and keep it safe; identity numbers and "
                    + "bank accounts are encrypted with it. The public development key is for demo starts only "
                    + "(see docs/security.md).");
        }
    }
}
