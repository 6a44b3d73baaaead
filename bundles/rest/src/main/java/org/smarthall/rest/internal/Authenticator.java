package org.smarthall.rest.internal;

import java.util.Optional;

/** Checks a user name and password. */
interface Authenticator {
    Optional<Identity> authenticate(String user, char[] password);
}
