package cn.hardshiprelief;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

import java.util.TimeZone;

/** Hardship Relief (困难职工帮扶管理系统): one Spring Boot application with Camunda 7 embedded. */
@SpringBootApplication
@ConfigurationPropertiesScan
public class HardshipReliefApplication {

    public static void main(String[] args) {
        // Dates in the domain are dates in Asia/Shanghai, wherever the server runs.
        TimeZone.setDefault(TimeZone.getTimeZone("Asia/Shanghai"));
        SpringApplication.run(HardshipReliefApplication.class, args);
    }
}
