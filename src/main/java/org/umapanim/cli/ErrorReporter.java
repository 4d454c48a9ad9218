package org.umapanim.cli;

import java.io.PrintWriter;
import java.lang.reflect.Field;
import org.umapanim.common.FileProblem;
import org.umapanim.common.SettingProblem;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.IParameterExceptionHandler;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.UnmatchedArgumentException;

/**
 * Turns a failure into the line a user can act on. A usage error — an unknown option, a value of
 * the wrong type, a setting out of range — is {@code umap-anim: <problem>} plus a pointer to
 * {@code --help}, exit code 2, found before any stage starts. A failure at work is
 * {@code umap-anim: <file>: <problem>}, exit code 1. The stack trace only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler, IParameterExceptionHandler {
    static final int USAGE = 2;
    static final int FAILURE = 1;

    @Override
    public int handleParseException(ParameterException e, String[] args) {
        CommandLine commandLine = e.getCommandLine();
        String message = e.getMessage();
        if (e instanceof UnmatchedArgumentException unmatched && !unmatched.getSuggestions().isEmpty()) {
            message += " (did you mean " + String.join(" or ", unmatched.getSuggestions()) + "?)";
        }
        commandLine.getErr().println("umap-anim: " + message);
        return usage(commandLine);
    }

    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        SettingProblem setting = find(e, SettingProblem.class);
        if (setting != null) {
            err.println("umap-anim: " + optionName(commandLine.getCommandSpec(), setting.setting()) + " " + setting.problem());
            return usage(commandLine);
        }
        if (isVerbose(parseResult)) {
            e.printStackTrace(err);
        }
        err.println("umap-anim: " + describe(e));
        err.flush();
        return FAILURE;
    }

    private static int usage(CommandLine commandLine) {
        PrintWriter err = commandLine.getErr();
        err.println("Try '" + commandLine.getCommandSpec().qualifiedName() + " --help' for the options and their values.");
        err.flush();
        return USAGE;
    }

    /** What to do when the heap is too small for the data (an OutOfMemoryError, wherever it struck). */
    static String outOfMemory() {
        return String.format("out of memory: the data needs more than the %.1f GB Java may use here; take fewer rows"
                + " (--limit N or --sample N) or let Java use more (JAVA_OPTS=-Xmx<size> ./umap-anim …)",
                Runtime.getRuntime().maxMemory() / 1e9);
    }

    static String describe(Throwable e) {
        if (find(e, OutOfMemoryError.class) != null) {
            return outOfMemory();
        }
        FileProblem problem = find(e, FileProblem.class);
        if (problem != null) {
            return problem.file() + ": " + problem.problem();
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "unexpected error: " + message + " (run again with --verbose for details)";
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (type.isInstance(t)) {
                return type.cast(t);
            }
        }
        return null;
    }

    /**
     * The option that sets {@code setting}: the one whose field has its name (options and settings
     * records share names) or that is called like it ({@code minDist} is {@code --min-dist}).
     */
    private static String optionName(CommandSpec spec, String setting) {
        String spelled = "--" + setting.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(java.util.Locale.ROOT);
        for (OptionSpec option : spec.options()) {
            boolean sameField = option.userObject() instanceof Field field && field.getName().equals(setting);
            if (sameField || java.util.Arrays.asList(option.names()).contains(spelled)) {
                return option.longestName();
            }
        }
        return setting;
    }

    private static boolean isVerbose(ParseResult parseResult) {
        for (ParseResult p = parseResult; p != null; p = p.subcommand()) {
            if (p.hasMatchedOption("--verbose")) {
                return true;
            }
        }
        return false;
    }
}
