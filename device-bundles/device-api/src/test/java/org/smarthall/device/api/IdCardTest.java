package org.smarthall.device.api;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.LocalDate;

import org.junit.jupiter.api.Test;

class IdCardTest {
    private final byte[] photo = {1, 2, 3};
    private final IdCard card = new IdCard("张三", Sex.MALE, "汉", LocalDate.of(1980, 5, 17), "山东省济南市历下区",
            "37010219800517123X", "济南市公安局历下分局", LocalDate.of(2015, 1, 1), null, photo);

    @Test
    void theIdNumberIsMaskedInTextAndNeverPrinted() {
        assertEquals("3701**********123X", card.maskedIdNumber());
        assertFalse(card.toString().contains("19800517"), card.toString());
        assertFalse(card.toString().contains("张三"), card.toString());
    }

    @Test
    void thePhotoCannotBeChangedFromOutside() {
        photo[0] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, card.photo());
        card.photo()[1] = 9;
        assertArrayEquals(new byte[] {1, 2, 3}, card.photo());
    }

    @Test
    void textSizesAreBounded() {
        assertThrows(IllegalArgumentException.class, () -> new PrintElement.Text("A023", 9, true, PrintElement.Align.CENTER));
        assertEquals(1, PrintElement.Text.plain("欢迎").size());
    }
}
