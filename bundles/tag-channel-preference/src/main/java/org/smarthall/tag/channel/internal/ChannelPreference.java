package org.smarthall.tag.channel.internal;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import org.smarthall.api.customer.Codes;
import org.smarthall.api.customer.Contact;
import org.smarthall.api.customer.CustomerSnapshot;
import org.smarthall.api.customer.Payment;
import org.smarthall.api.customer.Recharge;
import org.smarthall.api.customer.VisitSummary;
import org.smarthall.api.customer.WorkOrder;
import org.smarthall.api.tag.TagValue;

/**
 * The channel-preference rules: ranks the channels a customer used in the 12 months before
 * {@code asOf} ({@code asOf} itself excluded) and picks the one notifications should use.
 * Immutable, so one instance serves every thread.
 * <p>
 * Each payment, recharge, contact, work order and hall visit adds its weight to its channel,
 * halved for every {@link ChannelRules#halfLifeDays()} of age (age in whole days before
 * {@code asOf}, in China time). Events without a date, a known channel code or a known
 * contact kind are counted in the reason and otherwise left out.
 */
final class ChannelPreference {
    static final String RANKING = "ranking";
    static final String PREFERRED = "preferred";
    static final int WINDOW_MONTHS = 12;

    /**
     * The channel codes, looked up by scanning with {@code equals}: the codes of a snapshot are
     * fresh strings, and hashing each of them once would cost more than ten short comparisons.
     */
    private static final String[] CODES = Codes.CHANNELS.toArray(new String[0]);
    private static final int CHANNELS = CODES.length;
    private static final int KINDS = Evidence.ALL.length;
    private static final long DAY = 86_400;
    /** A year of 12 months has at most 366 days: ages 1 to 366. */
    private static final int MAX_AGE = 366;

    private final double[] weight = new double[KINDS];
    /** Decay by age in days. */
    private final double[] decay = new double[MAX_AGE + 1];
    /** Per channel: the messaging channel that reaches its users, -1 for none. */
    private final int[] target = new int[CHANNELS];
    /** Per channel: its place in the configured order, lower wins a tie. */
    private final int[] place = new int[CHANNELS];
    private final String messaging;

    ChannelPreference(ChannelRules rules) {
        for (Evidence e : Evidence.ALL) {
            weight[e.ordinal()] = rules.weight(e);
        }
        for (int age = 0; age <= MAX_AGE; age++) {
            decay[age] = Math.pow(0.5, (double) age / rules.halfLifeDays());
        }
        for (int i = 0; i < CHANNELS; i++) {
            String to = rules.target(CODES[i]);
            target[i] = to.equals(ChannelRules.NONE) ? -1 : index(to);
            place[i] = rules.channelOrder().indexOf(CODES[i]);
        }
        messaging = String.join(", ", rules.messagingChannels());
    }

    List<TagValue> evaluate(CustomerSnapshot customer, LocalDate asOf) {
        LocalDate from = asOf.minusMonths(WINDOW_MONTHS);
        Tally tally = new Tally(from.toEpochDay(), asOf.toEpochDay(),
                from.atStartOfDay(Codes.TIME_ZONE).toEpochSecond(), asOf.atStartOfDay(Codes.TIME_ZONE).toEpochSecond());
        for (Payment p : customer.payments()) {
            tally.on(p.date(), p.channel(), Evidence.PAYMENT);
        }
        for (Recharge r : customer.recharges()) {
            tally.at(r.at(), r.channel(), Evidence.RECHARGE);
        }
        for (Contact c : customer.contacts()) {
            tally.at(c.at(), c.channel(), Evidence.ofContact(c.kind()));
        }
        for (WorkOrder w : customer.workOrders()) {
            tally.at(w.opened(), w.channel(), Evidence.WORK_ORDER);
        }
        for (VisitSummary v : customer.visits()) {
            tally.at(v.entered() != null ? v.entered() : v.left(), "hall", Evidence.VISIT);
        }
        if (tally.total == 0) {
            String reason = "no payments, recharges, contacts, work orders or hall visits from " + from + " to "
                    + asOf.minusDays(1) + tally.nothingNote();
            return List.of(TagValue.unknown(RANKING, reason), TagValue.unknown(PREFERRED, reason));
        }
        int[] ranked = rank(tally.score);
        return List.of(ranking(tally, ranked), preferred(tally, ranked));
    }

    private TagValue ranking(Tally tally, int[] ranked) {
        StringBuilder value = new StringBuilder(48);
        StringBuilder reason = new StringBuilder(160);
        for (int i = 0; i < ranked.length; i++) {
            int channel = ranked[i];
            if (i > 0) {
                value.append(',');
                reason.append("; ");
            }
            value.append(CODES[channel]);
            reason.append(CODES[channel]).append(' ').append(percent(tally.score[channel], tally.total))
                    .append("%: ");
            tally.evidence(reason, channel);
        }
        reason.append(tally.ignoredNote());
        return new TagValue(RANKING, value.toString(), tally.score[ranked[0]] / tally.total, reason.toString());
    }

    private TagValue preferred(Tally tally, int[] ranked) {
        double[] reach = new double[CHANNELS];
        for (int channel : ranked) {
            if (target[channel] >= 0) {
                reach[target[channel]] += tally.score[channel];
            }
        }
        int best = -1;
        for (int i = 0; i < CHANNELS; i++) {
            if (reach[i] > 0 && (best < 0 || wins(reach, i, best))) {
                best = i;
            }
        }
        StringBuilder reason = new StringBuilder(160);
        if (best < 0) {
            reason.append("uses ");
            for (int i = 0; i < ranked.length; i++) {
                reason.append(i == 0 ? "" : ", ").append(CODES[ranked[i]]);
            }
            reason.append(ranked.length == 1 ? ", which cannot be messaged" : "; none of them can be messaged")
                    .append(" (messaging channels: ").append(messaging).append(')');
            return TagValue.unknown(PREFERRED, reason.toString());
        }
        String name = CODES[best];
        reason.append(name).append(' ').append(percent(reach[best], tally.total)).append("% of the use (");
        boolean first = true;
        for (int channel : ranked) {
            if (target[channel] != best) {
                continue;
            }
            reason.append(first ? "" : "; ");
            first = false;
            if (channel != best) {
                reason.append(CODES[channel]).append(" reached by ").append(name).append(": ");
            }
            tally.evidence(reason, channel);
        }
        reason.append(')');
        first = true;
        for (int channel : ranked) {
            if (tally.score[channel] <= reach[best]) {
                break;
            }
            if (target[channel] < 0) {
                reason.append(first ? "; " : ", ").append(CODES[channel]);
                first = false;
            }
        }
        if (!first) {
            reason.append(" ranked higher but cannot be messaged");
        }
        return new TagValue(PREFERRED, name, reach[best] / tally.total, reason.toString());
    }

    /** The channels with a score, best first. */
    private int[] rank(double[] score) {
        int n = 0;
        int[] ranked = new int[CHANNELS];
        for (int i = 0; i < CHANNELS; i++) {
            if (score[i] > 0) {
                int j = n++;
                while (j > 0 && wins(score, i, ranked[j - 1])) {
                    ranked[j] = ranked[j - 1];
                    j--;
                }
                ranked[j] = i;
            }
        }
        return Arrays.copyOf(ranked, n);
    }

    private boolean wins(double[] score, int a, int b) {
        return score[a] > score[b] || (score[a] == score[b] && place[a] < place[b]);
    }

    /** The index of a channel code in {@link Codes#CHANNELS}, -1 for {@code null} or an unknown code. */
    private static int index(String channel) {
        if (channel != null) {
            for (int i = 0; i < CHANNELS; i++) {
                if (CODES[i].equals(channel)) {
                    return i;
                }
            }
        }
        return -1;
    }

    private static long percent(double part, double total) {
        return Math.round(100 * part / total);
    }

    /** One customer's behaviour per channel: weighted scores and counts. */
    private final class Tally {
        private final long fromDay;
        private final long toDay;
        private final long fromSecond;
        private final long toSecond;
        final double[] score = new double[CHANNELS];
        private final int[] count = new int[CHANNELS * KINDS];
        double total;
        private int ignored;
        private int unweighted;

        Tally(long fromDay, long toDay, long fromSecond, long toSecond) {
            this.fromDay = fromDay;
            this.toDay = toDay;
            this.fromSecond = fromSecond;
            this.toSecond = toSecond;
        }

        void on(LocalDate date, String channel, Evidence evidence) {
            if (date == null) {
                ignored++;
                return;
            }
            long day = date.toEpochDay();
            if (day >= fromDay && day < toDay) {
                add(channel, evidence, (int) (toDay - day));
            }
        }

        /** China keeps no daylight saving: a day is always 86,400 seconds, so the age is whole days. */
        void at(Instant at, String channel, Evidence evidence) {
            if (at == null) {
                ignored++;
                return;
            }
            long second = at.getEpochSecond();
            if (second >= fromSecond && second < toSecond) {
                add(channel, evidence, (int) Math.min(MAX_AGE, (toSecond - second + DAY - 1) / DAY));
            }
        }

        private void add(String channel, Evidence evidence, int age) {
            int index = index(channel);
            if (index < 0 || evidence == null) {
                ignored++;
                return;
            }
            double w = weight[evidence.ordinal()];
            if (w == 0) {
                unweighted++;
                return;
            }
            double s = w * decay[age];
            score[index] += s;
            total += s;
            count[index * KINDS + evidence.ordinal()]++;
        }

        /** "9 payments, 4 replies". */
        void evidence(StringBuilder out, int channel) {
            boolean first = true;
            for (Evidence e : Evidence.ALL) {
                int n = count[channel * KINDS + e.ordinal()];
                if (n > 0) {
                    e.count(first ? out : out.append(", "), n);
                    first = false;
                }
            }
        }

        /** Events left out for bad data, for the reason: "" when none were. */
        String ignoredNote() {
            return ignored == 0 ? "" : "; " + ignored + (ignored == 1 ? " event" : " events")
                    + " left out (no date, or an unknown channel or contact kind)";
        }

        /** Why there is no behaviour: nothing in the window, or only kinds weighted 0. */
        String nothingNote() {
            return unweighted == 0 ? ignoredNote() : "; " + unweighted + (unweighted == 1 ? " event" : " events")
                    + " of a kind weighted 0" + ignoredNote();
        }
    }
}
