package vn.childaid.matching.report;

/**
 * VND offered and allocated, cash and in kind apart (goods at their unit value). Offered is what
 * the offers are worth in the scenario; allocated is the sum of the plan's line amounts.
 */
public record Money(long offeredCash, long offeredInKind, long allocatedCash, long allocatedInKind) {
    public static final Money ZERO = new Money(0, 0, 0, 0);

    public long offered() {
        return Math.addExact(offeredCash, offeredInKind);
    }

    public long allocated() {
        return Math.addExact(allocatedCash, allocatedInKind);
    }

    public Money plus(Money other) {
        return new Money(Math.addExact(offeredCash, other.offeredCash), Math.addExact(offeredInKind, other.offeredInKind),
                Math.addExact(allocatedCash, other.allocatedCash), Math.addExact(allocatedInKind, other.allocatedInKind));
    }

    static Money offered(boolean cash, long vnd) {
        return cash ? new Money(vnd, 0, 0, 0) : new Money(0, vnd, 0, 0);
    }

    static Money allocated(boolean cash, long vnd) {
        return cash ? new Money(0, 0, vnd, 0) : new Money(0, 0, 0, vnd);
    }
}
