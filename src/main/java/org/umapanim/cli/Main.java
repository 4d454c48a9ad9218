package org.umapanim.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code umap-anim} command: subcommands run the pipeline's stages. */
@Command(
        name = "umap-anim",
        mixinStandardHelpOptions = true,
        versionProvider = Version.class,
        description = {
            "Watch UMAP work: embed high-dimensional data (MNIST digits by default) in two dimensions, "
                    + "record the layout after every optimisation epoch, draw each epoch and make a movie of it.",
            "",
            "Run the stages in order (prepare, render, encode), or all of them at once with 'all'."
        },
        subcommands = {PrepareCommand.class, RenderCommand.class, EncodeCommand.class, AllCommand.class})
public final class Main implements Runnable {
    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the command line and returns the exit code: 0 ok, 1 runtime failure, 2 usage error. */
    public static int run(String... args) {
        CommandLine commandLine = new CommandLine(new Main());
        commandLine.setExecutionExceptionHandler(new ErrorReporter());
        return commandLine.execute(args);
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: prepare, render, encode or all");
    }
}
