package vn.childaid.matching.explain;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;
import vn.childaid.matching.report.Words;

/**
 * An explanation as text for people, every word from {@link Words}: warnings first (a plan of
 * another scenario, a plan that fails the audit), then, when more than one need is explained, how
 * many offers got each code; then each need (tier, status, funders, its sentence, one line per
 * offer with code and detail) and each offer (use, remaining, by tier, category and district, and
 * the needs it could still fund). Immutable and thread-safe.
 */
public final class ExplanationText {
    private final Words words;

    private ExplanationText(Words words) {
        this.words = Objects.requireNonNull(words, "words");
    }

    public static ExplanationText of(Words words) {
        return new ExplanationText(words);
    }

    /** The warnings alone, one per line: empty when the plan is this scenario's and passes the audit. */
    public List<String> warnings(Explanation explanation) {
        List<String> lines = new java.util.ArrayList<>();
        if (explanation.belongsToAnotherScenario()) {
            lines.add(words.get("explain.text.foreign", String.join("; ", explanation.foreign())));
        }
        if (!explanation.audit().isEmpty()) {
            long hard = explanation.audit().stream().filter(violation -> violation.rule().isHard()).count();
            lines.add(words.get("explain.text.audit", explanation.audit().size(), hard));
        }
        return lines;
    }

    /**
     * The whole text, lines ending in a newline.
     *
     * @param withCounts whether to start with the count of each code (for many needs)
     */
    public String render(Explanation explanation, boolean withCounts) {
        StringBuilder text = new StringBuilder();
        warnings(explanation).forEach(line -> text.append(line).append('\n'));
        if (withCounts) {
            Map<Reason, Long> counts = explanation.codeCounts();
            counts.remove(Reason.ELIGIBILITY);
            String list = counts.isEmpty() ? words.get("explain.text.countsNone")
                    : joined(counts.entrySet().stream()
                            .map(entry -> words.get("explain.text.code", entry.getKey().name(), entry.getValue())).toList());
            text.append(words.get("explain.text.counts", explanation.needs().size(), list)).append('\n');
            long noneEligible = explanation.needs().stream().filter(NeedExplanation::noOfferEligible).count();
            if (noneEligible > 0) {
                text.append(words.get("explain.text.noneEligible", noneEligible)).append('\n');
            }
            text.append('\n');
        }
        explanation.needs().forEach(need -> need(need, text));
        explanation.offers().forEach(offer -> offer(offer, text));
        return text.toString();
    }

    /** Lines under a need or an offer are indented here: a properties file drops a value's leading spaces. */
    private static final String INDENT = "  ";

    private void need(NeedExplanation need, StringBuilder text) {
        text.append(words.get("explain.text.need", need.id(), need.tier(), need.status().name(), need.fundedUnits(),
                need.openUnits(), need.coveredUnits())).append('\n');
        text.append(INDENT).append(need.funders().isEmpty() ? words.get("explain.text.noFunders")
                : words.get("explain.text.funders", joined(need.funders().stream()
                        .map(funder -> words.get("explain.text.funder", funder.offer(), funder.units())).toList())))
                .append('\n');
        text.append(INDENT).append(need.sentence()).append('\n');
        for (OfferReason reason : need.offers()) {
            String code = reason.code().name() + reason.rule().map(rule -> " " + rule.name()).orElse("");
            text.append(INDENT).append(words.get("explain.text.reason", reason.offer(), code, reason.detail())).append('\n');
        }
        text.append('\n');
    }

    private void offer(OfferExplanation offer, StringBuilder text) {
        text.append(offer.inKind()
                ? words.get("explain.text.offer.inKind", offer.id(), offer.usedUnits(), offer.used(),
                        offer.remainingUnits(), offer.remaining())
                : words.get("explain.text.offer.cash", offer.id(), offer.used(), offer.remaining())).append('\n');
        String shareKey = offer.inKind() ? "explain.text.share.inKind" : "explain.text.share.cash";
        Function<List<Share>, String> shares = list -> list.isEmpty() ? words.get("explain.text.nothing")
                : joined(list.stream().map(share -> words.get(shareKey, share.key().equals(Share.NO_DISTRICT)
                        ? words.get("explain.text.noDistrict") : share.key(), share.vnd(), share.units())).toList());
        text.append(INDENT).append(words.get("explain.text.byTier", shares.apply(offer.byTier()))).append('\n');
        text.append(INDENT).append(words.get("explain.text.byCategory", shares.apply(offer.byCategory()))).append('\n');
        text.append(INDENT).append(words.get("explain.text.byDistrict", shares.apply(offer.byDistrict()))).append('\n');
        text.append(INDENT).append(words.get("explain.text.couldFund", offer.couldFund().isEmpty() ? words.get("explain.text.nothing")
                : joined(offer.couldFund().stream().map(could -> words.get("explain.text.couldFundItem", could.need(),
                        could.units(), could.code().name())).toList()))).append('\n');
        text.append('\n');
    }

    private String joined(List<String> items) {
        return items.stream().collect(Collectors.joining(words.get("explain.listSeparator")));
    }
}
