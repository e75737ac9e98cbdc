package io.hawkbit.server;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.ActiveProfiles;

/**
 * One node on H2 behind real HTTP, shared by the Management API happy-path ITs: every class carrying exactly this
 * annotation (and no per-class properties, {@code @DynamicPropertySource} or mock beans) reuses one Spring context
 * from the test context cache. The artifact directory is bound once, so {@code random.uuid} gives each run its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hawkbit.artifact.storage.path=target/mgmt-api-it/${random.uuid}")
@ActiveProfiles("test")
@interface MgmtApiTest {}
