package io.hawkbit.repository.distribution;

import io.hawkbit.repository.TenantProperties;
import io.hawkbit.repository.softwaremodule.SoftwareModuleType;
import io.hawkbit.repository.softwaremodule.SoftwareModuleTypeRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Creates hawkBit's default types for every configured tenant (software module types {@code os},
 * {@code application}, {@code runtime}; distribution set types {@code os}, {@code app}, {@code os_app}) so scripts
 * written for hawkBit work unchanged. Idempotent; safe when several nodes start together.
 */
@Component
class TenantInitializer {

    private static final Logger LOG = LoggerFactory.getLogger(TenantInitializer.class);
    private static final int MAX_ATTEMPTS = 5;

    private final TenantProperties tenants;
    private final SoftwareModuleTypeRepository moduleTypes;
    private final DistributionSetTypeRepository setTypes;
    private final TransactionTemplate transaction;

    public TenantInitializer(
            TenantProperties tenants,
            SoftwareModuleTypeRepository moduleTypes,
            DistributionSetTypeRepository setTypes,
            TransactionTemplate transaction) {
        this.tenants = tenants;
        this.moduleTypes = moduleTypes;
        this.setTypes = setTypes;
        this.transaction = transaction;
    }

    @EventListener(ApplicationReadyEvent.class)
    public void initialize() {
        tenants.getNames().forEach(this::initialize);
    }

    public void initialize(String tenant) {
        for (int attempt = 1; ; attempt++) {
            try {
                transaction.executeWithoutResult(status -> createDefaults(tenant));
                return;
            } catch (DataIntegrityViolationException e) {
                LOG.info("Default types of tenant {} were created by another node", tenant);
                return;
            } catch (ConcurrencyFailureException e) {
                // Nodes starting together insert the same keys: MariaDB may answer one of them with a deadlock on the
                // unique index instead of a duplicate key. The next attempt sees the winner's rows and stops.
                if (attempt == MAX_ATTEMPTS) {
                    throw e;
                }
                LOG.info(
                        "Creating the default types of tenant {} met another node's (attempt {}): retrying",
                        tenant,
                        attempt);
            }
        }
    }

    private void createDefaults(String tenant) {
        if (moduleTypes.existsByTenantAndKey(tenant, "os")) {
            return;
        }
        SoftwareModuleType os =
                moduleTypes.save(new SoftwareModuleType(tenant, "os", "OS", "Core firmware or operating system", 1));
        SoftwareModuleType app = moduleTypes.save(
                new SoftwareModuleType(tenant, "application", "Application", "Application addons", Integer.MAX_VALUE));
        moduleTypes.save(new SoftwareModuleType(tenant, "runtime", "Runtime", "Runtime environment", 1));

        DistributionSetType osOnly = new DistributionSetType(tenant, "os", "OS only", "Default type with OS only.");
        osOnly.addModuleType(os, true);
        DistributionSetType osApp = new DistributionSetType(
                tenant, DistributionSetTypeService.DEFAULT_KEY, "OS with app(s)", "Default type with OS and app(s).");
        osApp.addModuleType(os, true);
        osApp.addModuleType(app, false);
        DistributionSetType appOnly =
                new DistributionSetType(tenant, "app", "App(s) only", "Default type with app(s) only.");
        appOnly.addModuleType(app, true);
        setTypes.save(osOnly);
        setTypes.save(osApp);
        setTypes.save(appOnly);
        setTypes.flush();
        LOG.info("Created default software module and distribution set types for tenant {}", tenant);
    }
}
