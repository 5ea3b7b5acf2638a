package cn.fupin.platform.config;

import java.io.IOException;
import java.io.UncheckedIOException;

import org.springframework.boot.EnvironmentPostProcessor;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.ConfigurableEnvironment;
import org.springframework.core.io.ClassPathResource;

/**
 * Adds {@code fupin-platform-defaults.yml} as the lowest-precedence property source: every service gets the
 * same defaults (virtual threads, Kafka producer, actuator, log pattern, token validation) and its own
 * {@code application.yml} or the environment overrides any of them.
 */
public class PlatformDefaults implements EnvironmentPostProcessor {

    @Override
    public void postProcessEnvironment(ConfigurableEnvironment environment, SpringApplication application) {
        try {
            new YamlPropertySourceLoader()
                    .load("fupin-platform-defaults", new ClassPathResource("fupin-platform-defaults.yml"))
                    .forEach(source -> environment.getPropertySources().addLast(source));
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
    }
}
