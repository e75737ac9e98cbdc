package io.hawkbit.benchmarks.floorjpa;

import io.hawkbit.benchmarks.floor.FrameworkFloor;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * The framework floor with persistence (benchmarks/footprint.sh, variant floor-jpa): FrameworkFloor plus the
 * server's persistence stack as the server uses it (H2, Flyway with one migration, JPA on Hibernate validating the
 * schema, a Spring Data repository with a derived query), for one table. Laid between the framework floor and the
 * server, it tells what the persistence frameworks cost by themselves at start and what our entities, queries and
 * beans add on top.
 */
@SpringBootApplication
@Import(FrameworkFloor.Security.class)
@EnableJpaRepositories(considerNestedRepositories = true)
@RestController
public class FrameworkFloorJpa {

    private final Devices devices;

    FrameworkFloorJpa(Devices devices) {
        this.devices = devices;
    }

    public static void main(String[] args) {
        FrameworkFloor.run(
                FrameworkFloorJpa.class,
                Map.of(
                        "spring.jpa.hibernate.ddl-auto", "validate",
                        "spring.jpa.open-in-view", "false",
                        "spring.flyway.locations", "classpath:floorjpa"),
                args);
    }

    @GetMapping("/rest/v1/targets")
    Map<String, Object> targets() {
        return Map.of("content", List.of(), "total", devices.count());
    }

    @PostMapping("/rest/v1/targets")
    @ResponseStatus(HttpStatus.CREATED)
    List<Map<String, Object>> create(@RequestBody List<Map<String, Object>> body) {
        body.forEach(target -> {
            Device device = new Device();
            device.controllerId = (String) target.get("controllerId");
            devices.save(device);
        });
        return List.of();
    }

    @PutMapping("/rest/v1/system/configs/{key}")
    Map<String, Object> config(@PathVariable String key) {
        return Map.of("value", true);
    }

    @GetMapping("/{tenant}/controller/v1/{controllerId}")
    ResponseEntity<Map<String, Object>> poll(@PathVariable String tenant, @PathVariable String controllerId) {
        return devices.findByControllerId(controllerId)
                .map(device -> ResponseEntity.ok(
                        Map.<String, Object>of("config", Map.of("polling", Map.of("sleep", "00:05:00")))))
                .orElse(ResponseEntity.notFound().build());
    }

    @Entity
    @Table(name = "device")
    public static class Device {
        @Id
        @GeneratedValue(strategy = GenerationType.IDENTITY)
        Long id;

        String controllerId;
    }

    interface Devices extends JpaRepository<Device, Long> {
        Optional<Device> findByControllerId(String controllerId);
    }
}
