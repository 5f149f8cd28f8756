package cn.hardshiprelief.enrollment.api;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The OpenAPI description at /v3/api-docs (Swagger UI at /swagger-ui.html). */
@Configuration
class OpenApiConfig {

    @Bean
    OpenAPI hardshipReliefApi() {
        return new OpenAPI()
                .info(new Info().title("Hardship Relief API 困难职工帮扶管理系统接口").version("1")
                        .description("Enrollment applications and their review. HTTP Basic with the application's users; "
                                + "errors are RFC 9457 problem details in Chinese (add ?lang=en for English)."))
                .components(new Components().addSecuritySchemes("basicAuth",
                        new SecurityScheme().type(SecurityScheme.Type.HTTP).scheme("basic")));
    }
}
