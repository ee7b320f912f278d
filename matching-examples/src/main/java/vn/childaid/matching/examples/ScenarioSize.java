package vn.childaid.matching.examples;

/**
 * How big a generated scenario is. {@link #PROVINCE} is Đắk Lắk as the plan describes it: 50
 * region-III communes holding 441 especially difficult villages; {@link #NATIONAL} is twenty such
 * provinces, about the scale of the 2021–2025 national lists.
 */
public enum ScenarioSize {
    TINY(1, 3, 8, 2, 1, 30, 8),
    SMALL(1, 10, 80, 4, 6, 300, 35),
    PROVINCE(1, 50, 441, 15, 30, 3_000, 250),
    NATIONAL(20, 50, 441, 15, 30, 3_000, 200);

    final int provinces;
    final int regionThreeCommunesPerProvince;
    final int especiallyDifficultVillagesPerProvince;
    final int districtsPerProvince;
    final int otherCommunesPerProvince;
    final int needsPerProvince;
    final int offersPerProvince;

    ScenarioSize(int provinces, int regionThreeCommunes, int especiallyDifficultVillages, int districts,
            int otherCommunes, int needs, int offers) {
        this.provinces = provinces;
        this.regionThreeCommunesPerProvince = regionThreeCommunes;
        this.especiallyDifficultVillagesPerProvince = especiallyDifficultVillages;
        this.districtsPerProvince = districts;
        this.otherCommunesPerProvince = otherCommunes;
        this.needsPerProvince = needs;
        this.offersPerProvince = offers;
    }

    public int expectedNeeds() {
        return provinces * needsPerProvince;
    }

    public int expectedOffers() {
        return provinces * offersPerProvince;
    }
}
