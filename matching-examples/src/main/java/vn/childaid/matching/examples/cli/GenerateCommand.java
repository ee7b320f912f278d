package vn.childaid.matching.examples.cli;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParentCommand;
import vn.childaid.matching.examples.DakLakGenerator;
import vn.childaid.matching.examples.ScenarioSize;
import vn.childaid.matching.files.OutputFile;
import vn.childaid.matching.json.ScenarioJson;
import vn.childaid.matching.scenario.Scenario;

@Command(name = "generate", mixinStandardHelpOptions = true,
        description = "Generate a realistic Đắk Lắk-shaped scenario, the same for the same seed.")
final class GenerateCommand implements Callable<Integer> {
    @ParentCommand
    MatchingCli root;

    @Option(names = "--size", defaultValue = "PROVINCE", converter = SizeConverter.class,
            description = "tiny (~30 needs), small (~300), province (~3,000; 50 communes, 441 especially difficult villages) "
                    + "or national (~60,000). Default: province.")
    ScenarioSize size;

    @Option(names = "--seed", defaultValue = "2020", description = "Random seed (default: ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "Where to write the scenario JSON.")
    Path out;

    @Override
    public Integer call() {
        OutputFile.of(out).check(List.of());
        Scenario scenario = DakLakGenerator.generate(size, seed);
        ScenarioJson.write(scenario, out);
        root.spec.commandLine().getOut().printf("wrote %s: %,d needs, %,d offers, %,d villages%n", out,
                scenario.needs().size(), scenario.offers().size(), scenario.villages().size());
        return MatchingCli.OK;
    }

    static final class SizeConverter implements picocli.CommandLine.ITypeConverter<ScenarioSize> {
        @Override
        public ScenarioSize convert(String value) {
            try {
                return ScenarioSize.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw new picocli.CommandLine.TypeConversionException(
                        "'" + value + "' is not a size: use tiny, small, province or national");
            }
        }
    }
}
