package dev.studyboard.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.StandardEnvironment;
import org.springframework.core.io.ClassPathResource;

@DisplayName("The loader's configuration (application.yml)")
class DemoLoaderPropertiesTest {

    private static DemoLoaderProperties bind() throws IOException {
        var environment = new StandardEnvironment();
        for (var source :
                new YamlPropertySourceLoader().load("application", new ClassPathResource("application.yml"))) {
            environment.getPropertySources().addLast(source);
        }
        ConfigurationPropertySources.attach(environment);
        return Binder.get(environment).bindOrCreate("studyboard.demo", DemoLoaderProperties.class);
    }

    @Test
    @DisplayName("links the three writers of the notes to their demo accounts, by their Korean names")
    void accounts() throws IOException {
        assertThat(bind().accounts())
                .containsExactlyInAnyOrderEntriesOf(java.util.Map.of(
                        "이상경", "sanggyeong",
                        "김상초", "sangcho",
                        "김태현", "taehyun"));
    }

    @Test
    @DisplayName("sends the imports to the gateway, crediting a checklist's ticked tasks to 독자")
    void defaults() throws IOException {
        var demo = bind();

        assertThat(demo.baseUrl()).isEqualTo(URI.create("http://localhost:8080"));
        assertThat(demo.readerName()).isEqualTo("독자");
        assertThat(demo.timeout()).isEqualTo(Duration.ofMinutes(3));
    }
}
