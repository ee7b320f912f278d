package vn.childaid.matching.report;

import java.util.Objects;
import java.util.Optional;
import vn.childaid.matching.scenario.Donor;
import vn.childaid.matching.scenario.DonorType;

/**
 * A donor as reports may show them: an anonymous donor carries neither name nor id, so no report,
 * table or page built from a {@link PlanReport} can leak them.
 *
 * @param id the donor's id; empty when anonymous
 * @param name the donor's name; empty when anonymous
 * @param type the donor's type (shown for anonymous donors too: the honour roll groups by it)
 * @param anonymous the donor asked not to be named
 */
public record DonorRef(Optional<String> id, Optional<String> name, DonorType type, boolean anonymous) {
    public DonorRef {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        if (anonymous && (id.isPresent() || name.isPresent())) {
            throw new IllegalArgumentException("an anonymous donor carries no id or name");
        }
    }

    /** The donor as reports show them: stripped of name and id when they asked to stay anonymous. */
    public static DonorRef of(Donor donor) {
        return donor.anonymous()
                ? new DonorRef(Optional.empty(), Optional.empty(), donor.type(), true)
                : new DonorRef(Optional.of(donor.id()), Optional.of(donor.name()), donor.type(), false);
    }

    /** The name to show: the donor's, or {@code report.anonymousDonor} from {@code words}. */
    public String label(Words words) {
        return name.orElseGet(() -> words.get("report.anonymousDonor"));
    }
}
