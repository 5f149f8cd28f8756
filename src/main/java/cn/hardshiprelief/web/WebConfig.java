package cn.hardshiprelief.web;

import cn.hardshiprelief.security.CurrentActorResolver;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.servlet.LocaleResolver;
import org.springframework.web.servlet.config.annotation.InterceptorRegistry;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;
import org.springframework.web.servlet.i18n.CookieLocaleResolver;
import org.springframework.web.servlet.i18n.LocaleChangeInterceptor;

import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

/** Chinese by default, English on request ({@code ?lang=en}, remembered in a cookie). */
@Configuration
public class WebConfig implements WebMvcConfigurer {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

    private final CurrentActorResolver currentActorResolver;

    public WebConfig(CurrentActorResolver currentActorResolver) {
        this.currentActorResolver = currentActorResolver;
    }

    @Bean
    Clock clock() {
        return Clock.system(ZONE);
    }

    @Bean
    LocaleResolver localeResolver() {
        CookieLocaleResolver resolver = new CookieLocaleResolver("lang");
        resolver.setDefaultLocale(Locale.SIMPLIFIED_CHINESE);
        resolver.setCookieMaxAge(Duration.ofDays(365));
        return resolver;
    }

    @Override
    public void addInterceptors(InterceptorRegistry registry) {
        LocaleChangeInterceptor interceptor = new LocaleChangeInterceptor();
        interceptor.setParamName("lang");
        registry.addInterceptor(interceptor);
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(currentActorResolver);
    }
}
