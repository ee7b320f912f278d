package vn.childaid.matching.plan;

/** How much of an offer a plan uses, in VND (in-kind offers at their unit value). */
public record OfferUse(String id, long used, long remaining) {
}
