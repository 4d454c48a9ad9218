package org.umapanim.cli;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;

/**
 * The runs {@code all} prepares when an option that changes the fit is given more than once with
 * different values ({@code --reducer umap --reducer tsne}, {@code --neighbors 5 --neighbors 50}):
 * one command line per value, each with that value alone, and the data folder each run gets
 * ({@code data/umap}, {@code data/tsne}; {@code data/neighbors-5}, {@code data/neighbors-50}).
 * Any other single-valued option given twice is refused, as picocli refuses it elsewhere.
 */
final class RunVariants {
    /** The fit's options listed elsewhere than under the layout's and the reducers' parts of --help. */
    private static final Set<String> FIT = Set.of("--seed");
    /**
     * The parts of --help that do not change the fit; every other part (the layout's: --reducer;
     * each reducer's own, UMAP's and any added later) does.
     */
    private static final Set<HelpSection.Part> NOT_FIT = EnumSet.of(HelpSection.Part.INPUT, HelpSection.Part.FRAMES,
            HelpSection.Part.MOVIE, HelpSection.Part.VIEWER, HelpSection.Part.FOLDERS, HelpSection.Part.RUN);

    /** The option varied, and each of its values with the command line and the data folder of its run. */
    record Variant(String value, String[] args, Path dataDir) {}

    private RunVariants() {}

    /**
     * The runs {@code args} (the {@code all} command's own arguments) ask for: empty when no option
     * is given twice with different values.
     */
    static List<Variant> of(CommandSpec spec, List<String> args, Path dataDir) {
        Map<String, List<String>> given = new LinkedHashMap<>();
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            if (!arg.startsWith("--")) {
                continue;
            }
            int eq = arg.indexOf('=');
            String name = eq > 0 ? arg.substring(0, eq) : arg;
            OptionSpec option = spec.findOption(name);
            if (option == null || option.isMultiValue() || option.arity().max() == 0) {
                continue;
            }
            String value = eq > 0 ? arg.substring(eq + 1) : i + 1 < args.size() ? args.get(++i) : "";
            given.computeIfAbsent(option.longestName(), k -> new ArrayList<>()).add(value);
        }
        String varied = null;
        for (Map.Entry<String, List<String>> e : given.entrySet()) {
            List<String> values = e.getValue().stream().distinct().toList();
            if (e.getValue().size() < 2) {
                continue;
            }
            OptionSpec option = spec.findOption(e.getKey());
            boolean fit = FIT.contains(e.getKey()) || !NOT_FIT.contains(GroupedOptionList.partOf(option));
            if (!fit || values.size() < 2) {
                throw new CommandLine.ParameterException(spec.commandLine(), "option '" + e.getKey()
                        + "' should be specified only once" + (fit ? "" : "; only the fit's options (--reducer, --neighbors,"
                        + " --min-dist, --seed, …) may be given several times, to compare the runs they make"));
            }
            if (varied != null) {
                throw new CommandLine.ParameterException(spec.commandLine(), "both " + varied + " and " + e.getKey()
                        + " are given several times; compare one setting at a time");
            }
            varied = e.getKey();
        }
        if (varied == null) {
            return List.of();
        }
        List<String> values = given.get(varied).stream().distinct().toList();
        if (values.size() > 4) {
            throw new CommandLine.ParameterException(spec.commandLine(), varied + " is given " + values.size()
                    + " values; a comparison plays 2 to 4 runs");
        }
        List<Variant> variants = new ArrayList<>();
        for (String value : values) {
            List<String> one = new ArrayList<>();
            one.add("all");
            for (int i = 0; i < args.size(); i++) {
                String arg = args.get(i);
                if (arg.equals(varied) || spec.findOption(arg) == spec.findOption(varied)) {
                    i++;   // the option and its value
                } else if (arg.startsWith("--") && arg.indexOf('=') > 0
                        && spec.findOption(arg.substring(0, arg.indexOf('='))) == spec.findOption(varied)) {
                    continue;
                } else {
                    one.add(arg);
                }
            }
            one.add(varied);
            one.add(value);
            String name = varied.equals("--reducer") ? value : varied.substring(2) + "-" + value;
            variants.add(new Variant(value, one.toArray(String[]::new),
                    dataDir.resolve(name.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9._-]", "_"))));
        }
        return variants;
    }
}
