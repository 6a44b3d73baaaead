package org.smarthall.rest.internal;

import java.security.Principal;
import java.util.Set;

/** An authenticated caller and the roles the realm gave them. */
record Identity(String user, Set<String> roles) implements Principal {
    Identity {
        roles = Set.copyOf(roles);
    }

    @Override
    public String getName() {
        return user;
    }

    /** Whether the caller may use an endpoint open to the given roles; admin may use all. */
    boolean mayUse(String[] allowed) {
        if (roles.contains(org.smarthall.api.rest.Role.ADMIN)) {
            return true;
        }
        for (String role : allowed) {
            if (roles.contains(role)) {
                return true;
            }
        }
        return false;
    }
}
