package org.creditkiosk.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.util.Optional;
import org.creditkiosk.config.ConfigKeys;
import org.creditkiosk.demo.platform.DemoSettings;
import org.junit.jupiter.api.Test;

/** Issue 10, item 8c: a verification link leads to the configured host over https, or it is not printed. */
class VerifyUrlTest {

    static final String HOST = "credit-platform.example";
    static final String NO = "YLXY-20261127-0003-000187";

    static Optional<String> check(String url) {
        return VerifyUrl.problem(url, HOST);
    }

    @Test
    void theContractsFormPasses() {
        assertThat(check("https://credit-platform.example/v?r=" + NO)).isEmpty();
        assertThat(check("https://CREDIT-platform.example./v?r=" + NO)).isEmpty();
        assertThat(check("https://credit-platform.example:443/verify/" + NO)).isEmpty();
    }

    @Test
    void anotherHostIsRefused() {
        for (String url : new String[] {"https://evil.example/v?r=" + NO,
                "https://credit-platform.example.evil.example/v?r=" + NO,
                "https://evil.example/credit-platform.example/v?r=" + NO,
                "https://evil.example#@credit-platform.example/v",
                "https://credit-platform.example@evil.example/v?r=" + NO,
                "https://xn--credit-platform-example.evil/v"}) {
            assertThat(check(url)).as(url).hasValueSatisfying(p -> assertThat(p).contains("verification host"));
        }
    }

    @Test
    void plainHttpOnlyToLoopback() {
        assertThat(check("http://credit-platform.example/v?r=" + NO)).hasValueSatisfying(p -> assertThat(p).contains("https"));
        assertThat(VerifyUrl.problem("http://127.0.0.1:41234/v?r=" + NO, "127.0.0.1")).isEmpty();
        assertThat(VerifyUrl.problem("http://localhost:8080/v?r=" + NO, "localhost")).isEmpty();
        assertThat(VerifyUrl.problem("http://[::1]:8080/v?r=" + NO, "[::1]")).isEmpty();
        assertThat(VerifyUrl.problem("http://10.0.0.5/v?r=" + NO, "10.0.0.5")).isPresent();
        assertThat(check("ftp://credit-platform.example/v")).isPresent();
        assertThat(check("javascript:alert(1)")).isPresent();
    }

    @Test
    void portsUserInfoAndStrangeCharactersAreRefused() {
        assertThat(check("https://credit-platform.example:8443/v?r=" + NO)).hasValueSatisfying(p -> assertThat(p).contains("port"));
        assertThat(check("https://user:pw@credit-platform.example/v?r=" + NO)).hasValueSatisfying(p -> assertThat(p).contains("user info"));
        assertThat(check("https://credit-platform.example/v?r=" + NO + "\n")).isPresent();
        assertThat(check("https://credit-platform.example/v?r=" + NO + " x")).isPresent();
        assertThat(check("https://credit-platform.example/v?r=\u202E" + NO)).isPresent();
        assertThat(check("https://信用.example/v")).isPresent();
        assertThat(check("https://credit-platform.example/v?r=" + "9".repeat(300))).hasValueSatisfying(p -> assertThat(p).contains("longer"));
        assertThat(check("/v?r=" + NO)).isPresent();
        assertThat(check("")).isPresent();
        assertThat(check(null)).isPresent();
        assertThat(check("https://credit-platform.example/v?r=" + NO + "\u001b")).hasValueSatisfying(p -> assertThat(p).doesNotContain(NO));
    }

    @Test
    void theDefaultsAgreeWithTheConfigKeyAndTheDemoPlatform() {
        assertThat(PlatformSettings.of("https://p.example/api", "K1", Optional.empty()).verifyHost())
                .isEqualTo(PlatformSettings.DEFAULT_VERIFY_HOST)
                .isEqualTo(ConfigKeys.VERIFY_HOST.defaultText())
                .isEqualTo(URI.create(DemoSettings.defaults().publicVerifyBase()).getHost());
    }
}
