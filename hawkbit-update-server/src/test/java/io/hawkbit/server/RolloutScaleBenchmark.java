package io.hawkbit.server;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.Test;

/**
 * Rollout scale on MariaDB (run by benchmarks/rollout-scale.sh; not part of the test suite): one
 * node, n targets, a rollout of two groups. Prints how long creating the rollout takes (selecting the targets and
 * fixing the groups) and how fast the first group's actions are created once it starts.
 */
class RolloutScaleBenchmark {

    @Test
    void measure() throws Exception {
        LocalServices.assumeMariaDb();
        LocalServices.assumeRabbitMq();
        int targets = Integer.getInteger("targets", 5000);
        String database = LocalServices.createMariaDbDatabase();
        Path artifacts = Files.createTempDirectory("rollout-scale");
        try (ClusterNode node = new ClusterNode("scale-1", database, artifacts).ignoringEvents()) {
            Fixture fixture = new Fixture(node.api);
            long set = fixture.completeSet("scale");
            fixture.targets("scale-", targets);
            long start = System.nanoTime();
            ApiClient.Response rollout = node.api.mgmt(
                    "POST",
                    "/rest/v1/rollouts",
                    "{\"name\":\"scale\"," + "\"targetFilterQuery\":\"controllerId==scale-*\",\"distributionSetId\":"
                            + set + ",\"amountGroups\":2}");
            double createMillis = (System.nanoTime() - start) / 1e6;
            if (rollout.status() != 201) {
                throw new IllegalStateException(rollout.text());
            }
            long id = rollout.json().get("id").asLong();
            start = System.nanoTime();
            node.api.mgmt("POST", "/rest/v1/rollouts/" + id + "/start");
            int group = (targets + 1) / 2;
            while (actions(database, id) < group) {
                if (System.nanoTime() - start > 600_000_000_000L) {
                    throw new IllegalStateException("group never filled");
                }
                Thread.sleep(50);
            }
            double startMillis = (System.nanoTime() - start) / 1e6;
            System.out.printf(
                    "RESULT rollout over %d targets: created in %.0f ms; first group of %d started (actions "
                            + "created) in %.0f ms = %.0f actions/s%n",
                    targets, createMillis, group, startMillis, group / (startMillis / 1000));
        } finally {
            LocalServices.dropMariaDbDatabase(database);
        }
    }

    private static long actions(String database, long rolloutId) throws Exception {
        try (Connection connection = DriverManager.getConnection(
                        database, LocalServices.MARIADB_USER, LocalServices.MARIADB_PASSWORD);
                ResultSet rs = connection
                        .createStatement()
                        .executeQuery("select count(*) from action where rollout_id = " + rolloutId)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
