package org.smarthall.store.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.AttributeType;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "SmartHall personal data protection",
        description = "The province's key for hashing identity numbers and phones and encrypting phones. Generated on "
                + "first start into etc/org.smarthall.pii.cfg. Every node of a province must use the same key; losing it "
                + "makes stored identifiers unfindable: back the file up, never commit it.")
public @interface PiiConfig {

    @AttributeDefinition(name = "Key", type = AttributeType.PASSWORD,
            description = "32 random bytes, base64. Leave empty to have one generated.")
    String key() default "";
}
