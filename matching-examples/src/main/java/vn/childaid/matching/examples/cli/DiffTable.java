package vn.childaid.matching.examples.cli;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import vn.childaid.matching.report.Words;
import vn.childaid.matching.whatif.PlanDiff;
import vn.childaid.matching.whatif.PlanDiff.NeedChange;
import vn.childaid.matching.whatif.PlanDiff.OfferChange;
import vn.childaid.matching.whatif.PlanDiff.TierChange;

/**
 * A plan diff as a short table a planner reads in ten seconds: children reached per tier before,
 * after and the change; the line counts; the few needs and offers that changed most.
 */
final class DiffTable {
    /** Enough to show where the change went; the JSON lists every one. */
    static final int MOST_SHOWN = 5;

    private DiffTable() {}

    static String of(PlanDiff diff, String planA, String planB, Words words) {
        Locale locale = words.locale();
        StringBuilder out = new StringBuilder();
        line(out, words.get("diff.title", planA, planB));
        if (!diff.scenarioBefore().equals(diff.scenarioAfter())) {
            line(out, words.get("diff.scenarios", diff.scenarioBefore(), diff.scenarioAfter()));
        }
        if (diff.isEmpty()) {
            line(out, words.get("diff.none"));
        }
        out.append('\n');
        line(out, words.get("diff.tiers"));
        int width = Math.max(words.get("diff.header.tier").length(),
                diff.tiers().stream().mapToInt(tier -> tier.name().length()).max().orElse(0));
        String row = "  %-" + width + "s %12s %12s %10s";
        line(out, String.format(locale, row, words.get("diff.header.tier"), words.get("diff.header.before"),
                words.get("diff.header.after"), words.get("diff.header.change")));
        for (TierChange tier : diff.tiers()) {
            line(out, String.format(locale, row, tier.name(), children(locale, tier.before()),
                    children(locale, tier.after()), signed(locale, tier.change())));
        }
        out.append('\n');
        line(out, words.get("diff.lines", count(locale, diff.lines().kept()), count(locale, diff.lines().added()),
                count(locale, diff.lines().removed()), count(locale, diff.lines().changed())));
        List<NeedChange> needs = diff.needs().stream()
                .sorted(Comparator.comparingDouble((NeedChange need) -> -Math.abs(need.reachedChange()))
                        .thenComparingLong(need -> -Math.abs(need.unitsAfter() - need.unitsBefore()))
                        .thenComparing(NeedChange::id))
                .limit(MOST_SHOWN).toList();
        if (!needs.isEmpty()) {
            line(out, words.get("diff.needs", needs.size(), count(locale, diff.needs().size())));
            for (NeedChange need : needs) {
                line(out, "  " + words.get("diff.need", need.id(), need.tier(), count(locale, need.unitsBefore()),
                        count(locale, need.unitsAfter()), children(locale, need.reachedBefore()),
                        children(locale, need.reachedAfter())));
            }
        }
        List<OfferChange> offers = diff.offers().stream()
                .sorted(Comparator.comparingLong((OfferChange offer) -> -Math.abs(offer.change()))
                        .thenComparing(OfferChange::id))
                .limit(MOST_SHOWN).toList();
        if (!offers.isEmpty()) {
            line(out, words.get("diff.offers", offers.size(), count(locale, diff.offers().size())));
            for (OfferChange offer : offers) {
                line(out, "  " + words.get("diff.offer", offer.id(), count(locale, offer.usedBefore()),
                        count(locale, offer.usedAfter())));
            }
        }
        return out.toString();
    }

    private static void line(StringBuilder out, String text) {
        out.append(text).append('\n');
    }

    private static String children(Locale locale, double value) {
        return String.format(locale, "%,.1f", value);
    }

    /** A change with its sign, so that a loss stands out; no sign when nothing changed. */
    private static String signed(Locale locale, double change) {
        String shown = String.format(locale, "%,.1f", Math.abs(change));
        if (shown.equals(String.format(locale, "%,.1f", 0.0))) {
            return shown;
        }
        return (change < 0 ? "−" : "+") + shown;
    }

    private static String count(Locale locale, long value) {
        return String.format(locale, "%,d", value);
    }
}
