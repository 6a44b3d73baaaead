package org.smarthall.api.notify;

/**
 * What a channel can carry.
 *
 * @param maxLength    longest text in characters, 0 for no limit
 * @param templates    needs provider templates rather than free text
 * @param richContent  can carry links, pictures or cards
 * @param receipts     reports delivery after acceptance
 */
public record ChannelCapabilities(int maxLength, boolean templates, boolean richContent, boolean receipts) {
}
