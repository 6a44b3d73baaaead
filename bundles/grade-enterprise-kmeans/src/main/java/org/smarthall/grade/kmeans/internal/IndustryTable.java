package org.smarthall.grade.kmeans.internal;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * Industry-level external data the customer base does not hold: prosperity (行业景气度) and the
 * direct-purchase ratio (直购电比例) of each industry, keyed by a prefix of the GB/T 4754 industry
 * code. An enterprise takes the entry with the longest prefix of its code ({@code C2614} takes
 * {@code C26} unless {@code C261} is listed; a section letter alone, {@code C}, is a fallback);
 * no entry: both values are missing.
 *
 * <p>Written {@code CODE=prosperity/directPurchase} separated by commas, e.g.
 * {@code C26=0.55/0.60, C39=0.85/0.25}: prosperity an index from 0 (depressed) to 1 (booming),
 * direct purchase the share 0 to 1 of the industry's electricity bought directly from generators.
 */
public final class IndustryTable {

    /**
     * Demo figures for the 25 enterprise industries of the demo province (CustomerHistories):
     * made up to look plausible (heavy industry buys much of its power directly, services little;
     * electronics, software and electrical equipment boom, real estate and building materials do
     * not). They are not statistics: a province puts its own industry data here.
     */
    public static final String DEMO = "A01=0.55/0.05, C13=0.60/0.20, C15=0.50/0.15, C17=0.35/0.30, C22=0.35/0.45,"
            + " C26=0.55/0.60, C27=0.70/0.30, C29=0.45/0.40, C30=0.30/0.65, C31=0.30/0.75, C33=0.50/0.45,"
            + " C34=0.60/0.35, C36=0.70/0.30, C38=0.80/0.30, C39=0.85/0.25, D46=0.50/0.10, E47=0.35/0.10,"
            + " F51=0.55/0.05, F52=0.55/0.05, G54=0.65/0.10, H61=0.45/0.02, H62=0.50/0.02, I65=0.85/0.02,"
            + " K70=0.20/0.05, M73=0.80/0.05";

    private static final Pattern CODE = Pattern.compile("[A-T][0-9]{0,4}");

    /** One industry's figures. */
    public record Entry(double prosperity, double directPurchase) {
    }

    private final Map<String, Entry> entries;
    private final int longestPrefix;

    private IndustryTable(Map<String, Entry> entries) {
        this.entries = Collections.unmodifiableMap(entries);
        this.longestPrefix = entries.keySet().stream().mapToInt(String::length).max().orElse(0);
    }

    /** @throws IllegalArgumentException naming the entry that cannot be read */
    public static IndustryTable parse(String table) {
        if (table == null || table.isBlank()) {
            throw new IllegalArgumentException("industryTable is empty: without industry data there is no prosperity"
                    + " or direct-purchase ratio to cluster on");
        }
        Map<String, Entry> entries = new TreeMap<>();
        for (String item : table.split(",")) {
            String entry = item.trim();
            if (entry.isEmpty()) {
                continue;
            }
            int eq = entry.indexOf('=');
            int slash = entry.indexOf('/', eq + 1);
            if (eq < 0 || slash < 0) {
                throw entryRefused(entry, "write CODE=prosperity/directPurchase, e.g. C26=0.55/0.60");
            }
            String code = entry.substring(0, eq).trim().toUpperCase(Locale.ROOT);
            if (!CODE.matcher(code).matches()) {
                throw entryRefused(entry, code + " is not a GB/T 4754 code prefix (a section letter A-T and up to 4 digits)");
            }
            double prosperity = share(entry, "prosperity", entry.substring(eq + 1, slash));
            double direct = share(entry, "direct-purchase ratio", entry.substring(slash + 1));
            if (entries.put(code, new Entry(prosperity, direct)) != null) {
                throw entryRefused(entry, code + " is listed twice");
            }
        }
        if (entries.isEmpty()) {
            throw new IllegalArgumentException("industryTable has no entry");
        }
        return new IndustryTable(entries);
    }

    private static double share(String entry, String what, String text) {
        double value;
        try {
            value = Double.parseDouble(text.trim());
        } catch (NumberFormatException e) {
            throw entryRefused(entry, what + " " + text.trim() + " is not a number");
        }
        if (!(value >= 0 && value <= 1)) {
            throw entryRefused(entry, what + " " + text.trim() + " must be between 0 and 1");
        }
        return value;
    }

    private static IllegalArgumentException entryRefused(String entry, String why) {
        return new IllegalArgumentException("industryTable entry '" + entry + "': " + why);
    }

    /** The entry of the longest listed prefix of an industry code; empty when none is listed. */
    public Optional<Entry> lookup(String industryCode) {
        if (industryCode == null) {
            return Optional.empty();
        }
        String code = industryCode.trim().toUpperCase(Locale.ROOT);
        for (int length = Math.min(code.length(), longestPrefix); length > 0; length--) {
            Entry entry = entries.get(code.substring(0, length));
            if (entry != null) {
                return Optional.of(entry);
            }
        }
        return Optional.empty();
    }

    /** For the parameters: code to {prosperity, directPurchase}. */
    Map<String, Object> asParameters() {
        Map<String, Object> out = new LinkedHashMap<>();
        entries.forEach((code, e) -> out.put(code, Map.of("prosperity", e.prosperity(), "directPurchase",
                e.directPurchase())));
        return out;
    }

    int size() {
        return entries.size();
    }
}
