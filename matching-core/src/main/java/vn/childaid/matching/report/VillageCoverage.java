package vn.childaid.matching.report;

import java.util.List;
import java.util.Objects;
import vn.childaid.matching.classification.Category;

/**
 * How the scenario's especially difficult villages fare in one category. A village is
 * <em>covered</em> in a category when it has at least one {@code CRITICAL} need of that category and
 * the plan funds every such need fully (funded units ≥ open units; a need whose units entitlements
 * cover entirely counts as funded). Needs at commune level belong to no village and count nowhere
 * here.
 *
 * @param villagesWithNeeds especially difficult villages with at least one need of the category
 * @param villagesWithCriticalNeeds those with at least one {@code CRITICAL} need of the category
 * @param villagesCovered those of them covered
 * @param villagesLacking the others with critical needs, in scenario order: not every critical need funded
 */
public record VillageCoverage(Category category, int villagesWithNeeds, int villagesWithCriticalNeeds,
        int villagesCovered, List<AreaRef> villagesLacking) {
    public VillageCoverage {
        Objects.requireNonNull(category, "category");
        villagesLacking = List.copyOf(villagesLacking);
    }
}
