package vn.childaid.matching.classification;

/** How urgent a need is, as assessed by whoever reported it. */
public enum Urgency {
    CRITICAL,
    HIGH,
    NORMAL
}
