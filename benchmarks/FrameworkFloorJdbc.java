package io.hawkbit.benchmarks.floorjdbc;

import io.hawkbit.benchmarks.floor.FrameworkFloor;
import java.util.Map;
import java.util.Optional;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.context.annotation.Import;
import org.springframework.data.annotation.Id;
import org.springframework.data.jdbc.repository.config.EnableJdbcRepositories;
import org.springframework.data.relational.core.mapping.Column;
import org.springframework.data.relational.core.mapping.Table;
import org.springframework.data.repository.CrudRepository;
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
public class FrameworkFloorJdbc extends FrameworkFloor.DeviceEndpoints {

    private final Devices devices;

    FrameworkFloorJdbc(Devices devices) {
        this.devices = devices;
    }

    public static void main(String[] args) {
        FrameworkFloor.run(FrameworkFloorJdbc.class, Map.of("spring.flyway.locations", "classpath:floorjdbc"), args);
    }

    @Override
    protected long count() {
        return devices.count();
    }

    @Override
    protected void add(String controllerId) {
        devices.save(new Device(null, controllerId));
    }

    @Override
    protected boolean exists(String controllerId) {
        return devices.findByControllerId(controllerId).isPresent();
    }

    /** Spring Data JDBC quotes names, and H2 keeps the migration's unquoted names in upper case. */
    @Table("DEVICE")
    public record Device(@Id @Column("ID") Long id, @Column("CONTROLLER_ID") String controllerId) {}

    interface Devices extends CrudRepository<Device, Long> {
        Optional<Device> findByControllerId(String controllerId);
    }
}
