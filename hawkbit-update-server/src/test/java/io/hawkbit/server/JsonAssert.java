package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on API responses that print the body when they fail. */
final class JsonAssert {

    private JsonAssert() {
    }

    static void statusCode(ApiClient.Response response, int expected) {
        assertThat(response.status()).as(response.text()).isEqualTo(expected);
    }
}
