package org.smarthall.api.customer;

import java.time.Instant;

/**
 * A touch on a channel that is not a payment: an app or WeChat session, a 95598 call, a reply
 * to an earlier message. Channel preference is learned from these.
 */
public record Contact(Instant at, String channel, String kind) {
}
