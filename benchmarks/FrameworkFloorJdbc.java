package io.hawkbit.benchmarks.floorjdbc;

import io.hawkbit.benchmarks.floor.FrameworkFloor;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.CrudRepository;
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
 * The framework floor with persistence but without JPA (benchmarks/footprint.sh, variant floor-jdbc): the same table,
 * migration and endpoints as FrameworkFloorJpa, on Spring Data JDBC instead of Spring Data JPA and Hibernate. Set
 * against floor-jpa, it tells what leaving Hibernate would give at start and in RSS before any code of ours.
 */
@SpringBootApplication
@Import(FrameworkFloor.Security.class)
@EnableJdbcRepositories(considerNestedRepositories = true)
@RestController
public class FrameworkFloorJdbc {

    private final Devices devices;

    FrameworkFloorJdbc(Devices devices) {
        this.devices = devices;
    }

    public static void main(String[] args) {
        FrameworkFloor.run(FrameworkFloorJdbc.class, Map.of("spring.flyway.locations", "classpath:floorjdbc"), args);
    }

    @GetMapping("/rest/v1/targets")
    Map<String, Object> targets() {
        return Map.of("content", List.of(), "total", devices.count());
    }

    @PostMapping("/rest/v1/targets")
    @ResponseStatus(HttpStatus.CREATED)
    List<Map<String, Object>> create(@RequestBody List<Map<String, Object>> body) {
        body.forEach(target -> devices.save(new Device(null, (String) target.get("controllerId"))));
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

    /** Spring Data JDBC quotes names, and H2 keeps the migration's unquoted names in upper case. */
    @Table("DEVICE")
    public record Device(@Id @Column("ID") Long id, @Column("CONTROLLER_ID") String controllerId) {}

    interface Devices extends CrudRepository<Device, Long> {
        Optional<Device> findByControllerId(String controllerId);
    }
}
