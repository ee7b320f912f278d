package vn.childaid.matching.report;

/**
 * VND offered and allocated, cash and in kind apart (goods at their unit value). Offered is what
 * the offers are worth in the scenario; allocated is the sum of the plan's line amounts. Sums stop
 * at {@link Long#MAX_VALUE} rather than wrap: a plan from elsewhere may hold any amounts, and the
 * audit reports them.
 */
public record Money(long offeredCash, long offeredInKind, long allocatedCash, long allocatedInKind) {
    public static final Money ZERO = new Money(0, 0, 0, 0);

    public long offered() {
        return sum(offeredCash, offeredInKind);
    }

    public long allocated() {
        return sum(allocatedCash, allocatedInKind);
    }

    public Money plus(Money other) {
        return new Money(sum(offeredCash, other.offeredCash), sum(offeredInKind, other.offeredInKind),
                sum(allocatedCash, other.allocatedCash), sum(allocatedInKind, other.allocatedInKind));
    }

    /** a + b for amounts ≥ 0, {@link Long#MAX_VALUE} when that overflows. */
    static long sum(long a, long b) {
        long sum = a + b;
        return ((a ^ sum) & (b ^ sum)) < 0 ? Long.MAX_VALUE : sum;
    }

    static Money offered(boolean cash, long vnd) {
        return cash ? new Money(vnd, 0, 0, 0) : new Money(0, vnd, 0, 0);
    }

    static Money allocated(boolean cash, long vnd) {
        return cash ? new Money(0, 0, vnd, 0) : new Money(0, 0, 0, vnd);
    }
}
