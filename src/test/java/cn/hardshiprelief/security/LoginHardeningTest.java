package cn.hardshiprelief.security;

import cn.hardshiprelief.support.AppTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mock.env.MockEnvironment;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.test.web.servlet.request.RequestPostProcessor;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.httpBasic;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.redirectedUrl;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;
import static org.hamcrest.Matchers.containsString;

/**
 * Login hardening: lockout with a growing delay per account and per address on the form and on HTTP Basic,
 * the administrator's unlock, security headers, CSRF refusals on our 403 page, and a production start that
 * refuses the public development key. Each test uses addresses of its own, so no lock reaches other tests.
 */
@AppTest
class LoginHardeningTest {

    @Autowired
    MockMvc mvc;

    @Test
    void fiveWrongPasswordsLockTheAccountEvenForTheRightOneUntilAnAdministratorUnlocksIt() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(formLogin("office1", "wrong" + i, "10.1.0." + i)).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("office1", "demo123", "10.1.0.99")).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(get("/login").param("locked", "")).andExpect(content().string(containsString("登录失败次数过多")));

        mvc.perform(get("/admin/logins").with(user("admin").roles("ADMIN")))
                .andExpect(status().isOk()).andExpect(content().string(containsString("account:office1")));
        mvc.perform(post("/admin/logins/unlock").param("key", "account:office1").with(csrf())
                .with(user("admin").roles("ADMIN"))).andExpect(redirectedUrl("/admin/logins"));

        mvc.perform(formLogin("office1", "demo123", "10.1.0.99")).andExpect(redirectedUrl("/"));
    }

    @Test
    void httpBasicCountsTheSameFailuresAndALockedAccountGets401WithTheRightPassword() throws Exception {
        for (int i = 0; i < 5; i++) {
            mvc.perform(get("/api/tasks").with(httpBasic("hr1", "nope")).with(from("10.2.0." + i)))
                    .andExpect(status().isUnauthorized());
        }
        mvc.perform(get("/api/tasks").with(httpBasic("hr1", "demo123")).with(from("10.2.0.50")))
                .andExpect(status().isUnauthorized());

        mvc.perform(post("/admin/logins/unlock").param("key", "account:hr1").with(csrf())
                .with(user("admin").roles("ADMIN")));
        mvc.perform(get("/api/tasks").with(httpBasic("hr1", "demo123")).with(from("10.2.0.50")))
                .andExpect(status().isOk());
    }

    @Test
    void twentyFailuresFromOneAddressLockThatAddressForEveryAccountButNotOtherAddresses() throws Exception {
        for (int i = 0; i < 20; i++) {
            mvc.perform(formLogin("guess" + i, "x", "10.3.0.1")).andExpect(redirectedUrl("/login?error"));
        }
        mvc.perform(formLogin("director1", "demo123", "10.3.0.1")).andExpect(redirectedUrl("/login?locked"));
        mvc.perform(formLogin("director1", "demo123", "10.3.0.2")).andExpect(redirectedUrl("/"));
    }

    @Test
    void onlyAdministratorsSeeTheLocks() throws Exception {
        mvc.perform(get("/admin/logins").with(user("worker1").roles("WORKER"))).andExpect(status().isForbidden());
    }

    @Test
    void ourPagesSendAContentSecurityPolicyAndAReferrerPolicy() throws Exception {
        mvc.perform(get("/login"))
                .andExpect(header().string("Content-Security-Policy", containsString("default-src 'self'")))
                .andExpect(header().string("Content-Security-Policy", containsString("script-src 'self'")))
                .andExpect(header().string("Referrer-Policy", "same-origin"))
                .andExpect(header().string("X-Content-Type-Options", "nosniff"));
    }

    @Test
    void aProductionStartRefusesThePublicDevelopmentKey() {
        MockEnvironment mysql = new MockEnvironment().withProperty("hardship.demo-data", "false");
        mysql.setActiveProfiles("mysql");
        assertThatThrownBy(() -> new ProductionSafety(mysql).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("HARDSHIP_CRYPTO_KEY");

        MockEnvironment withoutDemo = new MockEnvironment().withProperty("hardship.demo-data", "false");
        assertThatThrownBy(() -> new ProductionSafety(withoutDemo).afterPropertiesSet())
                .isInstanceOf(IllegalStateException.class);

        mysql.setProperty("hardship.crypto.key", "Q5pMuEzdQcc6QaJif+zqsG/TVsSQDllyHnxZ42OFCGQ=");
        assertThatCode(() -> new ProductionSafety(mysql).afterPropertiesSet()).doesNotThrowAnyException();
        MockEnvironment demo = new MockEnvironment().withProperty("hardship.demo-data", "true");
        assertThatCode(() -> new ProductionSafety(demo).afterPropertiesSet()).doesNotThrowAnyException();
    }

    @Test
    void passwordsFollowThePolicy() {
        assertThatThrownBy(() -> PasswordPolicy.check("admin", "short1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordPolicy.check("admin", "onlyletters")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> PasswordPolicy.check("admin12345", "ADMIN12345")).isInstanceOf(IllegalArgumentException.class);
        assertThatCode(() -> PasswordPolicy.check("admin", "county2026union")).doesNotThrowAnyException();
    }

    private static MockHttpServletRequestBuilder formLogin(String username, String password, String address) {
        return post("/login").param("username", username).param("password", password).with(csrf()).with(from(address));
    }

    private static RequestPostProcessor from(String address) {
        return request -> {
            request.setRemoteAddr(address);
            return request;
        };
    }
}
