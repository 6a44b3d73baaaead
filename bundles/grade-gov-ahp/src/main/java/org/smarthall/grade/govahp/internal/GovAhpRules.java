package org.smarthall.grade.govahp.internal;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The gov-ahp configuration, parsed and checked: a configuration that makes no sense is refused
 * with the attribute and its value named. The consistency of the judgements is not a reason to
 * refuse here: {@link #comparison()} carries the CR, and fitting refuses an inconsistent matrix
 * so the run records why (see {@link GovAhpModel}). Field meanings are those of {@link GovAhpConfig}.
 */
public record GovAhpRules(List<Criterion> criteria, String pairwise, PairwiseComparison comparison,
        double maxConsistencyRatio, double diamondAbove, double platinumAbove, MissingPolicy missingIndicator,
        IndicatorRules indicators) {

    public static final String DIAMOND = "diamond";
    public static final String PLATINUM = "platinum";
    public static final String GOLD = "gold";

    static final String DEFAULT_CRITERIA = "social-influence, supply-dependency, sensitivity, consumption";
    /**
     * Social influence twice supply dependency, 3 times sensitivity, 5 times (strongly above)
     * consumption; supply dependency twice sensitivity, 3 times consumption; sensitivity twice
     * consumption. Weights 0.483, 0.272, 0.157, 0.088; lambda max 4.015, CR 0.005.
     */
    static final String DEFAULT_PAIRWISE = "2, 3, 5, 2, 3, 2";
    /**
     * GB/T 4754-2017 divisions of section S (91 party organs, 92 state organs, 93 CPPCC and
     * democratic parties, 94 social security, 95 mass and social organisations, 96 residents'
     * and villagers' committees), S90 for party organs coded by the 2011 edition, any other S,
     * health (Q84), education (P83), public facilities (N78).
     */
    static final String DEFAULT_INDUSTRY_LEVELS = "S91:80, S92:80, S93:70, S94:50, S95:50, S96:30, S90:80, S:40,"
            + " Q84:60, P83:50, N78:40";
    /** Health (hospitals), heat, gas and water supply (GB/T 4754-2017 Q84, D443, D45, D46). */
    static final String DEFAULT_CRITICAL_INDUSTRIES = "Q84, D443, D45, D46";
    static final String DEFAULT_SENSITIVE_FLAG_POINTS = "official:60, enterprise_leader:30";

    private static final Pattern SAATY = Pattern.compile("([1-9])|1\\s*/\\s*([1-9])");

    /** What a customer missing an indicator gets. */
    public enum MissingPolicy {
        UNKNOWN("unknown", "a customer missing any indicator is graded unknown; the reason names what is missing"),
        LOWEST("lowest", "a missing indicator counts 0 on its 0-100 scale; the reason says so");

        final String id;
        final String description;

        MissingPolicy(String id, String description) {
            this.id = id;
            this.description = description;
        }
    }

    /** @throws IllegalArgumentException naming the attribute and its value when the rules make no sense */
    public GovAhpRules {
        criteria = List.copyOf(criteria);
        if (comparison.size() != criteria.size()) {
            throw new IllegalArgumentException("the matrix has " + comparison.size() + " rows for " + criteria.size()
                    + " criteria");
        }
        if (!(maxConsistencyRatio > 0 && maxConsistencyRatio <= 1)) {
            throw refused("maxConsistencyRatio = " + number(maxConsistencyRatio) + " must be above 0 and at most 1");
        }
        if (!(platinumAbove >= 0)) {
            throw refused("platinumAbove = " + number(platinumAbove) + " must be 0 or more");
        }
        if (!(diamondAbove > platinumAbove && diamondAbove < 100)) {
            throw refused("diamondAbove = " + number(diamondAbove) + " must be above platinumAbove = "
                    + number(platinumAbove) + " and below 100");
        }
    }

    /** The rules of a configuration (Metatype defaults where the cfg file says nothing). */
    public static GovAhpRules of(GovAhpConfig c) {
        List<Criterion> criteria = criteria(c.criteria());
        String pairwise = c.pairwise() == null ? "" : c.pairwise().strip();
        PairwiseComparison comparison = new PairwiseComparison(matrix(criteria, pairwise));
        IndicatorRules indicators = new IndicatorRules(c.logScale(), c.minMeteredMonths(),
                levels("industryLevels", c.industryLevels(), true), c.otherIndustryLevel(),
                list(c.capitalRegions()), c.capitalPoints(), upper(list(c.criticalIndustries())), c.criticalFloor(),
                levels("sensitiveFlagPoints", c.sensitiveFlagPoints(), false), c.pointsPerComplaint(),
                c.complaintsMaxPoints());
        return new GovAhpRules(criteria, pairwise, comparison, c.maxConsistencyRatio(), c.diamondAbove(),
                c.platinumAbove(), missingPolicy(c.missingIndicator()), indicators);
    }

    /** The grade of a composite score: diamond above {@link #diamondAbove}, platinum above {@link #platinumAbove}, else gold. */
    public String gradeOf(double f) {
        return f > diamondAbove ? DIAMOND : f > platinumAbove ? PLATINUM : GOLD;
    }

    /** {@code diamond (F > 80)}: a grade with the rule that gave it. */
    String gradeRule(String grade) {
        return switch (grade) {
            case DIAMOND -> "diamond (F > " + number(diamondAbove) + ")";
            case PLATINUM -> "platinum (" + number(platinumAbove) + " < F <= " + number(diamondAbove) + ")";
            default -> "gold (F <= " + number(platinumAbove) + ")";
        };
    }

    private static List<Criterion> criteria(String text) {
        List<Criterion> criteria = new ArrayList<>();
        for (String id : list(text)) {
            Criterion c = Criterion.byId(id.toLowerCase(Locale.ROOT)).orElseThrow(() -> refused("criteria: '" + id
                    + "' is not a criterion; use " + Criterion.choices()));
            if (criteria.contains(c)) {
                throw refused("criteria names " + c.id + " twice, in '" + text + "'");
            }
            criteria.add(c);
        }
        if (criteria.isEmpty()) {
            throw refused("criteria is empty; name at least one of " + Criterion.choices());
        }
        return criteria;
    }

    /** The full reciprocal matrix from its upper triangle, row by row. */
    private static double[][] matrix(List<Criterion> criteria, String pairwise) {
        int n = criteria.size();
        List<String> values = list(pairwise);
        int expected = n * (n - 1) / 2;
        if (values.size() != expected) {
            throw refused("pairwise has " + values.size() + (values.size() == 1 ? " value" : " values") + "; "
                    + n + (n == 1 ? " criterion needs " : " criteria need ") + expected
                    + " (the upper triangle of the matrix, row by row" + (n > 1 ? ": " + cells(n) : "") + ")");
        }
        double[][] a = new double[n][n];
        int k = 0;
        for (int i = 0; i < n; i++) {
            a[i][i] = 1;
            for (int j = i + 1; j < n; j++) {
                String v = values.get(k++);
                Matcher m = SAATY.matcher(v);
                if (!m.matches()) {
                    throw refused("pairwise: '" + v + "' (" + criteria.get(i).id + " against " + criteria.get(j).id
                            + ") is not on Saaty's scale; write 1 to 9, or 1/2 to 1/9");
                }
                a[i][j] = m.group(1) != null ? Integer.parseInt(m.group(1)) : 1.0 / Integer.parseInt(m.group(2));
                a[j][i] = 1 / a[i][j];
            }
        }
        return a;
    }

    private static String cells(int n) {
        List<String> cells = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            for (int j = i + 1; j <= n; j++) {
                cells.add("a" + i + j);
            }
        }
        return String.join(", ", cells);
    }

    /** {@code key:value, ...} with integer values; keys upper-cased for industry codes. */
    private static Map<String, Integer> levels(String attribute, String text, boolean industry) {
        Map<String, Integer> levels = new LinkedHashMap<>();
        for (String entry : list(text)) {
            int colon = entry.indexOf(':');
            if (colon < 0) {
                throw refused(attribute + ": entry '" + entry + "' is not key:points");
            }
            String key = entry.substring(0, colon).strip();
            key = industry ? key.toUpperCase(Locale.ROOT) : key.toLowerCase(Locale.ROOT);
            int value;
            try {
                value = Integer.parseInt(entry.substring(colon + 1).strip());
            } catch (NumberFormatException e) {
                throw refused(attribute + ": entry '" + entry + "' has no whole number after the colon");
            }
            if (levels.put(key, value) != null) {
                throw refused(attribute + " names " + key + " twice, in '" + text + "'");
            }
        }
        return levels;
    }

    /** Comma-separated items, stripped; empty text is an empty list. */
    static List<String> list(String text) {
        List<String> items = new ArrayList<>();
        if (text == null || text.isBlank()) {
            return items;
        }
        for (String item : text.split(",")) {
            items.add(item.strip());
        }
        return items;
    }

    private static List<String> upper(List<String> codes) {
        return codes.stream().map(s -> s.toUpperCase(Locale.ROOT)).toList();
    }

    private static MissingPolicy missingPolicy(String text) {
        String id = text == null ? "" : text.strip().toLowerCase(Locale.ROOT);
        for (MissingPolicy p : MissingPolicy.values()) {
            if (p.id.equals(id)) {
                return p;
            }
        }
        throw refused("missingIndicator = '" + text + "' must be unknown or lowest");
    }

    /** {@code 80} or {@code 80.5}: a threshold as the configuration would write it. */
    static String number(double x) {
        return x == Math.rint(x) && Math.abs(x) < 1e15 ? Long.toString((long) x) : Double.toString(x);
    }

    static IllegalArgumentException refused(String why) {
        return new IllegalArgumentException("gov-ahp configuration refused: " + why);
    }
}
