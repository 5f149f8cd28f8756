package cn.hardshiprelief.security.camunda;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.ReadOnlyIdentityProvider;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Plugs {@link AppIdentityProvider} into the engine in place of its own identity tables. */
@Component
class AppIdentityProviderPlugin extends AbstractProcessEnginePlugin {

    private final DirectoryRows rows;
    private final PasswordEncoder passwordEncoder;

    AppIdentityProviderPlugin(DirectoryRows rows, PasswordEncoder passwordEncoder) {
        this.rows = rows;
        this.passwordEncoder = passwordEncoder;
    }

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        configuration.setIdentityProviderSessionFactory(new SessionFactory() {
            @Override
            public Class<?> getSessionType() {
                return ReadOnlyIdentityProvider.class;
            }

            @Override
            public Session openSession() {
                return new AppIdentityProvider(rows, passwordEncoder);
            }
        });
    }
}
