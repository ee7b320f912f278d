package vn.childaid.matching.scenario;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Optional;
import org.junit.jupiter.api.Test;
import vn.childaid.matching.classification.Region;
import vn.childaid.matching.extensions.Extensions;

class AreasAndDonorsTest {
    private static final Extensions TAGGED = Extensions.ofJson("{\"source\":\"GSO\"}");

    @Test
    void factoriesAndBuildersAgreeAndToBuilderKeepsExtensions() {
        District district = District.builder("645").name("Krông Bông").extensions(TAGGED).build();
        assertEquals(district, district.toBuilder().build());
        assertNotEquals(District.of("645", "Krông Bông"), district);

        Commune inDistrict = Commune.inDistrict("24457", "Cư Pui", "645", Region.III);
        assertEquals(Optional.of("645"), inDistrict.district());
        assertEquals(Optional.empty(), Commune.of("24457", "Cư Pui", Region.III).district());
        assertEquals(inDistrict, inDistrict.toBuilder().build());
        assertNotEquals(inDistrict, inDistrict.toBuilder().extensions(TAGGED).build());

        Village village = Village.of("24457-07", "Buôn Khanh", "24457", true);
        assertEquals(village, Village.builder("24457-07").name("Buôn Khanh").commune("24457")
                .especiallyDifficult(true).build());
        assertNotEquals(village, village.toBuilder().especiallyDifficult(false).build());
        assertNotEquals(village, village.toBuilder().extensions(TAGGED).build());

        Donor donor = Donor.of("D-1", "Women's Union", DonorType.MASS_ORGANIZATION);
        assertEquals(donor, donor.toBuilder().build());
        assertNotEquals(donor, donor.toBuilder().extensions(TAGGED).build());

        Commitment commitment = Commitment.of("O-1", "N-1", 3);
        assertEquals(commitment, Commitment.builder("O-1", "N-1").units(3).build());
        assertNotEquals(commitment, commitment.toBuilder().units(4).build());
        assertNotEquals(commitment, commitment.toBuilder().extensions(TAGGED).build());
    }

    @Test
    void blankCodesAndNamesAreRejectedAsBefore() {
        assertThrows(IllegalArgumentException.class, () -> District.of(" ", "x"));
        assertThrows(NullPointerException.class, () -> Commune.builder("1").name("x").build());
        assertThrows(IllegalArgumentException.class, () -> Village.of("1", "x", "", false));
        assertThrows(NullPointerException.class, () -> Donor.builder("D").name("x").build());
        assertThrows(IllegalArgumentException.class, () -> Commitment.of("O", " ", 1));
    }
}
