package vn.childaid.matching.json;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.util.Locale;
import vn.childaid.matching.scenario.Problem;

/** Words for values and sizes in problems, so that no problem repeats megabytes of input or names a Java type. */
final class Texts {
    private Texts() {}

    /** A value as problems quote it: whole when short, cut with its length when long. */
    static String shown(String value) {
        return Problem.shown(value);
    }

    /** A byte count in the unit a person reads: {@code 300 MiB (314,572,800 bytes)}. */
    static String bytes(long count) {
        if (count < 1024) {
            return String.format(Locale.ROOT, "%,d bytes", count);
        }
        String[] units = {"KiB", "MiB", "GiB", "TiB", "PiB", "EiB"};
        double value = count;
        int unit = -1;
        while (value >= 1024 && unit < units.length - 1) {
            value /= 1024;
            unit++;
        }
        String amount = value == Math.rint(value) ? String.format(Locale.ROOT, "%.0f", value)
                : String.format(Locale.ROOT, "%.1f", value);
        return String.format(Locale.ROOT, "%s %s (%,d bytes)", amount, units[unit], count);
    }

    /** Why a file could not be read, in words (never an exception's class name). */
    static String ioReason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "there is no such file";
        }
        if (e instanceof AccessDeniedException) {
            return "permission denied";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        return e.getMessage() != null && !e.getMessage().isBlank() ? e.getMessage() : "an input/output error";
    }
}
