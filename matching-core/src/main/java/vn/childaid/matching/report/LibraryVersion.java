package vn.childaid.matching.report;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/**
 * The version of this library, as the build wrote it into a resource: read from the class path
 * rather than a jar manifest, so it is the same in the plain jar, the command line's single jar
 * (whose manifest is the command line's) and a test run from compiled classes.
 */
final class LibraryVersion {
    private static final String RESOURCE = "version.properties";

    private LibraryVersion() {}

    /** The version, for example {@code 0.1.0}; {@code unknown} when the resource was not built. */
    static String current() {
        try (InputStream in = LibraryVersion.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            // Unfiltered (an IDE copying resources as they are): better no version than a placeholder.
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the library version", e);
        }
    }
}
