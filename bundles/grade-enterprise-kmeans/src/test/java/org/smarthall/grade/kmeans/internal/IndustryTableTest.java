package org.smarthall.grade.kmeans.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

class IndustryTableTest {

    @Test
    void theDemoTableCoversTheDemoProvincesIndustries() {
        IndustryTable table = IndustryTable.parse(IndustryTable.DEMO);
        assertEquals(25, table.size());
        for (String code : "A01 C13 C15 C17 C22 C26 C27 C29 C30 C31 C33 C34 C36 C38 C39 D46 E47 F51 F52 G54 H61 H62 I65 K70 M73"
                .split(" ")) {
            assertTrue(table.lookup(code).isPresent(), code);
        }
        assertEquals(new IndustryTable.Entry(0.30, 0.75), table.lookup("C3120").orElseThrow());
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "C26=0.5          | industryTable entry 'C26=0.5': write CODE=prosperity/directPurchase, e.g. C26=0.55/0.60",
        "26=0.5/0.5       | industryTable entry '26=0.5/0.5': 26 is not a GB/T 4754 code prefix (a section letter A-T and up to 4 digits)",
        "C26=1.5/0.5      | industryTable entry 'C26=1.5/0.5': prosperity 1.5 must be between 0 and 1",
        "C26=0.5/x        | industryTable entry 'C26=0.5/x': direct-purchase ratio x is not a number",
        "'C26=0.5/0.5, c26=0.1/0.1' | industryTable entry 'c26=0.1/0.1': C26 is listed twice",
        "' , '            | industryTable has no entry",
    })
    void unreadableEntriesAreRefused(String table, String why) {
        assertEquals(why, assertThrows(IllegalArgumentException.class, () -> IndustryTable.parse(table)).getMessage());
    }
}
