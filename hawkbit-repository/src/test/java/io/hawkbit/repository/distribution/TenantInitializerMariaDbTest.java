package io.hawkbit.repository.distribution;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.RepositoryJpaTest;
import io.hawkbit.repository.ServerDatabase;
import io.hawkbit.repository.TenantProperties;
import io.hawkbit.repository.softwaremodule.SoftwareModuleTypeRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Import;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Nodes of a cluster start together and each creates the tenant's default types: on MariaDB the losers may get a
 * deadlock on the unique index instead of a duplicate key, and no node may fail its start over it.
 */
@RepositoryJpaTest
@DirtiesContext
@Import(TenantInitializer.class)
@EnableConfigurationProperties(TenantProperties.class)
@Transactional(propagation = Propagation.NOT_SUPPORTED)
class TenantInitializerMariaDbTest {

    private static final int NODES = 4;

    @RegisterExtension
    static final ServerDatabase DATABASE = ServerDatabase.mariaDb();

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        DATABASE.register(registry);
    }

    @Autowired
    TenantInitializer initializer;

    @Autowired
    SoftwareModuleTypeRepository moduleTypes;

    @Autowired
    DistributionSetTypeRepository setTypes;

    @Test
    void nodesStartingTogether_allStart_andTheDefaultsExistOnce() throws Exception {
        for (int round = 0; round < 10; round++) {
            String tenant = "TENANT_INIT_" + round;
            CyclicBarrier start = new CyclicBarrier(NODES);
            List<CompletableFuture<Void>> nodes = new ArrayList<>();
            for (int node = 0; node < NODES; node++) {
                nodes.add(CompletableFuture.runAsync(() -> {
                    await(start);
                    initializer.initialize(tenant);
                }));
            }
            CompletableFuture.allOf(nodes.toArray(CompletableFuture[]::new)).get();
            assertThat(moduleTypes.findAll().stream()
                            .filter(type -> type.getTenant().equals(tenant))
                            .count())
                    .isEqualTo(3);
            assertThat(setTypes.findAll().stream()
                            .filter(type -> type.getTenant().equals(tenant))
                            .count())
                    .isEqualTo(3);
        }
    }

    private static void await(CyclicBarrier barrier) {
        try {
            barrier.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
