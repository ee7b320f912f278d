package vn.childaid.matching.dedupe;

import java.util.List;
import java.util.stream.Stream;

/** The candidate groups found in one scenario, each list most confident first. */
public record DuplicateCandidates(List<CandidateGroup> needs, List<CandidateGroup> donors, List<CandidateGroup> offers) {
    public DuplicateCandidates {
        needs = List.copyOf(needs);
        donors = List.copyOf(donors);
        offers = List.copyOf(offers);
    }

    public boolean isEmpty() {
        return needs.isEmpty() && donors.isEmpty() && offers.isEmpty();
    }

    /** Every group of the three kinds. */
    public Stream<CandidateGroup> all() {
        return Stream.of(needs, donors, offers).flatMap(List::stream);
    }
}
