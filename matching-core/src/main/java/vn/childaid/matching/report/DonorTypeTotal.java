package vn.childaid.matching.report;

import vn.childaid.matching.scenario.DonorType;

/**
 * One donor type's money and the children its donors' lines reach.
 *
 * @param donors how many donors of the type the scenario has
 */
public record DonorTypeTotal(DonorType type, int donors, Money money, double childrenReached) {}
