package vn.childaid.matching.whatif;

import static vn.childaid.matching.scenario.Problem.shown;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.plan.Allocation;
import vn.childaid.matching.plan.Plan;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.InvalidScenarioException;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;
import vn.childaid.matching.scenario.Problem;
import vn.childaid.matching.scenario.Scenario;

/**
 * One application of a change set to a scenario: the scenario's parts in working lists, changed in
 * order, then built and checked once. A change that cannot be applied is recorded as a problem and
 * skipped, so that the changes after it are still checked. Each object a change touches remembers
 * that change ({@link Origin}), so that the changed scenario's problems can be named at the change
 * that caused them.
 */
final class ChangeApplication {
    private static final ObjectMapper MAPPER = new ObjectMapper();
    private static final Pattern IN_A_LIST = Pattern.compile("\\$\\.(needs|offers|donors|commitments)\\[(\\d+)](.*)");
    private static final Pattern CHANGE_INDEX = Pattern.compile("\\$\\.changes\\[(\\d+)].*");

    private final Scenario source;
    private final Optional<Plan> plan;
    private Policy policy;
    private Origin policyOrigin;
    private final List<Need> needs;
    private final List<Donor> donors;
    private final List<Offer> offers;
    private final List<Commitment> commitments;
    /** Parallel to {@link #commitments}: the change that made or last added to each, null for the scenario's own. */
    private final List<Origin> commitmentOrigins = new ArrayList<>();
    private final Map<String, Origin> needOrigins = new HashMap<>();
    private final Map<String, Origin> offerOrigins = new HashMap<>();
    private final Map<String, Origin> donorOrigins = new HashMap<>();
    /** Where an id was removed ("offer:O-1" → "$.changes[0]"), to say so when a later change names it. */
    private final Map<String, String> removedAt = new HashMap<>();
    /**
     * Units of each offer → need pair the previous plan gives and does not yet commit, less what this
     * change set committed: by offer, then by need in the plan's order.
     */
    private final Map<String, Map<String, Long>> plannedUnitsLeft = new HashMap<>();
    private final List<Problem> problems = new ArrayList<>();
    /** The ids present now, so that checking a reference costs no scan (a plan commits tens of thousands of lines). */
    private final Set<String> needIds = new HashSet<>();
    private final Set<String> offerIds = new HashSet<>();
    private final Set<String> donorIds = new HashSet<>();
    /** Where each offer → need pair's commitment is in {@link #commitments}: they are only added or replaced, never moved. */
    private final Map<List<String>, Integer> commitmentOfPair = new HashMap<>();

    ChangeApplication(Scenario source, Optional<Plan> plan) {
        this.source = source;
        this.plan = plan;
        this.policy = source.policy();
        this.needs = new ArrayList<>(source.needs());
        this.donors = new ArrayList<>(source.donors());
        this.offers = new ArrayList<>(source.offers());
        this.commitments = new ArrayList<>(source.commitments());
        for (int i = 0; i < commitments.size(); i++) {
            commitmentOrigins.add(null);
            commitmentOfPair.putIfAbsent(List.of(commitments.get(i).offer(), commitments.get(i).need()), i);
        }
        needs.forEach(need -> needIds.add(need.id()));
        offers.forEach(offer -> offerIds.add(offer.id()));
        donors.forEach(donor -> donorIds.add(donor.id()));
        plan.ifPresent(previous -> {
            for (Allocation line : previous.allocations()) {
                if (!line.committed() && line.units() > 0) {
                    plannedUnitsLeft.computeIfAbsent(line.offer(), offer -> new LinkedHashMap<>())
                            .merge(line.need(), (long) line.units(), Long::sum);
                }
            }
        });
    }

    Scenario apply(List<Change> changes) {
        for (int i = 0; i < changes.size(); i++) {
            String at = "$.changes[" + i + "]";
            Change change = changes.get(i);
            if (change instanceof Change.RemoveOffer c) {
                removeOffer(c, at);
            } else if (change instanceof Change.ScaleOffers c) {
                scaleOffers(c, at);
            } else if (change instanceof Change.AddDonor c) {
                add(donors, donorIds, c.donor(), Donor::id, donorOrigins, "donor", at);
            } else if (change instanceof Change.AddOffer c) {
                add(offers, offerIds, c.offer(), Offer::id, offerOrigins, "offer", at);
            } else if (change instanceof Change.UpdateOffer c) {
                update(offers, c.offer(), c.set(), Offer::id, offerOrigins, "offer", at,
                        offer -> ScenarioJson.withFields(offer, c.set(), at + ".set"));
            } else if (change instanceof Change.RemoveDonor c) {
                removeDonor(c, at);
            } else if (change instanceof Change.AddNeed c) {
                add(needs, needIds, c.need(), Need::id, needOrigins, "need", at);
            } else if (change instanceof Change.RemoveNeed c) {
                removeNeed(c, at);
            } else if (change instanceof Change.UpdateNeed c) {
                update(needs, c.need(), c.set(), Need::id, needOrigins, "need", at,
                        need -> ScenarioJson.withFields(need, c.set(), at + ".set"));
            } else if (change instanceof Change.SetPolicy c) {
                policy = c.policy();
                policyOrigin = Origin.object(at + ".policy");
            } else if (change instanceof Change.CommitLines c) {
                commitLines(c, at);
            } else {
                throw new IllegalStateException("a change of no known kind: " + change);
            }
        }
        Scenario.Builder changed = Scenario.builder(source.name()).policy(policy).extensions(source.extensions());
        source.year().ifPresent(changed::year);
        source.districts().forEach(changed::district);
        source.communes().forEach(changed::commune);
        source.villages().forEach(changed::village);
        source.entitlements().forEach(changed::entitlement);
        needs.forEach(changed::need);
        donors.forEach(changed::donor);
        offers.forEach(changed::offer);
        commitments.forEach(changed::commitment);
        List<Problem> scenarioProblems;
        try {
            Scenario result = changed.build();
            if (problems.isEmpty()) {
                return result;
            }
            scenarioProblems = List.of();
        } catch (InvalidScenarioException invalid) {
            scenarioProblems = invalid.problems();
        }
        Set<Problem> all = new LinkedHashSet<>(problems);
        scenarioProblems.stream().map(this::located).forEach(all::add);
        throw new InvalidChangeSetException(all.stream().sorted(Comparator.comparingLong(ChangeApplication::changeIndex))
                .toList());
    }

    /** The change a problem is at, in order; problems of the scenario itself after every change's. */
    private static long changeIndex(Problem problem) {
        Matcher index = CHANGE_INDEX.matcher(problem.path());
        return index.matches() ? Long.parseLong(index.group(1)) : Long.MAX_VALUE;
    }

    private void problem(String path, String message) {
        problems.add(new Problem(path, message));
    }

    private String unknown(String kind, String id) {
        String removed = removedAt.get(kind + ":" + id);
        return "no " + kind + " " + shown(id) + " in the scenario" + (removed == null ? "" : " (" + removed + " removed it)");
    }

    private static <T> int indexOf(List<T> items, Function<T, String> id, String wanted) {
        for (int i = 0; i < items.size(); i++) {
            if (id.apply(items.get(i)).equals(wanted)) {
                return i;
            }
        }
        return -1;
    }

    private <T> void add(List<T> items, Set<String> ids, T item, Function<T, String> id, Map<String, Origin> origins,
            String kind, String change) {
        String key = id.apply(item);
        if (!ids.add(key)) {
            problem(change + "." + kind + ".id", kind + " " + shown(key) + " is already in the scenario");
            return;
        }
        items.add(item);
        origins.put(key, Origin.object(change + "." + kind));
        removedAt.remove(kind + ":" + key);
    }

    private <T> void update(List<T> items, String key, String set, Function<T, String> id, Map<String, Origin> origins,
            String kind, String at, Function<T, T> withFields) {
        int index = indexOf(items, id, key);
        if (index < 0) {
            problem(at + "." + kind, unknown(kind, key));
            return;
        }
        try {
            items.set(index, withFields.apply(items.get(index)));
        } catch (InvalidScenarioException invalid) {
            problems.addAll(invalid.problems());
            return;
        }
        origins.put(key, Origin.set(at, fieldNames(set), kind + " " + shown(key)));
    }

    private static Set<String> fieldNames(String objectJson) {
        Set<String> names = new HashSet<>();
        try {
            MAPPER.readTree(objectJson).fieldNames().forEachRemaining(names::add);
        } catch (JsonProcessingException e) {
            // withFields has reported it already
        }
        return names;
    }

    /** The needs an offer's commitments go to, or the offers a need's come from: empty when none. */
    private List<String> committed(Function<Commitment, String> holder, String id, Function<Commitment, String> other) {
        return commitments.stream().filter(c -> holder.apply(c).equals(id)).map(other).distinct().toList();
    }

    private static String quoted(List<String> ids) {
        return ids.stream().map(vn.childaid.matching.scenario.Problem::shown).collect(Collectors.joining(", "));
    }

    private void removeOffer(Change.RemoveOffer change, String at) {
        int index = indexOf(offers, Offer::id, change.offer());
        if (index < 0) {
            problem(at + ".offer", unknown("offer", change.offer()));
            return;
        }
        List<String> needsCommitted = committed(Commitment::offer, change.offer(), Commitment::need);
        if (!needsCommitted.isEmpty()) {
            problem(at + ".offer", "offer " + shown(change.offer()) + " carries commitments (to "
                    + quoted(needsCommitted) + "); an offer with commitments cannot be removed");
            return;
        }
        offers.remove(index);
        offerIds.remove(change.offer());
        offerOrigins.remove(change.offer());
        removedAt.put("offer:" + change.offer(), at);
    }

    private void removeNeed(Change.RemoveNeed change, String at) {
        int index = indexOf(needs, Need::id, change.need());
        if (index < 0) {
            problem(at + ".need", unknown("need", change.need()));
            return;
        }
        List<String> offersCommitted = committed(Commitment::need, change.need(), Commitment::offer);
        if (!offersCommitted.isEmpty()) {
            problem(at + ".need", "need " + shown(change.need()) + " carries commitments (from "
                    + quoted(offersCommitted) + "); a need with commitments cannot be removed");
            return;
        }
        needs.remove(index);
        needIds.remove(change.need());
        needOrigins.remove(change.need());
        removedAt.put("need:" + change.need(), at);
    }

    private void removeDonor(Change.RemoveDonor change, String at) {
        int index = indexOf(donors, Donor::id, change.donor());
        if (index < 0) {
            problem(at + ".donor", unknown("donor", change.donor()));
            return;
        }
        List<String> offersOfDonor = offers.stream().filter(o -> o.donor().equals(change.donor())).map(Offer::id).toList();
        List<String> withCommitments = offersOfDonor.stream()
                .filter(offer -> !committed(Commitment::offer, offer, Commitment::need).isEmpty()).toList();
        if (!withCommitments.isEmpty()) {
            problem(at + ".donor", "donor " + shown(change.donor()) + " has offers carrying commitments ("
                    + quoted(withCommitments) + "); a donor with commitments cannot be removed");
            return;
        }
        donors.remove(index);
        donorIds.remove(change.donor());
        donorOrigins.remove(change.donor());
        removedAt.put("donor:" + change.donor(), at);
        offers.removeIf(o -> o.donor().equals(change.donor()));
        offersOfDonor.forEach(offer -> {
            offerIds.remove(offer);
            offerOrigins.remove(offer);
            removedAt.put("offer:" + offer, at);
        });
    }

    private void scaleOffers(Change.ScaleOffers change, String at) {
        int before = problems.size();
        change.donor().filter(donor -> !donorIds.contains(donor))
                .ifPresent(donor -> problem(at + ".donor", unknown("donor", donor)));
        for (int j = 0; j < change.offers().size(); j++) {
            if (!offerIds.contains(change.offers().get(j))) {
                problem(at + ".offers[" + j + "]", unknown("offer", change.offers().get(j)));
            }
        }
        if (problems.size() > before) {
            return;
        }
        Map<String, DonorType> typeOfDonor = donors.stream().collect(Collectors.toMap(Donor::id, Donor::type, (a, b) -> a));
        Set<String> named = Set.copyOf(change.offers());
        BigDecimal factor = BigDecimal.valueOf(change.factor()); // the decimal as written: 1.2 × 500,000,000 is 600,000,000
        boolean selectedAny = false;
        for (int i = 0; i < offers.size(); i++) {
            Offer offer = offers.get(i);
            if (change.donorType().isPresent() && change.donorType().get() != typeOfDonor.get(offer.donor())
                    || change.donor().isPresent() && !change.donor().get().equals(offer.donor())
                    || !named.isEmpty() && !named.contains(offer.id())) {
                continue;
            }
            selectedAny = true;
            Optional<Offer> result = scaled(offer, factor, change.factor(), at);
            if (result.isPresent()) {
                offers.set(i, result.get());
                offerOrigins.put(offer.id(), Origin.labelled(at, "after scaling offer " + shown(offer.id())));
            }
        }
        if (!selectedAny) {
            problem(at, "selects no offer of the scenario");
        }
    }

    /**
     * The offer scaled and rounded down, or empty after a problem: more than the contract can hold,
     * or (scaling down) less than its own minGrant, which would leave an offer that may only fund
     * needs it completes alone: never what scaling a pledge means, so it is refused, naming the
     * offer, rather than quietly changing how the offer may be used.
     */
    private Optional<Offer> scaled(Offer offer, BigDecimal factor, double asDouble, String at) {
        Optional<Offer> scaled = OfferScaling.scaled(offer, factor);
        if (scaled.isEmpty()) {
            problem(at, "scaling offer " + shown(offer.id()) + " by " + asDouble + " gives "
                    + OfferScaling.scaledCapacity(offer, factor) + (offer.isCash() ? " VND" : " units")
                    + ", more than the contract holds (" + OfferScaling.mostCapacity(offer) + ")");
            return Optional.empty();
        }
        Offer result = scaled.get();
        if (asDouble < 1 && offer.minGrant() > 0 && offer.totalValue() >= offer.minGrant()
                && result.totalValue() < offer.minGrant()) {
            problem(at, "scaling offer " + shown(offer.id()) + " by " + asDouble + " leaves it worth "
                    + result.totalValue() + " VND, below its minGrant " + offer.minGrant()
                    + " VND; lower its minGrant with updateOffer first, or leave it out of the selection");
            return Optional.empty();
        }
        return Optional.of(result);
    }

    private void commitLines(Change.CommitLines change, String at) {
        if (!change.lines().isEmpty() && !change.offers().isEmpty()) {
            problem(at, "give either 'lines' or 'offers', not both");
            return;
        }
        if (change.lines().isEmpty() && change.offers().isEmpty()) {
            problem(at, "commits nothing: give 'lines' or 'offers'");
            return;
        }
        for (int j = 0; j < change.lines().size(); j++) {
            commitLine(change.lines().get(j), at + ".lines[" + j + "]");
        }
        if (change.offers().isEmpty()) {
            return;
        }
        if (plan.isEmpty()) {
            problem(at + ".offers", "commits the previous plan's lines of these offers, but no previous plan was given");
            return;
        }
        for (int j = 0; j < change.offers().size(); j++) {
            commitPlannedLinesOf(change.offers().get(j), at + ".offers[" + j + "]");
        }
    }

    private void commitLine(Commitment line, String at) {
        int before = problems.size();
        if (!offerIds.contains(line.offer())) {
            problem(at + ".offer", unknown("offer", line.offer()));
        }
        if (!needIds.contains(line.need())) {
            problem(at + ".need", unknown("need", line.need()));
        }
        if (problems.size() > before) {
            return;
        }
        if (plan.isPresent()) {
            Map<String, Long> ofOffer = plannedUnitsLeft.getOrDefault(line.offer(), Map.of());
            long left = ofOffer.getOrDefault(line.need(), 0L);
            if (left == 0) {
                problem(at, "the previous plan holds no line from offer " + shown(line.offer()) + " to need "
                        + shown(line.need()) + " that is not committed yet");
                return;
            }
            if (line.units() > left) {
                problem(at + ".units", "is " + line.units() + ", more than the " + left + " units the previous plan gives "
                        + "need " + shown(line.need()) + " from offer " + shown(line.offer()) + " and has not committed");
                return;
            }
            ofOffer.put(line.need(), left - Math.max(0, line.units()));
        }
        commit(line, Origin.object(at), at + ".units");
    }

    private void commitPlannedLinesOf(String offer, String at) {
        if (!offerIds.contains(offer)) {
            problem(at, unknown("offer", offer));
            return;
        }
        boolean any = false;
        for (Map.Entry<String, Long> line : plannedUnitsLeft.getOrDefault(offer, Map.of()).entrySet()) {
            if (line.getValue() == 0) {
                continue;
            }
            any = true;
            String need = line.getKey();
            if (!needIds.contains(need)) {
                problem(at, "the previous plan's line from offer " + shown(offer) + " cannot be committed: "
                        + unknown("need", need));
                continue;
            }
            if (line.getValue() > Integer.MAX_VALUE) {
                problem(at, "the previous plan gives need " + shown(need) + " " + line.getValue()
                        + " units from offer " + shown(offer) + ", more than a commitment can hold");
                continue;
            }
            commit(Commitment.of(offer, need, line.getValue().intValue()),
                    Origin.labelled(at, "the previous plan's line to need " + shown(need)), at);
            line.setValue(0L);
        }
        if (!any) {
            problem(at, "the previous plan has no line from offer " + shown(offer) + " that is not committed yet");
        }
    }

    /** Adds the units to the commitment of the same pair, if there is one: one commitment per pair keeps the books plain. */
    private void commit(Commitment line, Origin origin, String unitsAt) {
        List<String> pair = List.of(line.offer(), line.need());
        Integer index = commitmentOfPair.get(pair);
        if (index != null) {
            Commitment existing = commitments.get(index);
            long units = (long) existing.units() + line.units();
            if (units > Integer.MAX_VALUE) {
                problem(unitsAt, "with the " + existing.units() + " units already committed, more than a "
                        + "commitment can hold");
                return;
            }
            commitments.set(index, existing.toBuilder().units((int) units).build());
            commitmentOrigins.set(index, origin);
            return;
        }
        commitmentOfPair.put(pair, commitments.size());
        commitments.add(line);
        commitmentOrigins.add(origin);
    }

    // ---- Naming the changed scenario's problems at the change that caused them ----

    private Problem located(Problem problem) {
        Matcher inList = IN_A_LIST.matcher(problem.path());
        if (inList.matches()) {
            int index = Integer.parseInt(inList.group(2));
            String rest = inList.group(3);
            Origin origin = switch (inList.group(1)) {
                case "needs" -> index < needs.size() ? needOrigins.get(needs.get(index).id()) : null;
                case "offers" -> index < offers.size() ? offerOrigins.get(offers.get(index).id()) : null;
                case "donors" -> index < donors.size() ? donorOrigins.get(donors.get(index).id()) : null;
                default -> index < commitments.size() ? commitmentOrigin(index, rest, problem.message()) : null;
            };
            if (origin != null) {
                return origin.locate(rest, problem.message());
            }
        } else if ((problem.path().equals("$.policy") || problem.path().startsWith("$.policy."))
                && policyOrigin != null) {
            return policyOrigin.locate(problem.path().substring("$.policy".length()), problem.message());
        }
        return new Problem(problem.path(), problem.message() + " (in the changed scenario)");
    }

    /**
     * A total of a need's or offer's commitments is reported at its last commitment: blamed on the
     * change that last touched that need or offer, else the one that made the commitment.
     */
    private Origin commitmentOrigin(int index, String rest, String message) {
        Commitment commitment = commitments.get(index);
        Origin made = commitmentOrigins.get(index);
        if (!rest.isEmpty() || !message.startsWith("commitments ")) {
            return made;
        }
        Origin touched = message.startsWith("commitments give need") ? needOrigins.get(commitment.need())
                : offerOrigins.get(commitment.offer());
        if (touched != null) {
            return touched.asWhole();
        }
        if (made != null) {
            return made.asWhole();
        }
        return message.contains("maxFundersPerNeed") && policyOrigin != null ? policyOrigin.asWhole() : null;
    }

    /**
     * Where in the change set an object of the changed scenario was made or changed: its fields
     * ({@code $.changes[2].need}: a problem at the object's field is at the same field there), the
     * fields a {@code set} gave (a problem at one of those is at it; at another, at the change), or a
     * change that holds no fields of the object (a scaling, a plan line committed), named by a label.
     */
    private record Origin(String at, boolean holdsFields, Set<String> setFields, String label) {
        static Origin object(String at) {
            return new Origin(at, true, null, null);
        }

        static Origin set(String change, Set<String> fields, String label) {
            return new Origin(change, false, fields, label);
        }

        static Origin labelled(String at, String label) {
            return new Origin(at, false, null, label);
        }

        /** The same place, naming no field: for a total over an object's commitments, whose words name the object. */
        Origin asWhole() {
            return new Origin(at, false, null, null);
        }

        Problem locate(String rest, String message) {
            if (holdsFields) {
                return new Problem(at + rest, message);
            }
            if (setFields != null && setFields.contains(firstField(rest))) {
                return new Problem(at + ".set" + rest, message);
            }
            if (label == null) {
                return new Problem(at, message);
            }
            String what = setFields != null ? "leaves " + label + " invalid" : label;
            return new Problem(at, what + (rest.isEmpty() ? "" : " at " + rest.substring(1)) + ": " + message);
        }

        private static String firstField(String rest) {
            if (!rest.startsWith(".")) {
                return "";
            }
            int end = 1;
            while (end < rest.length() && rest.charAt(end) != '.' && rest.charAt(end) != '[') {
                end++;
            }
            return rest.substring(1, end);
        }
    }
}
