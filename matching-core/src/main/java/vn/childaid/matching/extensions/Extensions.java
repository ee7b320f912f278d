package vn.childaid.matching.extensions;

import java.util.Objects;
import java.util.Optional;

/**
 * What a caller attached to a scenario object under {@code "extensions"}: a JSON object the engine
 * never looks into but keeps, so a scenario read and written back carries it unchanged. It is held
 * as JSON text so that the model needs no JSON library; {@link #NONE} when the object had none.
 *
 * <p>Two extensions are equal when their texts are. {@code ScenarioJson} reads and makes them in a
 * canonical text (keys sorted, no spaces, numbers as written), so extensions of equal JSON values
 * are equal; text given to {@link #ofJson} is kept as given.
 */
public final class Extensions {
    /** No {@code extensions} field: nothing is written back. */
    public static final Extensions NONE = new Extensions(null);

    /** The JSON text of an object, or null for {@link #NONE}. */
    private final String json;

    private Extensions(String json) {
        this.json = json;
    }

    /**
     * Extensions from the JSON text of an object, kept as given. Only the braces are checked here;
     * {@code ScenarioJson.extensions(String)} parses the text and makes it canonical.
     */
    public static Extensions ofJson(String objectJson) {
        Objects.requireNonNull(objectJson, "objectJson");
        String trimmed = objectJson.strip();
        if (!trimmed.startsWith("{") || !trimmed.endsWith("}")) {
            throw new IllegalArgumentException("extensions must be a JSON object, found: " + objectJson);
        }
        return new Extensions(trimmed);
    }

    /** True unless this is {@link #NONE}. */
    public boolean isPresent() {
        return json != null;
    }

    /** The JSON object's text; empty for {@link #NONE}. */
    public Optional<String> json() {
        return Optional.ofNullable(json);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Extensions that && Objects.equals(json, that.json);
    }

    @Override
    public int hashCode() {
        return Objects.hashCode(json);
    }

    @Override
    public String toString() {
        return json == null ? "Extensions.NONE" : "Extensions" + json;
    }
}
