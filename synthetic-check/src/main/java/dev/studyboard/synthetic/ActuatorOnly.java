package dev.studyboard.synthetic;

import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * What the long-running check serves: its actuator only (health for the probes, metrics for Prometheus), on the
 * management port that only the network reaches, as every Study Board process does. Anything else is refused.
 */
@Configuration(proxyBeanMethods = false)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET) // the job (profile once) serves nothing
class ActuatorOnly {

    @Bean
    SecurityFilterChain actuatorOnlyChain(HttpSecurity http) throws Exception {
        return http.sessionManagement(session -> session.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
                .csrf(csrf -> csrf.disable()) // no forms, no cookies: nothing a browser could be tricked into sending
                .authorizeHttpRequests(rules -> rules.requestMatchers(EndpointRequest.toAnyEndpoint())
                        .permitAll()
                        .anyRequest()
                        .denyAll())
                .build();
    }
}
