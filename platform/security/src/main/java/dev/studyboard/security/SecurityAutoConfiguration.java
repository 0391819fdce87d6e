package dev.studyboard.security;

import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import tools.jackson.databind.json.JsonMapper;

/** The shared parts of every servlet service's security: see {@link StudyBoardResourceServer}. */
@AutoConfiguration
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
public class SecurityAutoConfiguration {

    @Bean
    TokenAuthorities tokenAuthorities() {
        return new TokenAuthorities();
    }

    @Bean
    SecurityProblems securityProblems(JsonMapper json) {
        return new SecurityProblems(json);
    }

    @Bean
    StudyBoardResourceServer studyBoardResourceServer(TokenAuthorities tokenAuthorities, SecurityProblems problems) {
        return new StudyBoardResourceServer(tokenAuthorities, problems);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(OpenApiCustomizer.class)
    static class ApiDocumentation {

        @Bean
        ApiSecurityDocumentation apiSecurityDocumentation(
                @Value("${studyboard.auth.public-url:${spring.security.oauth2.resourceserver.jwt.issuer-uri:"
                                + "http://localhost:9000}}")
                        String authServerUrl) {
            return new ApiSecurityDocumentation(authServerUrl);
        }
    }
}
