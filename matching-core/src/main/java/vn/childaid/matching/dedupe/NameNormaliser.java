package vn.childaid.matching.dedupe;

import java.text.Normalizer;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Brings a Vietnamese organisation name to the form two spellings of one donor share: "Hội LHPN
 * tỉnh" and "Hội Liên hiệp Phụ nữ tỉnh Đắk Lắk" both become {@code "hoi lien hiep phu nu"}.
 *
 * <p>Steps, in order: lower case; {@code đ} → {@code d}; diacritics removed (tones and vowel
 * marks); every character that is not a letter or digit becomes a space; then the {@link #RULES}
 * below, each on whole words, in their order; then spaces collapsed and trimmed.
 */
public final class NameNormaliser {
    /** One rewrite of whole words, applied to the folded name (lower case, no diacritics). */
    record Rule(String words, String replacement, boolean onlyAtEnd) {
        Pattern pattern() {
            return Pattern.compile("(?<![a-z0-9])" + Pattern.quote(words) + (onlyAtEnd ? "$" : "(?![a-z0-9])"));
        }
    }

    private static Rule expand(String words, String replacement) {
        return new Rule(words, replacement, false);
    }

    private static Rule drop(String words) {
        return new Rule(words, "", false);
    }

    private static Rule dropAtEnd(String words) {
        return new Rule(words, "", true);
    }

    /**
     * Abbreviations of organisation types and place words, expanded or dropped. Order matters: a
     * longer abbreviation comes before the shorter one it contains.
     */
    static final List<Rule> RULES = List.of(
            // "CTCP": công ty cổ phần, a joint-stock company.
            expand("ctcp", "cong ty co phan"),
            // "Cty", "C.ty": công ty, a company.
            expand("cty", "cong ty"),
            expand("c ty", "cong ty"),
            // "TNHH": trách nhiệm hữu hạn, limited liability.
            expand("tnhh", "trach nhiem huu han"),
            // "CP": cổ phần, joint-stock.
            expand("cp", "co phan"),
            // "DNTN": doanh nghiệp tư nhân, a private enterprise.
            expand("dntn", "doanh nghiep tu nhan"),
            // "HLHPN": Hội Liên hiệp Phụ nữ, the Women's Union, in one word.
            expand("hlhpn", "hoi lien hiep phu nu"),
            // "LHPN" (as in "Hội LHPN"): Liên hiệp Phụ nữ.
            expand("lhpn", "lien hiep phu nu"),
            // "UBND": Ủy ban nhân dân, a People's Committee.
            expand("ubnd", "uy ban nhan dan"),
            // "MTTQ": Mặt trận Tổ quốc, the Fatherland Front.
            expand("mttq", "mat tran to quoc"),
            // "CTĐ" (as in "Hội CTĐ"): Chữ thập đỏ, the Red Cross.
            expand("ctd", "chu thap do"),
            // "TNCS": Thanh niên Cộng sản, the Communist Youth Union.
            expand("tncs", "thanh nien cong san"),
            // "GD&ĐT", "GDĐT": Giáo dục và Đào tạo, education and training ("&" is a space by now).
            expand("gd dt", "giao duc va dao tao"),
            expand("gddt", "giao duc va dao tao"),
            // "LĐTB&XH": Lao động – Thương binh và Xã hội, labour, invalids and social affairs.
            expand("ldtb xh", "lao dong thuong binh va xa hoi"),
            expand("ldtbxh", "lao dong thuong binh va xa hoi"),
            // "TP", "Tp.": thành phố, a city.
            expand("tp", "thanh pho"),
            // "TX": thị xã, a town.
            expand("tx", "thi xa"),
            // "BMT": Buôn Ma Thuột, the provincial capital.
            expand("bmt", "buon ma thuot"),
            // The province's name in its spellings: a scenario covers one province, so naming it
            // adds nothing ("Hội LHPN tỉnh" and "Hội LHPN tỉnh Đắk Lắk" are one donor).
            drop("dak lak"),
            drop("daklak"),
            drop("dac lac"),
            // "DL" for Đắk Lắk only as the last word: elsewhere it is as often "du lịch" (tourism).
            dropAtEnd("dl"),
            // "tỉnh" (province) at the end, once the name is gone: "Hội LHPN tỉnh". Only at the end,
            // because without diacritics "tinh" is also "tình" (as in "Quỹ Tình thương").
            dropAtEnd("tinh"));

    private static final List<Pattern> PATTERNS = RULES.stream().map(Rule::pattern).toList();
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern NOT_WORD = Pattern.compile("[^a-z0-9]+");

    private NameNormaliser() {}

    /** The normal form of {@code name}: compare two names by comparing their normal forms. */
    public static String normalise(String name) {
        String text = fold(name);
        for (int i = 0; i < RULES.size(); i++) {
            Matcher matcher = PATTERNS.get(i).matcher(text);
            text = matcher.replaceAll(Matcher.quoteReplacement(RULES.get(i).replacement()));
            text = NOT_WORD.matcher(text).replaceAll(" ").trim();
        }
        return text;
    }

    /**
     * Case, diacritics and punctuation folded away, no abbreviation touched: two names equal in
     * this form differ only in how they were typed.
     */
    public static String fold(String name) {
        String lower = name.toLowerCase(Locale.ROOT).replace('đ', 'd').replace('ð', 'd'); // ð: the look-alike some keyboards type for Đ
        String bare = MARKS.matcher(Normalizer.normalize(lower, Normalizer.Form.NFD)).replaceAll("");
        return NOT_WORD.matcher(bare).replaceAll(" ").trim();
    }
}
