package vn.childaid.matching.report;

/**
 * One donor's money and the children its allocated lines reach.
 *
 * @param childrenReached Σ over the donor's lines of children × units / quantity
 */
public record DonorTotal(DonorRef donor, Money money, double childrenReached) {}
