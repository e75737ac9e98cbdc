package io.hawkbit.server;

import io.hawkbit.repository.lock.JobRun;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;

/**
 * Runs a scheduler once on every node of a test cluster at the same time, each on a thread of its own, as their
 * periods may overlap: the test decides when work happens, and the cluster lock still decides who does it.
 */
final class ConcurrentRuns {

    private static final Duration WAIT = Duration.ofSeconds(90);

    /** Rounds after which work that should have finished is taken for a scheduler that never stops finding some. */
    private static final int MAX_ROUNDS = 50;

    private ConcurrentRuns() {}

    /** Starts one run on every node; the futures end with each node's outcome. */
    static List<CompletableFuture<JobRun>> start(List<ClusterNode> nodes, Function<ClusterNode, JobRun> run) {
        // Threads of their own: the common pool may have a single thread on a small machine, which would run the
        // nodes one after the other.
        return nodes.stream()
                .map(node -> CompletableFuture.supplyAsync(
                        () -> run.apply(node), command -> new Thread(command, "run-once-" + node.id).start()))
                .toList();
    }

    /** One run on every node at once; the sum of their outcomes once all ended. */
    static JobRun round(List<ClusterNode> nodes, Function<ClusterNode, JobRun> run) {
        return sum(start(nodes, run).stream().map(ConcurrentRuns::join).toList());
    }

    /** The outcome of a started run; a run stuck in the database fails the test instead of hanging it. */
    static JobRun join(CompletableFuture<JobRun> run) {
        return run.orTimeout(WAIT.toSeconds(), TimeUnit.SECONDS).join();
    }

    /**
     * Rounds until one in which a node did run changes nothing, as the periods would go on; the sum of all rounds'
     * outcomes, the last (which proves nothing is left to do) included.
     */
    static JobRun untilNothingLeft(List<ClusterNode> nodes, Function<ClusterNode, JobRun> run) {
        JobRun total = JobRun.NONE;
        for (int i = 0; i < MAX_ROUNDS; i++) {
            JobRun round = round(nodes, run);
            total = plus(total, round);
            if (round.ran() > 0 && round.done() == 0) {
                return total;
            }
        }
        throw new AssertionError("still finding work after " + MAX_ROUNDS + " rounds: " + total);
    }

    static JobRun sum(List<JobRun> runs) {
        return runs.stream().reduce(JobRun.NONE, ConcurrentRuns::plus);
    }

    private static JobRun plus(JobRun a, JobRun b) {
        return new JobRun(a.ran() + b.ran(), a.skipped() + b.skipped(), a.done() + b.done());
    }
}
