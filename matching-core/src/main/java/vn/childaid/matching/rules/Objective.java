package vn.childaid.matching.rules;

import java.util.List;
import vn.childaid.matching.policy.Policy;
import vn.childaid.matching.policy.PriorityMode;

/**
 * The contract's objective, stated once: the children a need's funding reaches, and how two plans'
 * tier values compare under a policy. Figures agree when within {@link #RELATIVE_TOLERANCE}, the
 * same tolerance the audit allows a plan's reported numbers.
 */
public final class Objective {
    /** Two figures are equal when |a − b| ≤ this × max(1, |a|, |b|). */
    public static final double RELATIVE_TOLERANCE = 1e-6;

    private Objective() {}

    /** reached(n) = children(n) × fundedUnits(n) / quantity(n): children-equivalents reached. */
    public static double reached(int children, int quantity, long fundedUnits) {
        return (double) children * fundedUnits / quantity;
    }

    /** Whether two figures agree within the relative tolerance. */
    public static boolean agree(double a, double b) {
        return Math.abs(a - b) <= RELATIVE_TOLERANCE * Math.max(1, Math.max(Math.abs(a), Math.abs(b)));
    }

    /**
     * Compares two plans' tier values T_1, T_2, … (the other tier last) by the policy's measure:
     * lexicographically in {@link PriorityMode#STRICT}, by Σ tierWeight_k × T_k in
     * {@link PriorityMode#WEIGHTED}. Negative when {@code a} is worse, 0 when they agree.
     */
    public static int compare(Policy policy, double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("tier value vectors differ in length: " + a.length + " and " + b.length);
        }
        if (policy.priorityMode() == PriorityMode.WEIGHTED) {
            return compareFigures(weightedSum(policy.tierWeights(), a), weightedSum(policy.tierWeights(), b));
        }
        for (int tier = 0; tier < a.length; tier++) {
            int order = compareFigures(a[tier], b[tier]);
            if (order != 0) {
                return order;
            }
        }
        return 0;
    }

    /** Σ weight_k × T_k: the measure of a {@link PriorityMode#WEIGHTED} policy (tiers beyond the values count 0). */
    public static double weightedSum(List<Long> weights, double[] values) {
        double sum = 0;
        for (int tier = 0; tier < values.length; tier++) {
            sum += weights.get(tier) * values[tier];
        }
        return sum;
    }

    private static int compareFigures(double a, double b) {
        return agree(a, b) ? 0 : Double.compare(a, b);
    }
}
