package vn.childaid.matching.classification;

/** What a need asks for: the nine kinds of support the Đắk Lắk plan names (section III.2). */
public enum Category {
    HEALTHCARE,
    NUTRITION,
    CLOTHING,
    SCHOOL_TRANSPORT,
    SCHOLARSHIP,
    SCHOOL_SUPPLIES,
    CHARITY_HOUSE,
    PLAYGROUND,
    PLAY_EQUIPMENT;

    /** Houses and playgrounds are built whole or not at all; everything else can be part-funded. */
    public boolean divisibleByDefault() {
        return this != CHARITY_HOUSE && this != PLAYGROUND;
    }
}
