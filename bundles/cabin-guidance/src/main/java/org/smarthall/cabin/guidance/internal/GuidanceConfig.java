package org.smarthall.cabin.guidance.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the guidance cabin behaves and routes; checked by {@link GuidanceSettings}. */
@ObjectClassDefinition(name = "SmartHall cabin: guidance",
        description = "Swipe to portrait: an ID card read at the entrance shows the customer's portrait and suggested"
                + " route at GET /smarthall/api/v1/halls/{hall}/guidance/latest and on the stream /guidance/stream."
                + " A changed configuration restarts the cabin: streams reconnect, buffers start empty.")
public @interface GuidanceConfig {

    @AttributeDefinition(name = "Latest portrait kept (minutes)",
            description = "How long GET .../guidance/latest answers with a hall's last portrait; 404 after that.",
            min = "1", max = "1440")
    int latestTtlMinutes() default 5;

    @AttributeDefinition(name = "Replay buffer per hall",
            description = "Recent portraits kept per hall for guidance screens that reconnect (Last-Event-ID). 0: none.",
            min = "0", max = "1000")
    int replaySize() default 20;

    @AttributeDefinition(name = "Heartbeat (s)",
            description = "A comment line is written to every stream this often so that idle streams stay open.",
            min = "1", max = "300")
    int heartbeatSeconds() default 15;

    @AttributeDefinition(name = "Reconnect delay (ms)",
            description = "The 'retry:' each stream opens with.", min = "100", max = "600000")
    int retryMillis() default 3_000;

    @AttributeDefinition(name = "VIP grades",
            description = "Grades (of any grading model) that send a customer to the VIP window, comma separated."
                    + " Empty: no grade does.")
    String vipGrades() default "diamond,platinum";

    @AttributeDefinition(name = "Key-account kinds",
            description = "Customer kinds served as key accounts at the VIP window, comma separated"
                    + " (RESIDENT, PREPAID_RESIDENT, ENTERPRISE, GOVERNMENT). Empty: none.")
    String vipKinds() default "ENTERPRISE,GOVERNMENT";

    @AttributeDefinition(name = "Priority trip classes",
            description = "Trip classes of prepaid customers (normal, occasional, frequent) sent to the priority"
                    + " window for the purchase-rescue 'second service', comma separated. Empty: none.")
    String priorityTrips() default "occasional,frequent";

    @AttributeDefinition(name = "Largest arrears for self-service (yuan)",
            description = "Arrears up to this amount may be paid at a self-service terminal; more sends the customer"
                    + " to a counter. 0: any arrears go to a counter.")
    String selfServiceMaxArrears() default "0";

    @AttributeDefinition(name = "Workers",
            description = "Threads that build portraits (database reads), off the EventAdmin thread.",
            min = "1", max = "16")
    int workers() default 2;

    @AttributeDefinition(name = "Swipes waiting at most",
            description = "Swipes queued for a worker at most; a swipe beyond is dropped (counted, logged).",
            min = "1", max = "10000")
    int queueCapacity() default 64;
}
