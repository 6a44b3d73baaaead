package org.smarthall.device.api;

import java.time.LocalDate;
import java.util.Arrays;

/**
 * The text and photo fields of a second-generation resident identity card.
 *
 * <p>The photo is kept in memory only, for the guidance screen: never stored, never logged.
 * {@link #toString()} masks the ID number and leaves the photo out.
 *
 * @param validTo {@code null} for a long-term (长期) card
 * @param photo   the card's raw photo bytes (WLT), may be empty
 */
public record IdCard(String name, Sex sex, String nation, LocalDate birthDate, String address, String idNumber,
        String authority, LocalDate validFrom, LocalDate validTo, byte[] photo) {

    public IdCard {
        photo = photo == null ? new byte[0] : photo.clone();
    }

    @Override
    public byte[] photo() {
        return photo.clone();
    }

    /** ID number for display: region prefix and the last four characters. */
    public String maskedIdNumber() {
        if (idNumber == null || idNumber.length() < 8) {
            return "****";
        }
        return idNumber.substring(0, 4) + "*".repeat(idNumber.length() - 8) + idNumber.substring(idNumber.length() - 4);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IdCard c && java.util.Objects.equals(idNumber, c.idNumber) && java.util.Objects.equals(name, c.name)
                && sex == c.sex && java.util.Objects.equals(nation, c.nation) && java.util.Objects.equals(birthDate, c.birthDate)
                && java.util.Objects.equals(address, c.address) && java.util.Objects.equals(authority, c.authority)
                && java.util.Objects.equals(validFrom, c.validFrom) && java.util.Objects.equals(validTo, c.validTo)
                && Arrays.equals(photo, c.photo);
    }

    @Override
    public int hashCode() {
        return java.util.Objects.hash(idNumber, name, birthDate);
    }

    @Override
    public String toString() {
        return "IdCard[" + maskedIdNumber() + "]";
    }
}
