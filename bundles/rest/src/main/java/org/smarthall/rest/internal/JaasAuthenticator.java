package org.smarthall.rest.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.Principal;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import javax.security.auth.Subject;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.apache.karaf.jaas.boot.principal.RolePrincipal;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Logs in against a JAAS realm (Karaf's {@code karaf} realm by default) and remembers a success
 * for a short while, keyed by the user and a hash of the password, so a kiosk polling the
 * queue is not a full login per request. A changed password simply misses the cache.
 */
final class JaasAuthenticator implements Authenticator {
    private static final Logger LOG = LoggerFactory.getLogger(JaasAuthenticator.class);
    private static final int MAX_CACHED = 10_000;

    private final String realm;
    private final long cacheNanos;
    private final LongSupplier clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    private record Cached(Identity identity, long expires) {
    }

    JaasAuthenticator(String realm, int cacheSeconds) {
        this(realm, cacheSeconds, System::nanoTime);
    }

    JaasAuthenticator(String realm, int cacheSeconds, LongSupplier clock) {
        this.realm = realm;
        this.cacheNanos = cacheSeconds * 1_000_000_000L;
        this.clock = clock;
    }

    @Override
    public Optional<Identity> authenticate(String user, char[] password) {
        String key = cacheNanos > 0 ? user + '\n' + sha256(password) : null;
        if (key != null) {
            Cached hit = cache.get(key);
            if (hit != null && hit.expires() - clock.getAsLong() > 0) {
                return Optional.of(hit.identity());
            }
        }
        Optional<Identity> identity = login(user, password);
        if (key != null && identity.isPresent()) {
            if (cache.size() >= MAX_CACHED) {
                cache.clear();
            }
            cache.put(key, new Cached(identity.get(), clock.getAsLong() + cacheNanos));
        }
        return identity;
    }

    private Optional<Identity> login(String user, char[] password) {
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        // the realm's login modules are found through the context class loader
        thread.setContextClassLoader(JaasAuthenticator.class.getClassLoader());
        try {
            Subject subject = new Subject();
            LoginContext login = new LoginContext(realm, subject, callbacks -> {
                for (var callback : callbacks) {
                    if (callback instanceof NameCallback name) {
                        name.setName(user);
                    } else if (callback instanceof PasswordCallback pass) {
                        pass.setPassword(password);
                    } else {
                        throw new UnsupportedCallbackException(callback);
                    }
                }
            });
            login.login();
            Set<String> roles = new HashSet<>();
            for (Principal p : subject.getPrincipals()) {
                if (p instanceof RolePrincipal) {
                    roles.add(p.getName());
                }
            }
            return Optional.of(new Identity(user, roles));
        } catch (LoginException e) {
            LOG.debug("Login failed for {}: {}", user, e.getMessage());
            return Optional.empty();
        } finally {
            thread.setContextClassLoader(previous);
        }
    }

    private static String sha256(char[] password) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            ByteBuffer bytes = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
            digest.update(bytes);
            return java.util.HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
