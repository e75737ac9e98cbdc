package io.hawkbit.repository.tenant;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.hawkbit.repository.error.HawkbitException;
import io.hawkbit.repository.error.ServerError;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.stream.Stream;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.NullSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Tenant settings: lookup by hawkBit's key, the values each kind accepts, their canonical and JSON forms. */
class TenantConfigKeyTest {

    private static void assertInvalid(ThrowingCallable call) {
        assertThatThrownBy(call)
                .isInstanceOf(HawkbitException.class)
                .satisfies(e -> assertThat(((HawkbitException) e).error()).isEqualTo(ServerError.CONFIG_VALUE_INVALID));
    }

    // ---- keys and defaults

    @Test
    void of_findsByHawkbitsKeyExactly() {
        assertThat(TenantConfigKey.of("pollingTime")).contains(TenantConfigKey.POLLING_TIME);
        assertThat(TenantConfigKey.of("repository.actions.autoclose.enabled"))
                .contains(TenantConfigKey.AUTOCLOSE_ENABLED);
        assertThat(TenantConfigKey.of("pollingtime")).isEmpty();
        assertThat(TenantConfigKey.of("unknown.key")).isEmpty();
        assertThat(TenantConfigKey.of(null)).isEmpty();
    }

    @Test
    void of_findsARenamedKeyByIts11NameAndItsOldOne() {
        assertThat(TenantConfigKey.ACTION_CLEANUP_EXPIRY.key()).isEqualTo("action.cleanup.auto.expiry");
        assertThat(TenantConfigKey.ACTION_CLEANUP_STATUS.key()).isEqualTo("action.cleanup.auto.status");
        assertThat(TenantConfigKey.of("action.cleanup.auto.expiry")).contains(TenantConfigKey.ACTION_CLEANUP_EXPIRY);
        assertThat(TenantConfigKey.of("action.cleanup.actionExpiry")).contains(TenantConfigKey.ACTION_CLEANUP_EXPIRY);
        assertThat(TenantConfigKey.of("action.cleanup.auto.status")).contains(TenantConfigKey.ACTION_CLEANUP_STATUS);
        assertThat(TenantConfigKey.of("action.cleanup.actionStatus")).contains(TenantConfigKey.ACTION_CLEANUP_STATUS);
    }

    @Test
    void keys_areDistinct() {
        assertThat(Arrays.stream(TenantConfigKey.values())
                        .flatMap(k -> Stream.concat(Stream.of(k.key()), k.alias().stream())))
                .doesNotHaveDuplicates();
    }

    // default.ds.type has no fixed default: unset, it means the tenant's own os_app type, whose id differs per tenant.
    @ParameterizedTest
    @EnumSource(value = TenantConfigKey.class, mode = EnumSource.Mode.EXCLUDE, names = "DEFAULT_DS_TYPE")
    void defaultValue_isAValueTheKeyAccepts(TenantConfigKey key) {
        assertThat(key.normalize(key.defaultValue())).isEqualTo(key.defaultValue());
        assertThat(key.typed(key.defaultValue())).isNotNull();
    }

    @Test
    void defaultDsType_takesAPositiveId_andIsUnsetByDefault() {
        TenantConfigKey key = TenantConfigKey.DEFAULT_DS_TYPE;
        assertThat(key.typed(key.defaultValue())).isNull();
        assertThat(key.normalize(12)).isEqualTo("12");
        assertThat(key.typed("12")).isEqualTo(12L);
        for (Object bad : new Object[] {0, -3, "os_app", true, ""}) {
            assertThatThrownBy(() -> key.normalize(bad)).as(String.valueOf(bad)).isInstanceOf(HawkbitException.class);
        }
    }

    @Test
    void onQuotaHitPercent_takesWholeNumbersFrom0To100_andIsOffByDefault() {
        TenantConfigKey key = TenantConfigKey.ACTION_CLEANUP_ON_QUOTA_HIT;
        assertThat(TenantConfigKey.of("action.cleanup.onQuotaHit.percent")).contains(key);
        assertThat(key.defaultValue()).isEqualTo("0");
        assertThat(key.normalize(0)).isEqualTo("0");
        assertThat(key.normalize("25")).isEqualTo("25");
        assertThat(key.normalize(100)).isEqualTo("100");
        assertThat(key.typed("25")).isEqualTo(25L);
        for (Object bad : new Object[] {101, -1, "12.5", "half", true}) {
            assertInvalid(() -> key.normalize(bad));
        }
    }

    @Test
    void defaults_targetTokenOnOthersAsHawkbit() {
        assertThat(TenantConfigKey.TARGET_TOKEN_ENABLED.defaultValue()).isEqualTo("true");
        assertThat(TenantConfigKey.GATEWAY_TOKEN_ENABLED.defaultValue()).isEqualTo("false");
        assertThat(TenantConfigKey.POLLING_TIME.defaultValue()).isEqualTo("00:05:00");
        assertThat(TenantConfigKey.ACTION_CLEANUP_EXPIRY.defaultValue())
                .isEqualTo(Long.toString(Duration.ofDays(30).toMillis()));
    }

    // ---- typed: the JSON type of a stored value

    @Test
    void typed_givesBooleansNumbersAndStrings() {
        assertThat(TenantConfigKey.AUTOCLOSE_ENABLED.typed("true")).isEqualTo(Boolean.TRUE);
        assertThat(TenantConfigKey.MAINTENANCE_WINDOW_POLL_COUNT.typed("3")).isEqualTo(3L);
        assertThat(TenantConfigKey.ACTION_CLEANUP_EXPIRY.typed("2592000000")).isEqualTo(2_592_000_000L);
        assertThat(TenantConfigKey.GATEWAY_TOKEN_KEY.typed("secret")).isEqualTo("secret");
        assertThat(TenantConfigKey.POLLING_TIME.typed("00:05:00")).isEqualTo("00:05:00");
    }

    // ---- BOOLEAN

    @Test
    void normalize_booleanAcceptsBooleansAndTheirTextInAnyCase() {
        assertThat(TenantConfigKey.AUTOCLOSE_ENABLED.normalize(Boolean.TRUE)).isEqualTo("true");
        assertThat(TenantConfigKey.AUTOCLOSE_ENABLED.normalize("TRUE")).isEqualTo("true");
        assertThat(TenantConfigKey.AUTOCLOSE_ENABLED.normalize(" False ")).isEqualTo("false");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "1", "", "on"})
    void normalize_booleanRejectsOtherText(String value) {
        assertInvalid(() -> TenantConfigKey.AUTOCLOSE_ENABLED.normalize(value));
    }

    @Test
    void normalize_booleanRejectsNumbersAndNull() {
        assertInvalid(() -> TenantConfigKey.AUTOCLOSE_ENABLED.normalize(1));
        assertInvalid(() -> TenantConfigKey.AUTOCLOSE_ENABLED.normalize(null));
    }

    @ParameterizedTest
    @EnumSource(
            value = TenantConfigKey.class,
            names = {
                "TARGET_TOKEN_ENABLED",
                "GATEWAY_TOKEN_ENABLED",
                "HEADER_AUTH_ENABLED",
                "ANONYMOUS_DOWNLOAD_ENABLED",
                "AUTOCLOSE_ENABLED",
                "ACTION_CLEANUP_ENABLED",
                "ROLLOUT_APPROVAL_ENABLED"
            })
    void normalize_implementedSwitchTakesTrue(TenantConfigKey key) {
        assertThat(key.normalize(true)).isEqualTo("true");
    }

    // ---- INTEGER and LONG

    @Test
    void normalize_integerAcceptsNumbersAndDigitsCanonically() {
        assertThat(TenantConfigKey.MAINTENANCE_WINDOW_POLL_COUNT.normalize(5)).isEqualTo("5");
        assertThat(TenantConfigKey.MAINTENANCE_WINDOW_POLL_COUNT.normalize(" 007 "))
                .isEqualTo("7");
        assertThat(TenantConfigKey.MAINTENANCE_WINDOW_POLL_COUNT.normalize(0)).isEqualTo("0");
        assertThat(TenantConfigKey.MAINTENANCE_WINDOW_POLL_COUNT.normalize(Integer.MAX_VALUE))
                .isEqualTo(Integer.toString(Integer.MAX_VALUE));
    }

    @Test
    void normalize_integerRejectsAboveIntRangeWhereLongTakesIt() {
        assertInvalid(() -> TenantConfigKey.MAINTENANCE_WINDOW_POLL_COUNT.normalize(Integer.MAX_VALUE + 1L));
        assertThat(TenantConfigKey.ACTION_CLEANUP_EXPIRY.normalize(Long.MAX_VALUE))
                .isEqualTo(Long.toString(Long.MAX_VALUE));
        assertInvalid(() -> TenantConfigKey.ACTION_CLEANUP_EXPIRY.normalize("9223372036854775808"));
    }

    @ParameterizedTest
    @EnumSource(
            value = TenantConfigKey.class,
            names = {"MAINTENANCE_WINDOW_POLL_COUNT", "ACTION_CLEANUP_EXPIRY"})
    void normalize_numberRejectsNegativesFractionsTextAndBooleans(TenantConfigKey key) {
        assertInvalid(() -> key.normalize(-1));
        assertInvalid(() -> key.normalize(1.5));
        assertInvalid(() -> key.normalize("ten"));
        assertInvalid(() -> key.normalize(""));
        assertInvalid(() -> key.normalize(true));
        assertInvalid(() -> key.normalize(null));
    }

    // ---- POLLING_TIME

    @ParameterizedTest
    @EnumSource(
            value = TenantConfigKey.class,
            names = {"POLLING_TIME", "POLLING_OVERDUE_TIME"})
    void normalize_pollingTimeAcceptsHhMmSsFromThirtySeconds(TenantConfigKey key) {
        assertThat(key.normalize("00:00:30")).isEqualTo("00:00:30");
        assertThat(key.normalize(" 01:00:00 ")).isEqualTo("01:00:00");
        assertThat(key.normalize("23:59:59")).isEqualTo("23:59:59");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "00:00:29",
                "00:00:00",
                "5:00",
                "0:05:00",
                "00:05",
                "24:00:00",
                "00:60:00",
                "00:05:60",
                "PT5M",
                ""
            })
    void normalize_pollingTimeRejectsOtherForms(String value) {
        assertInvalid(() -> TenantConfigKey.POLLING_TIME.normalize(value));
    }

    @Test
    void normalize_pollingTimeRejectsNumbers() {
        assertInvalid(() -> TenantConfigKey.POLLING_TIME.normalize(300));
    }

    @Test
    void normalize_errorStatesTheExpectedForm() {
        assertThatThrownBy(() -> TenantConfigKey.POLLING_TIME.normalize("5m"))
                .hasMessageContaining("'5m'")
                .hasMessageContaining("pollingTime")
                .hasMessageContaining("HH:MM:SS");
    }

    @Test
    void parsePollingTime_readsHhMmSs() {
        assertThat(TenantConfigKey.parsePollingTime("00:05:00")).contains(Duration.ofMinutes(5));
        assertThat(TenantConfigKey.parsePollingTime("01:02:03")).contains(Duration.ofSeconds(3723));
        // Below the minimum is still readable: only normalize enforces it.
        assertThat(TenantConfigKey.parsePollingTime("00:00:01")).contains(Duration.ofSeconds(1));
    }

    @ParameterizedTest
    @NullSource
    @ValueSource(strings = {"", "5:00:00", "00:05", "aa:bb:cc", "25:00:00", "00:61:00", " 00:05:00"})
    void parsePollingTime_anythingElseIsEmpty(String value) {
        assertThat(TenantConfigKey.parsePollingTime(value)).isEqualTo(Optional.empty());
    }

    // ---- STRING

    @Test
    void normalize_stringTakesTextTrimmed() {
        assertThat(TenantConfigKey.GATEWAY_TOKEN_KEY.normalize(" secret ")).isEqualTo("secret");
        assertThat(TenantConfigKey.GATEWAY_TOKEN_KEY.normalize("")).isEmpty();
        assertThat(TenantConfigKey.ACTION_CLEANUP_STATUS.normalize("CANCELED")).isEqualTo("CANCELED");
    }

    @Test
    void headerAuthority_isAStringOfHashes_emptyByDefault() {
        assertThat(TenantConfigKey.of("authentication.header.authority"))
                .contains(TenantConfigKey.HEADER_AUTH_AUTHORITY);
        assertThat(TenantConfigKey.HEADER_AUTH_AUTHORITY.defaultValue()).isEmpty();
        assertThat(TenantConfigKey.HEADER_AUTH_AUTHORITY.normalize(" ce275665;AB12CD34 "))
                .isEqualTo("ce275665;AB12CD34");
        assertInvalid(() -> TenantConfigKey.HEADER_AUTH_AUTHORITY.normalize(12345678));
    }

    @Test
    void normalize_stringRejectsOtherJsonTypes() {
        assertInvalid(() -> TenantConfigKey.GATEWAY_TOKEN_KEY.normalize(5));
        assertInvalid(() -> TenantConfigKey.GATEWAY_TOKEN_KEY.normalize(true));
        assertInvalid(() -> TenantConfigKey.GATEWAY_TOKEN_KEY.normalize(null));
    }

    @Test
    void normalize_confirmationFlowCanBeSwitchedOn() {
        assertThat(TenantConfigKey.USER_CONFIRMATION_ENABLED.normalize(true)).isEqualTo("true");
        assertThat(TenantConfigKey.USER_CONFIRMATION_ENABLED.normalize("TRUE")).isEqualTo("true");
    }
}
