package org.smarthall.api.hall;

import java.time.Instant;

/**
 * Something that happened at a point of a hall.
 *
 * @param hall    hall id
 * @param zone    zone code
 * @param visitor the sensor's visitor id (badge, ticket, anonymous track)
 * @param account account of an identified customer, {@code null} for an anonymous visitor
 * @param kind    {@code enter}, {@code leave} or a touchpoint ({@code card_swipe}, {@code ticket_taken}, ...)
 * @param at      when
 * @param detail  what a touchpoint was about: the business code of {@code ticket_taken}, the window of
 *                {@code ticket_called} and {@code served}, the score of {@code rated}; else {@code null}
 */
public record ZoneEvent(String hall, String zone, String visitor, String account, String kind, Instant at,
        String detail) {
}
