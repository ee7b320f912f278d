package vn.childaid.matching.whatif;

import java.util.List;
import java.util.Objects;
import java.util.Optional;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.scenario.Commitment;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;
import vn.childaid.matching.scenario.Need;
import vn.childaid.matching.scenario.Offer;

/**
 * One change of a {@link ChangeSet}, as the contract's {@code "op"} names it. Each is an immutable
 * value; what it does to a scenario, and when that is an error, is {@link ChangeSet#applyTo}'s.
 * Fields to {@code set} are held as the JSON object text of the contract, read as strictly as the
 * scenario's objects when applied.
 */
public sealed interface Change {
    /** The contract's name of the operation, e.g. {@code "removeOffer"}. */
    String op();

    /** Withdraws an offer; an error when it carries commitments. */
    record RemoveOffer(String offer) implements Change {
        public RemoveOffer {
            Objects.requireNonNull(offer, "offer");
        }

        @Override
        public String op() {
            return "removeOffer";
        }
    }

    /**
     * Multiplies what the selected offers give by {@code factor}, rounded down to whole VND (cash) or
     * whole units (in kind). The selection combines {@code donorType}, {@code donor} and
     * {@code offers} with AND; with none of them, every offer.
     */
    record ScaleOffers(double factor, Optional<DonorType> donorType, Optional<String> donor, List<String> offers)
            implements Change {
        public ScaleOffers {
            if (!(factor > 0) || Double.isInfinite(factor)) {
                throw new IllegalArgumentException("factor must be a finite number above 0, was " + factor);
            }
            Objects.requireNonNull(donorType, "donorType");
            Objects.requireNonNull(donor, "donor");
            offers = List.copyOf(offers);
        }

        /** Every offer scaled by {@code factor}. */
        public static ScaleOffers all(double factor) {
            return new ScaleOffers(factor, Optional.empty(), Optional.empty(), List.of());
        }

        @Override
        public String op() {
            return "scaleOffers";
        }
    }

    record AddDonor(Donor donor) implements Change {
        public AddDonor {
            Objects.requireNonNull(donor, "donor");
        }

        @Override
        public String op() {
            return "addDonor";
        }
    }

    record AddOffer(Offer offer) implements Change {
        public AddOffer {
            Objects.requireNonNull(offer, "offer");
        }

        @Override
        public String op() {
            return "addOffer";
        }
    }

    /** Sets fields of an offer: {@code set} is the JSON object of the fields, any but {@code id}. */
    record UpdateOffer(String offer, String set) implements Change {
        public UpdateOffer {
            Objects.requireNonNull(offer, "offer");
            Objects.requireNonNull(set, "set");
        }

        @Override
        public String op() {
            return "updateOffer";
        }
    }

    /** Removes a donor and all its offers; an error when any of them carries commitments. */
    record RemoveDonor(String donor) implements Change {
        public RemoveDonor {
            Objects.requireNonNull(donor, "donor");
        }

        @Override
        public String op() {
            return "removeDonor";
        }
    }

    record AddNeed(Need need) implements Change {
        public AddNeed {
            Objects.requireNonNull(need, "need");
        }

        @Override
        public String op() {
            return "addNeed";
        }
    }

    /** Removes a need; an error when it carries commitments. */
    record RemoveNeed(String need) implements Change {
        public RemoveNeed {
            Objects.requireNonNull(need, "need");
        }

        @Override
        public String op() {
            return "removeNeed";
        }
    }

    /** Sets fields of a need: {@code set} is the JSON object of the fields, any but {@code id}. */
    record UpdateNeed(String need, String set) implements Change {
        public UpdateNeed {
            Objects.requireNonNull(need, "need");
            Objects.requireNonNull(set, "set");
        }

        @Override
        public String op() {
            return "updateNeed";
        }
    }

    /** Replaces the whole policy. */
    record SetPolicy(Policy policy) implements Change {
        public SetPolicy {
            Objects.requireNonNull(policy, "policy");
        }

        @Override
        public String op() {
            return "setPolicy";
        }
    }

    /**
     * Turns delivered lines into commitments: either the {@code lines} given, or every line not yet
     * committed of the previous plan from the {@code offers} given (exactly one of the two is used).
     * Units for a pair already committed are added to that commitment.
     */
    record CommitLines(List<Commitment> lines, List<String> offers) implements Change {
        public CommitLines {
            lines = List.copyOf(lines);
            offers = List.copyOf(offers);
        }

        public static CommitLines lines(List<Commitment> lines) {
            return new CommitLines(lines, List.of());
        }

        public static CommitLines ofOffers(List<String> offers) {
            return new CommitLines(List.of(), offers);
        }

        @Override
        public String op() {
            return "commitLines";
        }
    }
}
