package vn.childaid.matching.report;

import java.util.List;
import java.util.Objects;

/**
 * Reports for several years (the interim and final reviews) and their totals over the period.
 * Money is summed over the years; children are counted as child-years, since a child reached in
 * two years counts in each.
 *
 * @param years one report per year, in the order given
 * @param money the years' money summed
 * @param byDonorType the years' money and children per donor type, summed, in the contract's type order
 * @param childYears Σ over the years of the children reached
 * @param allFeasible every year's plan keeps every hard rule and belongs to its scenario
 */
public record PeriodReport(List<PlanReport> years, Money money, List<DonorTypeTotal> byDonorType, double childYears,
        boolean allFeasible) {
    public PeriodReport {
        years = List.copyOf(years);
        Objects.requireNonNull(money, "money");
        byDonorType = List.copyOf(byDonorType);
    }
}
