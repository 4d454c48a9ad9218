package org.umapanim.cli;

import java.io.PrintWriter;
import org.umapanim.common.FileProblem;
import picocli.CommandLine;
import picocli.CommandLine.IExecutionExceptionHandler;
import picocli.CommandLine.ParseResult;

/**
 * Turns a failure into the one line a user can act on, {@code umap-anim: <file>: <problem>}, with
 * exit code 1; the stack trace only with {@code --verbose}.
 */
final class ErrorReporter implements IExecutionExceptionHandler {
    @Override
    public int handleExecutionException(Exception e, CommandLine commandLine, ParseResult parseResult) {
        PrintWriter err = commandLine.getErr();
        if (isVerbose(parseResult)) {
            e.printStackTrace(err);
        }
        err.println("umap-anim: " + describe(e));
        err.flush();
        return 1;
    }

    static String describe(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof FileProblem problem) {
                return problem.file() + ": " + problem.problem();
            }
        }
        if (e instanceof IllegalArgumentException) {
            return e.getMessage();
        }
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return "unexpected error: " + message + " (run again with --verbose for details)";
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
