package io.hawkbit.benchmarks.floorjpa;

import io.hawkbit.benchmarks.floor.FrameworkFloor;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.config.EnableJpaRepositories;
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
public class FrameworkFloorJpa extends FrameworkFloor.DeviceEndpoints {

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

    @Override
    protected long count() {
        return devices.count();
    }

    @Override
    protected void add(String controllerId) {
        Device device = new Device();
        device.controllerId = controllerId;
        devices.save(device);
    }

    @Override
    protected boolean exists(String controllerId) {
        return devices.findByControllerId(controllerId).isPresent();
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
