package io.hawkbit.repository.lock;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

class JobRunTest {

    @Test
    void plus_countsTenantsRunAndSkipped_andAddsWhatTheWorkDid() {
        JobRun run =
                JobRun.NONE.plus(OptionalLong.of(3)).plus(OptionalLong.empty()).plus(OptionalLong.of(0));
        assertThat(run).isEqualTo(new JobRun(2, 1, 3));
    }
}
