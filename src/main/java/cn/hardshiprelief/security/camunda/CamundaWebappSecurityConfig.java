package cn.hardshiprelief.security.camunda;

import org.camunda.bpm.webapp.impl.security.auth.ContainerBasedAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import java.util.Map;

/** Registers Camunda's container-based authentication after Spring Security, for the webapps. */
@Configuration
class CamundaWebappSecurityConfig {

    @Bean
    FilterRegistrationBean<ContainerBasedAuthenticationFilter> camundaWebappAuthentication() {
        FilterRegistrationBean<ContainerBasedAuthenticationFilter> registration =
                new FilterRegistrationBean<>(new ContainerBasedAuthenticationFilter());
        registration.setInitParameters(Map.of("authentication-provider",
                SpringSecurityWebappAuthenticationProvider.class.getName()));
        // after the Spring Security filter chain (order -100)
        registration.setOrder(101);
        registration.addUrlPatterns("/camunda/app/*", "/camunda/api/*");
        return registration;
    }

    /** The /engine-rest filter runs inside the API's security chain only, not as a servlet filter of its own. */
    @Bean
    FilterRegistrationBean<EngineRestAuthenticationFilter> engineRestAuthenticationRegistration(
            EngineRestAuthenticationFilter filter) {
        FilterRegistrationBean<EngineRestAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
        registration.setEnabled(false);
        return registration;
    }
}
