package vn.childaid.matching.plan;

/** Whether a need's open units are all, some or none funded in a plan. */
public enum NeedStatus {
    FUNDED,
    PARTIAL,
    UNFUNDED;

    public static NeedStatus of(int fundedUnits, int openUnits) {
        if (fundedUnits >= openUnits) {
            return FUNDED;
        }
        return fundedUnits == 0 ? UNFUNDED : PARTIAL;
    }
}
