package org.smarthall.rest.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "SmartHall REST API", description = "Authentication of /smarthall/api/v1.")
public @interface RestConfig {

    @AttributeDefinition(name = "JAAS realm", description = "Realm checked for HTTP Basic credentials (Karaf's own by default: etc/users.properties).")
    String realm() default "karaf";

    @AttributeDefinition(name = "Credential cache (s)",
            description = "How long a successful login is remembered, so that a busy kiosk is not a JAAS login per request. 0 turns the cache off.",
            min = "0", max = "3600")
    int credentialCacheSeconds() default 60;
}
