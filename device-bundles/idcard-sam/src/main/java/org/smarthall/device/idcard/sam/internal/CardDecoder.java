package org.smarthall.device.idcard.sam.internal;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

import org.smarthall.device.api.IdCard;
import org.smarthall.device.api.Sex;

/**
 * The data of a read answer ({@code 30 01}, status {@code 90}): text length and photo length
 * (2 bytes each, big-endian), then 256 bytes of UCS-2LE text at fixed places (name 30 bytes,
 * sex 2, nation 4, birth 16, address 70, ID number 36, authority 30, valid from 16, valid to 16,
 * 36 reserved), then the photo (WLT, 1024 bytes). Fields are padded with spaces.
 */
final class CardDecoder {
    static final int TEXT_LENGTH = 256;
    static final int PHOTO_LENGTH = 1024;
    private static final DateTimeFormatter YMD = DateTimeFormatter.BASIC_ISO_DATE;
    /** Field sizes in bytes, in card order. */
    private static final int[] SIZES = {30, 2, 4, 16, 70, 36, 30, 16, 16};

    private CardDecoder() {
    }

    /**
     * @throws IllegalArgumentException when the data is not a card (lengths, dates, codes); the
     *         message names the field, never its value
     */
    static IdCard decode(byte[] data) {
        if (data.length < 4) {
            throw new IllegalArgumentException("read answer too short");
        }
        int textLength = (data[0] & 0xFF) << 8 | (data[1] & 0xFF);
        int photoLength = (data[2] & 0xFF) << 8 | (data[3] & 0xFF);
        if (textLength != TEXT_LENGTH || photoLength > PHOTO_LENGTH || data.length < 4 + textLength + photoLength) {
            throw new IllegalArgumentException("read answer lengths: text " + textLength + ", photo " + photoLength
                    + ", data " + data.length);
        }
        String[] f = new String[SIZES.length];
        int at = 4;
        for (int i = 0; i < SIZES.length; i++) {
            f[i] = new String(data, at, SIZES[i], StandardCharsets.UTF_16LE).strip();
            at += SIZES[i];
        }
        byte[] photo = Arrays.copyOfRange(data, 4 + textLength, 4 + textLength + photoLength);
        return new IdCard(f[0], sex(f[1]), Nations.name(f[2]), date("birth", f[3]), f[4], f[5], f[6],
                date("validFrom", f[7]), "长期".equals(f[8]) ? null : date("validTo", f[8]), photo);
    }

    private static Sex sex(String code) {
        return switch (code) {
            case "1" -> Sex.MALE;
            case "2" -> Sex.FEMALE;
            default -> Sex.UNSPECIFIED;
        };
    }

    private static LocalDate date(String field, String value) {
        try {
            return LocalDate.parse(value, YMD);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException(field + " is not a date");
        }
    }
}
