package vn.childaid.matching.classification;

/** A commune's class under the ethnic-minority area lists: III is the hardest. */
public enum Region {
    I,
    II,
    III
}
