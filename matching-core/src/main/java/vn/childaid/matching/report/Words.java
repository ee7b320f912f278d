package vn.childaid.matching.report;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.Objects;
import java.util.ResourceBundle;

/**
 * Every sentence and label meant for people, from the one resource bundle {@code
 * vn/childaid/matching/report/words*.properties}: a Vietnamese translation is a {@code
 * words_vi.properties} file beside it, with no code change. Keys are grouped by prefix ({@code
 * explain.}, {@code page.}, {@code report.}, …). Immutable and thread-safe.
 */
public final class Words {
    private static final String BUNDLE = "vn.childaid.matching.report.words";

    private final ResourceBundle bundle;
    private final Locale locale;

    private Words(ResourceBundle bundle, Locale locale) {
        this.bundle = bundle;
        this.locale = locale;
    }

    /** The English words (the bundle's base file). */
    public static Words english() {
        return of(Locale.ROOT);
    }

    /** The words for {@code locale}, falling back key by key to English. */
    public static Words of(Locale locale) {
        Objects.requireNonNull(locale, "locale");
        ResourceBundle bundle = ResourceBundle.getBundle(BUNDLE, locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new Words(bundle, locale);
    }

    public Locale locale() {
        return locale;
    }

    /**
     * The text under {@code key} with {@code arguments} put in by {@link MessageFormat} (so a literal
     * apostrophe is written twice in the bundle).
     *
     * @throws MissingResourceException when the bundle has no such key: a programming error, caught by
     *     the tests that render every key
     */
    public String get(String key, Object... arguments) {
        String pattern = bundle.getString(key);
        return arguments.length == 0 ? pattern : new MessageFormat(pattern, locale).format(arguments);
    }

    /** Whether the bundle holds {@code key}. */
    public boolean has(String key) {
        return bundle.containsKey(key);
    }
}
