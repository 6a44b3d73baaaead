package org.smarthall.notify.internal;

import org.osgi.service.metatype.annotations.AttributeDefinition;
import org.osgi.service.metatype.annotations.ObjectClassDefinition;

@ObjectClassDefinition(name = "SmartHall notification outbox",
        description = "How the outbox routes, holds, paces and retries messages. The channels' own settings (gateways, keys) are in their configurations.")
public @interface NotifyConfig {

    @AttributeDefinition(name = "Fallback order",
            description = "Channels tried, in order, after the customer's preferred channel and channel ranking (tag channel-preference), e.g. wechat, app-push, sms, email.")
    String fallbackOrder() default "wechat, app-push, sms, email";

    @AttributeDefinition(name = "Channel names of the preference tag",
            description = "How the channel-preference tag's channel codes map to channel ids, code:id, comma separated; codes not listed that are not channel ids are no messaging channel (hall, bank...).")
    String tagChannels() default "app:app-push";

    @AttributeDefinition(name = "Opt-in purposes",
            description = "Purposes sent only where the customer subscribed (consent granted on that channel). Any other purpose is sent unless the customer withdrew consent, or the caller asks for an opt-in.")
    String optInPurposes() default "marketing, survey";

    @AttributeDefinition(name = "Quiet hours",
            description = "HH:mm-HH:mm in China Standard Time, when no message but an urgent one goes to a person; empty for none. Messages wait until the end.")
    String quietHours() default "21:00-08:00";

    @AttributeDefinition(name = "Urgent purposes", description = "Purposes that quiet hours never hold (outage, safety).")
    String urgentPurposes() default "outage";

    @AttributeDefinition(name = "Channels without quiet hours", description = "Channels that are no person's phone: a hall screen.")
    String quietExempt() default "hall-screen";

    @AttributeDefinition(name = "Rate limits",
            description = "Messages per second per channel, channel:rate, comma separated; a channel not listed is not limited here (the channel may pace itself).")
    String rateLimits() default "sms:50, wechat:100, app-push:200, email:50";

    @AttributeDefinition(name = "Sending threads", description = "Messages handed to channels at the same time.", min = "1", max = "64")
    int threads() default 8;

    @AttributeDefinition(name = "Batch",
            description = "Most due messages looked at in one round of the dispatcher; at most twice the sending threads are sending at once, so a round claims no more than that.",
            min = "1", max = "2000")
    int batch() default 200;

    @AttributeDefinition(name = "Poll interval (ms)",
            description = "How often the dispatcher looks for messages whose retry is due; a submit wakes it at once.", min = "10", max = "60000")
    int pollMillis() default 500;

    @AttributeDefinition(name = "Attempts", description = "Sends tried before a message is dead-lettered (FAILED).", min = "1", max = "100")
    int maxAttempts() default 8;

    @AttributeDefinition(name = "First retry (s)", description = "Wait before the first retry; it doubles with each attempt.", min = "0")
    int backoffSeconds() default 5;

    @AttributeDefinition(name = "Longest retry wait (s)", min = "1")
    int backoffMaxSeconds() default 3600;

    @AttributeDefinition(name = "Wait for a channel (h)",
            description = "How long a message whose allowed channels are not installed waits for one (checked every 10 s) before it is dead-lettered.", min = "1")
    int channelWaitHours() default 24;

    @AttributeDefinition(name = "Send lease (s)",
            description = "How long a claimed message may be sending before the outbox takes it for a crash and recovers it.", min = "5")
    int leaseSeconds() default 120;

    @AttributeDefinition(name = "Channels that drop duplicates",
            description = "Channels whose provider drops a repeat of the same message id (app gateway Idempotency-Key, WeChat client_msg_id, hall screens). A message caught sending by a crash is resent on these; on the others (SMTP, Kannel) it is held IN_DOUBT for a person to check.")
    String resendInDoubt() default "app-push, wechat, hall-screen";

    @AttributeDefinition(name = "Receipt check (s)", description = "Wait before asking a channel with receipts what became of an accepted message; doubles each time.", min = "1")
    int receiptSeconds() default 30;

    @AttributeDefinition(name = "Receipt give-up (h)", description = "After this, an accepted message stays ACCEPTED and is no longer asked about.", min = "1")
    int receiptGiveUpHours() default 24;
}
