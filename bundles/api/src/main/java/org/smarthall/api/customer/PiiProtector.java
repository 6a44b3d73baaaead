package org.smarthall.api.customer;

import org.osgi.annotation.versioning.ProviderType;

/**
 * Keeps personal identifiers unreadable at rest. Identity numbers and phones are stored as a
 * keyed hash (so that a swipe or a search finds the customer, while a stolen table cannot be
 * reversed by trying every birth date), phones also encrypted (the SMS channel needs the number).
 * The key is the province's own, never committed, shared by every node.
 */
@ProviderType
public interface PiiProtector {

    /** Keyed hash of a normalised identity number, hex. */
    String hashIdNumber(String idNumber);

    /** Keyed hash of a normalised phone, hex. */
    String hashPhone(String phone);

    /** Authenticated encryption, base64; a different result each call. */
    String encrypt(String plain);

    /** @throws IllegalArgumentException when the value was not encrypted with this key */
    String decrypt(String encrypted);
}
