package dev.studyboard.web;

import org.apache.catalina.core.StandardHost;
import org.apache.catalina.valves.ErrorReportValve;
import org.springframework.boot.autoconfigure.AutoConfiguration;
import org.springframework.boot.autoconfigure.condition.ConditionalOnClass;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.boot.webmvc.autoconfigure.error.ErrorMvcAutoConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import tools.jackson.databind.json.JsonMapper;

/**
 * What every servlet service gets from this module without declaring it: the request body limit
 * ({@link RequestBodyLimit}), the media type headers Spring MVC cannot cope with ({@link MediaTypeHeaders}),
 * and problem details for every error answer the service's own handlers do not write:
 * those rendered at {@code /error} ({@link ProblemErrorController}, in place of Spring Boot's) and Tomcat's own
 * ({@link ProblemReportValve}).
 */
@AutoConfiguration(before = ErrorMvcAutoConfiguration.class)
@ConditionalOnWebApplication(type = ConditionalOnWebApplication.Type.SERVLET)
@EnableConfigurationProperties(WebLimits.class)
public class WebProblemsAutoConfiguration {

    @Bean
    FilterRegistrationBean<RequestBodyLimit> requestBodyLimit(WebLimits limits, JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new RequestBodyLimit(limits.maxRequestBody(), json));
        // Early: after tracing and the audit log (so a refusal is traced and audited), before anything reads a body.
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 20);
        return registration;
    }

    @Bean
    FilterRegistrationBean<MediaTypeHeaders> mediaTypeHeaders(JsonMapper json) {
        var registration = new FilterRegistrationBean<>(new MediaTypeHeaders(json));
        registration.setOrder(Ordered.HIGHEST_PRECEDENCE + 21);
        return registration;
    }

    @Bean
    ProblemErrorController problemErrorController(JsonMapper json) {
        return new ProblemErrorController(json);
    }

    @Configuration(proxyBeanMethods = false)
    @ConditionalOnClass(name = "org.apache.catalina.startup.Tomcat")
    static class TomcatErrors {

        /** After Spring Boot's customizer (order 0), which adds Tomcat's HTML error report to the host. */
        @Bean
        WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> problemReportValve() {
            return factory -> factory.addContextCustomizers(context -> {
                if (context.getParent() instanceof StandardHost host) {
                    for (var valve : host.getPipeline().getValves()) {
                        if (valve instanceof ErrorReportValve) {
                            host.getPipeline().removeValve(valve);
                        }
                    }
                    host.getPipeline().addValve(new ProblemReportValve());
                    // so that the host, when it starts, finds its error report valve and adds no other
                    host.setErrorReportValveClass(ProblemReportValve.class.getName());
                }
            });
        }
    }
}
