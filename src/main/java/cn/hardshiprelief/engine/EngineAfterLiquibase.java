package cn.hardshiprelief.engine;

import org.camunda.bpm.engine.spring.ProcessEngineFactoryBean;
import org.springframework.beans.factory.config.ConfigurableListableBeanFactory;
import org.springframework.boot.sql.init.dependency.DependsOnDatabaseInitializationDetector;

import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Liquibase owns the engine's tables (schema-update is off), so the process engine must start
 * after Liquibase has run. Registered in META-INF/spring.factories: Spring Boot then orders the
 * engine after every database initializer, as it does for JPA.
 */
public class EngineAfterLiquibase implements DependsOnDatabaseInitializationDetector {

    @Override
    public Set<String> detect(ConfigurableListableBeanFactory beanFactory) {
        // factory beans are named with a leading '&'; the dependency is declared on the bean itself
        return Arrays.stream(beanFactory.getBeanNamesForType(ProcessEngineFactoryBean.class, true, false))
                .map(name -> name.startsWith("&") ? name.substring(1) : name).collect(Collectors.toSet());
    }
}
