package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

import io.hawkbit.repository.event.TargetCreatedEvent;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.IntFunction;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.event.EventListener;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** Every batch create of the Management API: at most hawkbit.quota.max-batch-size entries, all or nothing written. */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = "hawkbit.quota.max-batch-size=20")
@ActiveProfiles("test")
class BatchQuotaIT {

    private static final int QUOTA = 20;

    @TempDir
    static Path artifacts;

    @DynamicPropertySource
    static void storage(DynamicPropertyRegistry registry) {
        registry.add("hawkbit.artifact.storage.path", () -> artifacts.toString());
    }

    /** Records every TargetCreatedEvent of the context. */
    @TestConfiguration
    static class Recorder {

        final List<TargetCreatedEvent> created = new CopyOnWriteArrayList<>();

        @EventListener
        void on(TargetCreatedEvent event) {
            created.add(event);
        }
    }

    @LocalServerPort
    int port;

    @Autowired
    Recorder events;

    ApiClient api;
    String run;

    @BeforeEach
    void setUp() {
        api = new ApiClient(port);
        run = "b" + System.nanoTime();
    }

    @Test
    void targets_upToTheQuotaAreCreatedWithAnEventEach_oneMoreIsRefusedWritingNothing() {
        int eventsBefore = events.created.size();
        ApiClient.Response atLimit = api.mgmt("POST", "/rest/v1/targets", targets(run + "-ok-", QUOTA));
        assertThat(atLimit.status()).as(atLimit.text()).isEqualTo(201);
        assertThat(atLimit.json()).hasSize(QUOTA);
        assertThat(count("/rest/v1/targets?q=controllerId==" + run + "-ok-*")).isEqualTo(QUOTA);
        assertThat(events.created.subList(eventsBefore, events.created.size()))
                .extracting(TargetCreatedEvent::getControllerId)
                .containsExactlyInAnyOrderElementsOf(IntStream.range(0, QUOTA)
                        .mapToObj(i -> run + "-ok-" + i)
                        .toList());

        ApiClient.Response overLimit = api.mgmt("POST", "/rest/v1/targets", targets(run + "-over-", QUOTA + 1));
        assertQuotaError(overLimit);
        assertThat(count("/rest/v1/targets?q=controllerId==" + run + "-over-*")).isZero();
    }

    @Test
    void everyBatchCreate_refusesOneMoreThanTheQuotaWritingNothing() {
        long module = new Fixture(api).module(run + "-m", "1", "os");
        record Endpoint(String path, String rsqlField, IntFunction<String> item) {}
        List<Endpoint> endpoints = List.of(
                new Endpoint(
                        "/rest/v1/softwaremodules",
                        "name",
                        i -> "{\"name\":\"" + run + "-sm-" + i + "\",\"version\":\"1\",\"type\":\"os\"}"),
                new Endpoint(
                        "/rest/v1/distributionsets",
                        "name",
                        i -> "{\"name\":\"" + run + "-ds-" + i
                                + "\",\"version\":\"1\",\"type\":\"os\",\"modules\":[{\"id\":" + module + "}]}"),
                new Endpoint(
                        "/rest/v1/softwaremoduletypes",
                        "key",
                        i -> "{\"key\":\"" + run + "-smt-" + i + "\",\"name\":\"" + run + "-smt-" + i + "\"}"),
                new Endpoint(
                        "/rest/v1/distributionsettypes",
                        "key",
                        i -> "{\"key\":\"" + run + "-dst-" + i + "\",\"name\":\"" + run + "-dst-" + i + "\"}"),
                new Endpoint("/rest/v1/targettags", "name", i -> "{\"name\":\"" + run + "-tag-" + i + "\"}"));
        for (Endpoint endpoint : endpoints) {
            ApiClient.Response over = api.mgmt("POST", endpoint.path(), array(QUOTA + 1, endpoint.item()));
            assertQuotaError(over);
            String created = endpoint.path() + "?q=" + endpoint.rsqlField() + "==" + run + "-*-*";
            assertThat(count(created)).as(endpoint.path()).isZero();
            ApiClient.Response atLimit = api.mgmt("POST", endpoint.path(), array(QUOTA, endpoint.item()));
            assertThat(atLimit.status())
                    .as(endpoint.path() + " " + atLimit.text())
                    .isEqualTo(201);
            assertThat(count(created)).as(endpoint.path()).isEqualTo(QUOTA);
        }
    }

    @Test
    void targets_aDuplicateInTheBatchOrInTheDatabase_is409WritingNothing() {
        String inBatch = "[{\"controllerId\":\"" + run + "-a\"},{\"controllerId\":\"" + run
                + "-b\"},{\"controllerId\":\"" + run + "-a\"}]";
        assertConflict(api.mgmt("POST", "/rest/v1/targets", inBatch));
        assertThat(count("/rest/v1/targets?q=controllerId==" + run + "*")).isZero();

        assertThat(api.mgmt("POST", "/rest/v1/targets", "[{\"controllerId\":\"" + run + "-old\"}]")
                        .status())
                .isEqualTo(201);
        int eventsBefore = events.created.size();
        String againstDatabase = "[{\"controllerId\":\"" + run + "-new1\"},{\"controllerId\":\"" + run + "-old\"},"
                + "{\"controllerId\":\"" + run + "-new2\"}]";
        assertConflict(api.mgmt("POST", "/rest/v1/targets", againstDatabase));
        assertThat(count("/rest/v1/targets?q=controllerId==" + run + "*")).isEqualTo(1);
        assertThat(events.created.size()).as("no event for a rolled-back batch").isEqualTo(eventsBefore);
    }

    @Test
    void otherEntities_aDuplicateInTheBatchOrInTheDatabase_is409WritingNothing() {
        String tag = "{\"name\":\"" + run + "-t\"}";
        assertConflict(
                api.mgmt("POST", "/rest/v1/targettags", "[" + tag + ",{\"name\":\"" + run + "-u\"}," + tag + "]"));
        assertThat(api.mgmt("POST", "/rest/v1/targettags", "[" + tag + "]").status())
                .isEqualTo(201);
        assertConflict(api.mgmt("POST", "/rest/v1/targettags", "[{\"name\":\"" + run + "-v\"}," + tag + "]"));
        assertThat(count("/rest/v1/targettags?q=name==" + run + "*")).isEqualTo(1);

        String module = "{\"name\":\"" + run + "-sm\",\"version\":\"1\",\"type\":\"os\"}";
        String otherVersion = "{\"name\":\"" + run + "-sm\",\"version\":\"2\",\"type\":\"os\"}";
        assertConflict(
                api.mgmt("POST", "/rest/v1/softwaremodules", "[" + module + "," + otherVersion + "," + module + "]"));
        assertThat(api.mgmt("POST", "/rest/v1/softwaremodules", "[" + module + "]")
                        .status())
                .isEqualTo(201);
        assertConflict(api.mgmt("POST", "/rest/v1/softwaremodules", "[" + otherVersion + "," + module + "]"));
        assertThat(count("/rest/v1/softwaremodules?q=name==" + run + "*")).isEqualTo(1);
        String sameNameOtherType = "{\"name\":\"" + run + "-sm\",\"version\":\"1\",\"type\":\"application\"}";
        assertThat(api.mgmt("POST", "/rest/v1/softwaremodules", "[" + sameNameOtherType + "]")
                        .status())
                .isEqualTo(201);

        String set = "{\"name\":\"" + run + "-ds\",\"version\":\"1\",\"type\":\"os\"}";
        assertConflict(api.mgmt("POST", "/rest/v1/distributionsets", "[" + set + "," + set + "]"));
        assertThat(api.mgmt("POST", "/rest/v1/distributionsets", "[" + set + "]")
                        .status())
                .isEqualTo(201);
        assertConflict(api.mgmt(
                "POST",
                "/rest/v1/distributionsets",
                "[{\"name\":\"" + run + "-ds\",\"version\":\"2\",\"type\":\"os\"}," + set + "]"));
        assertThat(count("/rest/v1/distributionsets?q=name==" + run + "*")).isEqualTo(1);

        String type = "{\"key\":\"" + run + "-k\",\"name\":\"" + run + "-n\"}";
        assertConflict(api.mgmt(
                "POST",
                "/rest/v1/softwaremoduletypes",
                "[" + type + ",{\"key\":\"" + run + "-k2\",\"name\":\"" + run + "-n\"}]"));
        assertThat(api.mgmt("POST", "/rest/v1/softwaremoduletypes", "[" + type + "]")
                        .status())
                .isEqualTo(201);
        assertConflict(api.mgmt(
                "POST", "/rest/v1/softwaremoduletypes", "[{\"key\":\"" + run + "-k\",\"name\":\"" + run + "-n3\"}]"));
        assertThat(count("/rest/v1/softwaremoduletypes?q=key==" + run + "*")).isEqualTo(1);

        assertThat(api.mgmt("POST", "/rest/v1/distributionsettypes", "[" + type + "]")
                        .status())
                .isEqualTo(201);
        assertConflict(api.mgmt(
                "POST",
                "/rest/v1/distributionsettypes",
                "[{\"key\":\"" + run + "-k4\",\"name\":\"" + run + "-n4\"},{\"key\":\"" + run + "-k5\",\"name\":\""
                        + run + "-n\"}]"));
        assertThat(count("/rest/v1/distributionsettypes?q=key==" + run + "*")).isEqualTo(1);
    }

    private void assertQuotaError(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(400);
        assertThat(response.json().get("errorCode").asString()).isEqualTo("hawkbit.server.error.quota.tooManyEntries");
        assertThat(response.json().get("message").asString()).contains("at most " + QUOTA);
    }

    private static void assertConflict(ApiClient.Response response) {
        assertThat(response.status()).as(response.text()).isEqualTo(409);
        assertThat(response.json().get("errorCode").asString())
                .isEqualTo("hawkbit.server.error.repo.entitiyAlreayExists");
    }

    private long count(String pathAndQuery) {
        ApiClient.Response list = api.mgmt("GET", pathAndQuery);
        assertThat(list.status()).as(list.text()).isEqualTo(200);
        return list.json().get("total").asLong();
    }

    private static String targets(String prefix, int count) {
        return array(count, i -> "{\"controllerId\":\"" + prefix + i + "\"}");
    }

    private static String array(int count, IntFunction<String> item) {
        return IntStream.range(0, count).mapToObj(item).collect(Collectors.joining(",", "[", "]"));
    }
}
