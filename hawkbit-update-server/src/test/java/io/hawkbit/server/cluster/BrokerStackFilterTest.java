package io.hawkbit.server.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

class BrokerStackFilterTest {

    private static final String[] CANDIDATES = {
        "org.springframework.cloud.stream.config.BindingServiceConfiguration",
        "org.springframework.cloud.bus.BusAutoConfiguration",
        "org.springframework.boot.amqp.autoconfigure.RabbitAutoConfiguration",
        "org.springframework.boot.integration.autoconfigure.IntegrationAutoConfiguration",
        "org.springframework.boot.jdbc.autoconfigure.DataSourceAutoConfiguration",
        null
    };

    private static boolean[] match(MockEnvironment environment) {
        BrokerStackFilter filter = new BrokerStackFilter();
        filter.setEnvironment(environment);
        return filter.match(CANDIDATES, null);
    }

    @Test
    void busOff_leavesOutTheBrokerStackOnly() {
        assertThat(match(new MockEnvironment().withProperty("spring.cloud.bus.enabled", "false")))
                .containsExactly(false, false, false, false, true, true);
    }

    @Test
    void busOn_keepsEverything() {
        assertThat(match(new MockEnvironment().withProperty("spring.cloud.bus.enabled", "true")))
                .containsExactly(true, true, true, true, true, true);
    }

    @Test
    void busSwitchAbsent_keepsEverything_likeTheBusItself() {
        assertThat(match(new MockEnvironment())).containsExactly(true, true, true, true, true, true);
    }
}
