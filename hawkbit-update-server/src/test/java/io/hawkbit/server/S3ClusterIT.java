package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.hawkbit.server.cluster.ClusterMembers;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.AfterParameterizedClassInvocation;
import org.junit.jupiter.params.BeforeParameterizedClassInvocation;
import org.junit.jupiter.params.Parameter;
import org.junit.jupiter.params.ParameterizedClass;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Two nodes on the real database and broker sharing nothing but an S3 bucket (each has its own, empty artifact
 * directory): an artifact uploaded through one node is downloaded by a device through the other, and deleting it
 * through the second removes the object.
 */
@ParameterizedClass
@EnumSource(TestDatabase.class)
class S3ClusterIT {

    static TestDatabase server;

    @Parameter
    TestDatabase parameter;

    static S3rver s3;
    static String database;
    static ClusterNode first;
    static ClusterNode second;

    @BeforeParameterizedClassInvocation
    static void startCluster(TestDatabase testDatabase) throws Exception {
        server = testDatabase;
        server.assumeReachable();
        LocalServices.assumeRabbitMq();
        s3 = S3rver.start();
        database = server.create();
        first = node("s3-node-1");
        second = node("s3-node-2");
        await().atMost(Duration.ofSeconds(60))
                .until(() -> first.bean(ClusterMembers.class).live().size() == 2
                        && second.bean(ClusterMembers.class).live().size() == 2);
    }

    private static ClusterNode node(String id) throws Exception {
        List<String> args = new ArrayList<>();
        s3.properties().forEach(property -> args.add("--" + property));
        return new ClusterNode(id, database, Files.createTempDirectory(id), args.toArray(String[]::new));
    }

    @AfterParameterizedClassInvocation
    static void stopCluster() throws Exception {
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
        if (database != null) {
            server.drop(database);
        }
        if (s3 != null) {
            s3.close();
        }
    }

    @Test
    void uploadThroughOneNode_isDownloadedAndDeletedThroughTheOther() {
        byte[] firmware = S3ArtifactStoreIT.random(120_000, 21);
        String key = "DEFAULT/" + S3ArtifactStoreIT.hex("SHA-1", firmware);
        Fixture onFirst = new Fixture(first.api);
        long module = onFirst.module("s3-cluster", "1", "os");
        long artifactId = onFirst.artifact(module, "fw.bin", firmware).get("id").asLong();
        long set = onFirst.distributionSet("s3-cluster-set", "1", "os", module);
        String token = onFirst.target("s3-cluster-device");
        onFirst.assign("s3-cluster-device", set, "forced");

        ApiClient.Response download = second.api.send(
                "GET",
                "/DEFAULT/controller/v1/s3-cluster-device/softwaremodules/" + module + "/artifacts/fw.bin",
                (byte[]) null,
                Map.of("Authorization", "TargetToken " + token));
        assertThat(download.status()).isEqualTo(200);
        assertThat(download.body()).isEqualTo(firmware);

        assertThat(second.api
                        .mgmt("DELETE", "/rest/v1/softwaremodules/" + module + "/artifacts/" + artifactId)
                        .status())
                .isEqualTo(204);
        try (S3Client bucket = s3.client()) {
            assertThat(S3ArtifactStoreIT.keys(bucket)).doesNotContain(key);
        }
    }
}
