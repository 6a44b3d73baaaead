package org.smarthall.rest.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicLong;

import javax.security.auth.login.AppConfigurationEntry;
import javax.security.auth.login.Configuration;

import org.apache.karaf.jaas.modules.properties.PropertiesLoginModule;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The authenticator against Karaf's own properties login module and a users file like the assembly's. */
class JaasAuthenticatorTest {
    @TempDir
    Path dir;
    private Path users;
    private Configuration previous;
    private final AtomicLong clock = new AtomicLong();

    @BeforeEach
    void realm() throws IOException {
        users = dir.resolve("users.properties");
        Files.writeString(users, """
                analyst = analyst-pw, _g_:analysts
                kiosk1 = kiosk-pw, kiosk
                _g_\\:analysts = group, analyst, viewer
                """);
        previous = Configuration.getConfiguration();
        Configuration.setConfiguration(new Configuration() {
            @Override
            public AppConfigurationEntry[] getAppConfigurationEntry(String name) {
                if (!"test-realm".equals(name)) {
                    return null;
                }
                return new AppConfigurationEntry[] {new AppConfigurationEntry(PropertiesLoginModule.class.getName(),
                        AppConfigurationEntry.LoginModuleControlFlag.REQUIRED, Map.of("users", users.toString()))};
            }
        });
    }

    @AfterEach
    void restore() {
        Configuration.setConfiguration(previous);
    }

    @Test
    void rolesComeFromTheUserAndItsGroups() {
        JaasAuthenticator auth = new JaasAuthenticator("test-realm", 0, clock::get);
        Identity analyst = auth.authenticate("analyst", "analyst-pw".toCharArray()).orElseThrow();
        assertEquals(Set.of("analyst", "viewer"), analyst.roles());
        assertEquals(Set.of("kiosk"), auth.authenticate("kiosk1", "kiosk-pw".toCharArray()).orElseThrow().roles());
    }

    @Test
    void wrongPasswordOrUnknownUserFails() {
        JaasAuthenticator auth = new JaasAuthenticator("test-realm", 60, clock::get);
        assertTrue(auth.authenticate("analyst", "nope".toCharArray()).isEmpty());
        assertTrue(auth.authenticate("mallory", "analyst-pw".toCharArray()).isEmpty());
    }

    @Test
    void aSuccessIsRememberedOnlyForTheCacheTimeAndOnlyForThatPassword() throws IOException {
        JaasAuthenticator auth = new JaasAuthenticator("test-realm", 60, clock::get);
        assertTrue(auth.authenticate("kiosk1", "kiosk-pw".toCharArray()).isPresent());

        Files.writeString(users, "kiosk1 = changed-pw, kiosk\n"); // the administrator changed the password
        assertTrue(auth.authenticate("kiosk1", "kiosk-pw".toCharArray()).isPresent(), "cached for 60 s");
        assertTrue(auth.authenticate("kiosk1", "changed-pw".toCharArray()).isPresent(), "the new password works at once");

        clock.addAndGet(61_000_000_000L);
        assertFalse(auth.authenticate("kiosk1", "kiosk-pw".toCharArray()).isPresent(), "expired: the old password is refused");
    }

    @Test
    void adminMayUseEverythingOthersOnlyTheirRoles() {
        Identity admin = new Identity("root", Set.of("admin"));
        Identity kiosk = new Identity("k", Set.of("kiosk"));
        assertTrue(admin.mayUse(new String[] {"analyst"}));
        assertTrue(kiosk.mayUse(new String[] {"hall-staff", "kiosk"}));
        assertFalse(kiosk.mayUse(new String[] {"analyst"}));
    }
}
