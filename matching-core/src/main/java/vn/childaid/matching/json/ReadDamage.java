package vn.childaid.matching.json;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Problem;

/**
 * What a scenario's reader could not read, so that the rule problems that only follow from it are
 * left out of the report. A value that could not be read is replaced by a fallback (0, or
 * {@link NodeReader#UNREAD} for a text); the rules then judge the fallback, not the file. Left out:
 * <ul>
 * <li>a rule problem at or inside a path the reader already reported;</li>
 * <li>"unknown ..." for a reference to a list where some id or code could not be read (it may
 * name that one);</li>
 * <li>a commitment total of a need (open units, maxFundersPerNeed) when that need, a commitment to
 * it or maxFundersPerNeed holds a fallback; a total of an offer (capacity, maxNeeds) when that offer
 * or a commitment from it holds one.</li>
 * </ul>
 */
final class ReadDamage {
    /** The lists whose ids or codes other objects refer to. */
    enum Kind {
        DISTRICT("districts"), COMMUNE("communes"), VILLAGE("villages"), NEED("needs"), DONOR("donors"), OFFER("offers");

        final String field;

        Kind(String field) {
            this.field = field;
        }
    }

    private static final Pattern COMMITMENT_TOTAL = Pattern.compile("\\$\\.commitments\\[(\\d+)]");
    /** A problem at the first path also makes a rule problem at the second follow-on (a count of weights per tier). */
    private static final Map<String, String> DEPENDENT = Map.of("$.policy.tiers", "$.policy.tierWeights",
            "$.policy.priorityMode", "$.policy.tierWeights");

    private final Set<Kind> unreadKeys = EnumSet.noneOf(Kind.class);
    private final Map<Kind, Set<String>> damagedIds = new EnumMap<>(Kind.class);
    private final List<Commitment> damagedCommitments = new ArrayList<>();
    private List<Commitment> commitments = List.of();
    private boolean fundersLimitUnread;

    /** Some id or code of this list could not be read. */
    void keyUnread(Kind kind) {
        unreadKeys.add(kind);
    }

    /** Records whether the key of one object was read (a fallback stands in otherwise). */
    void key(Kind kind, boolean read) {
        if (!read) {
            keyUnread(kind);
        }
    }

    /** The object with this id was read with a fallback in one of its values. */
    void damaged(Kind kind, String id) {
        damagedIds.computeIfAbsent(kind, k -> new HashSet<>()).add(id);
    }

    void commitmentDamaged(Commitment commitment) {
        damagedCommitments.add(commitment);
    }

    /** The commitments as read, placeholders included, so that index i is the file's {@code commitments[i]}. */
    void commitments(List<Commitment> read) {
        commitments = List.copyOf(read);
    }

    void fundersLimitUnread() {
        fundersLimitUnread = true;
    }

    /** The rule problems that do not merely follow from a value the reader could not read. */
    List<Problem> withoutFollowOns(List<Problem> ruleProblems, List<Problem> readerProblems) {
        Set<String> reported = new HashSet<>();
        for (Problem problem : readerProblems) {
            reported.add(problem.path());
            DEPENDENT.forEach((cause, effect) -> {
                if (isAtOrInside(problem.path(), cause)) {
                    reported.add(effect);
                }
            });
        }
        Set<String> damagedNeeds = new HashSet<>(damagedIds.getOrDefault(Kind.NEED, Set.of()));
        Set<String> damagedOffers = new HashSet<>(damagedIds.getOrDefault(Kind.OFFER, Set.of()));
        for (Commitment commitment : damagedCommitments) {
            damagedNeeds.add(commitment.need());
            damagedOffers.add(commitment.offer());
        }
        List<Problem> kept = new ArrayList<>();
        for (Problem problem : ruleProblems) {
            if (!isAtOrInsideAny(problem.path(), reported) && !isReferenceToUnreadKey(problem)
                    && !isTotalFromFallback(problem, damagedNeeds, damagedOffers)) {
                kept.add(problem);
            }
        }
        return kept;
    }

    private static boolean isAtOrInside(String path, String ancestor) {
        return path.equals(ancestor) || path.startsWith(ancestor)
                && (path.charAt(ancestor.length()) == '.' || path.charAt(ancestor.length()) == '[');
    }

    /** Whether {@code path} or any path it lies inside is in {@code paths}: each ancestor is one lookup. */
    private static boolean isAtOrInsideAny(String path, Set<String> paths) {
        if (paths.contains(path)) {
            return true;
        }
        for (int i = path.length() - 1; i > 0; i--) {
            char c = path.charAt(i);
            if ((c == '.' || c == '[') && paths.contains(path.substring(0, i))) {
                return true;
            }
        }
        return false;
    }

    private boolean isReferenceToUnreadKey(Problem problem) {
        if (!problem.message().startsWith("unknown ")) {
            return false;
        }
        String path = problem.path();
        if (path.contains(".areas")) {
            return unreadKeys.contains(Kind.DISTRICT) || unreadKeys.contains(Kind.COMMUNE)
                    || unreadKeys.contains(Kind.VILLAGE);
        }
        String field = path.substring(path.lastIndexOf('.') + 1);
        return switch (field) {
            case "district" -> unreadKeys.contains(Kind.DISTRICT);
            case "commune" -> unreadKeys.contains(Kind.COMMUNE);
            case "village" -> unreadKeys.contains(Kind.VILLAGE);
            case "donor" -> unreadKeys.contains(Kind.DONOR);
            case "offer" -> unreadKeys.contains(Kind.OFFER);
            case "need" -> unreadKeys.contains(Kind.NEED);
            default -> false;
        };
    }

    /**
     * A total is reported at the last commitment of its need or offer; which of the two it is about,
     * its words say ("commitments give need ..." for a need's).
     */
    private boolean isTotalFromFallback(Problem problem, Set<String> damagedNeeds, Set<String> damagedOffers) {
        Matcher total = COMMITMENT_TOTAL.matcher(problem.path());
        if (!total.matches()) {
            return false;
        }
        int index = Integer.parseInt(total.group(1));
        if (index >= commitments.size()) {
            return true; // cannot happen: every element has its place; guards the lookup
        }
        Commitment commitment = commitments.get(index);
        return problem.message().startsWith("commitments give need")
                ? fundersLimitUnread || damagedNeeds.contains(commitment.need())
                : damagedOffers.contains(commitment.offer());
    }
}
