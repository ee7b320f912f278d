package vn.childaid.matching.dedupe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class NameNormaliserTest {
    @ParameterizedTest(name = "\"{0}\" is \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Hội LHPN tỉnh                          | Hội Liên hiệp Phụ nữ tỉnh Đắk Lắk
            Hội LHPN tỉnh ĐL                       | Hội Liên hiệp Phụ nữ
            Hoi Lien hiep Phu nu huyen Krong Pac   | Hội Liên hiệp Phụ nữ huyện Krông Pắc
            Cty TNHH Cà phê Ea Tu                  | Công ty TNHH Cà phê Ea Tu
            C.ty TNHH Cà phê Ea Tu                 | Công ty trách nhiệm hữu hạn Cà phê Ea Tu
            CTCP Sữa Đắk Lắk                       | Công ty Cổ phần Sữa
            Công ty CP Sữa Daklak                  | Công ty Cổ phần Sữa Dak Lak
            UBND TP Buôn Ma Thuột                  | Ủy ban nhân dân thành phố Buôn Ma Thuột
            UBND Tp. BMT                           | Ủy ban nhân dân thành phố Buôn Ma Thuột
            Ủy ban MTTQ tỉnh Đắk Lắk               | Uy ban Mat tran To quoc tinh
            Hội CTĐ tỉnh                           | Hội Chữ thập đỏ tỉnh Đắk Lắk
            Sở GD&ĐT Đắk Lắk                       | Sở Giáo dục và Đào tạo tỉnh Đắk Lắk
            ĐOÀN THANH NIÊN                        | đoàn  thanh-niên
            """)
    void spellingsOfOneDonorNormaliseAlike(String one, String other) {
        assertEquals(NameNormaliser.normalise(one), NameNormaliser.normalise(other));
    }

    @ParameterizedTest(name = "\"{0}\" is not \"{1}\"")
    @CsvSource(delimiter = '|', textBlock = """
            Hội LHPN tỉnh                          | Hội LHPN huyện Krông Pắc
            Hội LHPN xã Ea Tu                      | Hội LHPN tỉnh
            Cty TNHH Cà phê Ea Tu                  | Công ty Cổ phần Cà phê Ea Tu
            Quỹ Tình thương                        | Quỹ thương
            Công ty DL Xanh                        | Công ty Xanh
            UBND huyện Ea Kar                      | UBND thị xã Ea Kar
            """)
    void differentDonorsStayApart(String one, String other) {
        assertNotEquals(NameNormaliser.normalise(one), NameNormaliser.normalise(other));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Hội LHPN tỉnh Đắk Lắk  | hoi lien hiep phu nu
            Cty TNHH Hoàng Anh     | cong ty trach nhiem huu han hoang anh
            Ðoàn (tỉnh)            | doan
            """)
    void normalFormIsFoldedAndExpanded(String name, String expected) {
        assertEquals(expected, NameNormaliser.normalise(name));
    }
}
