/**
 * Tag theme {@code channel-preference}: ranks the channels each customer uses, from their own
 * behaviour, and names the channel notifications should use. Internal: nothing is exported.
 */
package org.smarthall.tag.channel.internal;
