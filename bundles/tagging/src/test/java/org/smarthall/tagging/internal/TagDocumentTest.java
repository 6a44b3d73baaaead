package org.smarthall.tagging.internal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.smarthall.api.tag.CustomerTag;
import org.smarthall.api.tag.TagValue;

class TagDocumentTest {
    private static final Instant AT = Instant.parse("2026-07-01T02:00:00Z");

    @Test
    void roundTripKeepsEveryThemeVersionDimensionValueScoreAndReason() {
        String json = TagDocument.encode(List.of(
                new TagDocument.ThemeTags("fee-risk", "1.1.0.202611231717",
                        List.of(new TagValue("fee-risk", "high", 72.5, "Overdue rule: 2025-12 bill unpaid 95 days \"late\""))),
                new TagDocument.ThemeTags("consumption", "1.0.0",
                        List.of(new TagValue("category", "resident-large", 1.2, "3,100 kWh a year"),
                                TagValue.unknown("trend", "only 4 metered months; 6 needed")))));
        List<CustomerTag> tags = TagDocument.decode(json, 42, AT);
        assertEquals(3, tags.size());
        assertEquals(new CustomerTag("fee-risk", "1.1.0.202611231717", "fee-risk", "high", 72.5,
                "Overdue rule: 2025-12 bill unpaid 95 days \"late\"", 42, AT), tags.get(0));
        assertEquals(new CustomerTag("consumption", "1.0.0", "trend", "unknown", 0, "only 4 metered months; 6 needed", 42, AT),
                tags.get(2));
        assertEquals(List.of("consumption", "category", "resident-large", "1.0.0"),
                List.of(TagDocument.keys(json).get(1)));
    }

    @Test
    void chineseReasonsAndNonFiniteScoresAreStoredSafely() {
        String json = TagDocument.encode(List.of(new TagDocument.ThemeTags("credit", "1.0.0",
                List.of(new TagValue("credit", "AA", Double.NaN, "按时缴费 12 个月")))));
        CustomerTag tag = TagDocument.decode(json, 1, AT).get(0);
        assertEquals("按时缴费 12 个月", tag.reason());
        assertEquals(0.0, tag.score());
    }

    @Test
    void aDocumentTooLongForTheColumnHasItsReasonsCut() {
        List<TagValue> values = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            values.add(new TagValue("d" + i, "v", i, "x".repeat(1000)));
        }
        String json = TagDocument.encode(List.of(new TagDocument.ThemeTags("wordy", "1.0.0", values)));
        assertTrue(json.length() <= TagDocument.MAX_CHARS, "fits the column: " + json.length());
        List<CustomerTag> tags = TagDocument.decode(json, 1, AT);
        assertEquals(60, tags.size(), "every tag kept");
        assertTrue(tags.get(0).reason().endsWith("…") && tags.get(0).reason().length() == 300);
    }

    @Test
    void somethingElseInTheColumnIsAClearError() {
        IllegalStateException e = assertThrows(IllegalStateException.class, () -> TagDocument.decode("[1,2]", 1, AT));
        assertTrue(e.getMessage().contains("not a tag document"), e.getMessage());
    }
}
