package io.hawkbit.benchmarks.floor;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The framework floor of benchmarks/footprint.sh (variants floor and floor-cds): a Spring Boot application on the
 * server's own library versions (web, Tomcat, security, actuator, Jackson, validation, Micrometer, Caffeine, logging)
 * with no persistence, no broker, no API documentation and no code of the server. It answers just what the harness
 * asks (the first 200, seeding, one setting, the DDI poll) with fixed bodies, so its start and RSS are what any
 * server built on this web stack pays before it does anything: the lower bound of what leaner persistence or fewer
 * beans of ours could reach.
 */
@SpringBootApplication
@RestController
public class FrameworkFloor {

    public static void main(String[] args) {
        run(FrameworkFloor.class, Map.of(), args);
    }

    /** Starts a floor with the harness's user (admin/admin) and the given default properties. */
    public static void run(Class<?> floor, Map<String, Object> defaults, String[] args) {
        Map<String, Object> properties = new HashMap<>(defaults);
        properties.put("spring.security.user.name", "admin");
        properties.put("spring.security.user.password", "{noop}admin");
        SpringApplication application = new SpringApplication(floor);
        application.setDefaultProperties(properties);
        application.run(args);
    }

    /** Devices poll without credentials (the harness's target tokens are not checked); the rest asks for basic auth. */
    @Configuration
    public static class Security {
        @Bean
        SecurityFilterChain security(HttpSecurity http) throws Exception {
            return http.authorizeHttpRequests(requests -> requests.requestMatchers("/*/controller/**")
                            .permitAll()
                            .anyRequest()
                            .authenticated())
                    .httpBasic(Customizer.withDefaults())
                    .csrf(csrf -> csrf.disable())
                    .build();
        }
    }

    /**
     * The endpoints of the floors with persistence (floor-jpa, floor-jdbc): the harness's seeding writes a row per
     * target and the poll reads it, so both floors do the same work on their own persistence stack.
     */
    public abstract static class DeviceEndpoints {

        protected abstract long count();

        protected abstract void add(String controllerId);

        protected abstract boolean exists(String controllerId);

        @GetMapping("/rest/v1/targets")
        Map<String, Object> targets() {
            return Map.of("content", List.of(), "total", count());
        }

        @PostMapping("/rest/v1/targets")
        @ResponseStatus(HttpStatus.CREATED)
        List<Map<String, Object>> create(@RequestBody List<Map<String, Object>> body) {
            body.forEach(target -> add((String) target.get("controllerId")));
            return List.of();
        }

        @PutMapping("/rest/v1/system/configs/{key}")
        Map<String, Object> config(@PathVariable String key) {
            return Map.of("value", true);
        }

        @GetMapping("/{tenant}/controller/v1/{controllerId}")
        ResponseEntity<Map<String, Object>> poll(@PathVariable String tenant, @PathVariable String controllerId) {
            return exists(controllerId)
                    ? ResponseEntity.ok(Map.of("config", Map.of("polling", Map.of("sleep", "00:05:00"))))
                    : ResponseEntity.notFound().build();
        }
    }

    @GetMapping("/rest/v1/targets")
    Map<String, Object> targets() {
        return Map.of("content", List.of(), "total", 0, "size", 0);
    }

    @PostMapping("/rest/v1/targets")
    @ResponseStatus(HttpStatus.CREATED)
    List<Map<String, Object>> create() {
        return List.of();
    }

    @PutMapping("/rest/v1/system/configs/{key}")
    Map<String, Object> config(@PathVariable String key) {
        return Map.of("value", true);
    }

    @GetMapping("/{tenant}/controller/v1/{controllerId}")
    Map<String, Object> poll(@PathVariable String tenant, @PathVariable String controllerId) {
        return Map.of("config", Map.of("polling", Map.of("sleep", "00:05:00")), "_links", Map.of());
    }
}
