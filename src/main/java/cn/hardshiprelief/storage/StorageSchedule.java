package cn.hardshiprelief.storage;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The sweep of unclaimed uploads runs on Spring's scheduler ({@link PendingUploads#sweep()}). */
@Configuration
@EnableScheduling
class StorageSchedule {
}
