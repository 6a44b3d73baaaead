package org.smarthall.channel.hallscreen.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

/** How the hall screens' streams behave; checked by {@link HallScreenSettings}. */
@ObjectClassDefinition(name = "SmartHall channel: hall screen",
        description = "Server-sent-events streams per hall (GET /smarthall/api/v1/halls/{hall}/screen/stream) for the"
                + " hall's TVs and big screen. A changed configuration restarts the channel: the screens reconnect"
                + " and the replay buffers start empty.")
public @interface HallScreenConfig {

    @AttributeDefinition(name = "Longest text",
            description = "Characters a screen shows at most; a longer message is refused (dead-lettered), not cut:"
                    + " a cut notice on a public screen can say something else than was meant.", min = "1")
    int maxLength() default 200;

    @AttributeDefinition(name = "Replay buffer per hall",
            description = "Recent events kept per hall for screens that connect or reconnect later. 0 keeps none.",
            min = "0", max = "10000")
    int bufferSize() default 50;

    @AttributeDefinition(name = "Replay window (minutes)",
            description = "How long an event stays in the replay buffer. A screen that connects within it gets it;"
                    + " the event's 'at' lets the page leave out what is stale for it (an old queue call). 0: no replay.",
            min = "0", max = "1440")
    int replayMinutes() default 30;

    @AttributeDefinition(name = "Heartbeat (s)",
            description = "A comment line is written to every stream this often, so that proxies and the TV's browser"
                    + " keep idle streams open and gone screens are noticed.", min = "1", max = "300")
    int heartbeatSeconds() default 15;

    @AttributeDefinition(name = "Reconnect delay (ms)",
            description = "The 'retry:' a stream opens with: how long a screen's EventSource waits before reconnecting.",
            min = "100", max = "600000")
    int retryMillis() default 5_000;

    @AttributeDefinition(name = "Delivery wait (ms)",
            description = "How long a send waits for the screens' writes before it answers: DELIVERED when at least one"
                    + " screen of the hall had the event written, ACCEPTED (kept for replay) otherwise.",
            min = "1", max = "60000")
    int deliveryWaitMillis() default 2_000;

    @AttributeDefinition(name = "Message ids remembered",
            description = "How many recent message ids are remembered, so that a repeat of one is answered like the"
                    + " first send and not shown again.", min = "1", max = "1000000")
    int rememberedMessages() default 10_000;
}
