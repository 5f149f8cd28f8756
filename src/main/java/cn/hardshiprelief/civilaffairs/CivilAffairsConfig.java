package cn.hardshiprelief.civilaffairs;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.concurrent.ThreadPoolTaskExecutor;

@Configuration(proxyBeanMethods = false)
class CivilAffairsConfig {

    static final String IMPORT_EXECUTOR = "rosterImportExecutor";

    /**
     * The import thread: one, so that imports on this node run one after another, each replacing the whole roster.
     * Not a default candidate, so that it is only used where asked for by name: Spring Boot's own
     * {@code applicationTaskExecutor} (and with it {@code @Async} and MVC's async requests) stays as it is. On
     * shutdown a running import may finish for up to a minute.
     */
    @Bean(name = IMPORT_EXECUTOR, defaultCandidate = false)
    ThreadPoolTaskExecutor rosterImportExecutor() {
        ThreadPoolTaskExecutor executor = new ThreadPoolTaskExecutor();
        executor.setThreadNamePrefix("roster-import-");
        executor.setCorePoolSize(1);
        executor.setMaxPoolSize(1);
        executor.setWaitForTasksToCompleteOnShutdown(true);
        executor.setAwaitTerminationSeconds(60);
        return executor;
    }
}
