package io.hawkbit.server;

import static org.assertj.core.api.Assertions.assertThat;

/** Assertions on API responses that print the body when they fail. */
final class JsonAssert {

    private JsonAssert() {}

    static void statusCode(ApiClient.Response response, int expected) {
        assertThat(response.status()).as(response.text()).isEqualTo(expected);
    }

    /** A hawkBit error body: the status, its errorCode and a message saying something. */
    static void error(ApiClient.Response response, int expected, String errorCode) {
        statusCode(response, expected);
        assertThat(response.json().get("errorCode").asString())
                .as(response.text())
                .isEqualTo(errorCode);
        assertThat(response.json().get("message").asString())
                .as(response.text())
                .isNotBlank();
    }
}
