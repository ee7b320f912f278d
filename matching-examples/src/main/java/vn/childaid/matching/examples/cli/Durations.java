package vn.childaid.matching.examples.cli;

import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/** Reads "30s", "2m", "1h", "500ms" or a bare number of seconds. */
final class Durations implements CommandLine.ITypeConverter<Duration> {
    @Override
    public Duration convert(String text) {
        String value = text.trim().toLowerCase(Locale.ROOT);
        try {
            Duration duration;
            if (value.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            } else if (value.endsWith("s")) {
                duration = Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            } else if (value.endsWith("m")) {
                duration = Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 60_000));
            } else if (value.endsWith("h")) {
                duration = Duration.ofMillis(Math.round(Double.parseDouble(value.substring(0, value.length() - 1)) * 3_600_000));
            } else {
                duration = Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
            }
            if (duration.isZero() || duration.isNegative()) {
                throw new CommandLine.TypeConversionException("'" + text + "' must be a positive duration");
            }
            return duration;
        } catch (NumberFormatException e) {
            throw new CommandLine.TypeConversionException("'" + text + "' is not a duration (try 30s, 2m or 500ms)");
        }
    }
}
