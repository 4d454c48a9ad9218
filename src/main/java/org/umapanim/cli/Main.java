package org.umapanim.cli;

import java.util.Arrays;
import java.util.List;
import org.umapanim.common.Version;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.IVersionProvider;
import picocli.CommandLine.Mixin;

/** The {@code umap-anim} command: subcommands parse their options and run a stage of the pipeline. */
@Command(
        name = "umap-anim",
        mixinStandardHelpOptions = true,
        versionProvider = Main.class,
        description = {
            "Watch UMAP work: embed high-dimensional data (MNIST digits by default) in two dimensions, "
                    + "record the layout after every optimisation epoch, draw each epoch and make a movie of it, "
                    + "and an HTML viewer to scrub the epochs and hover any point.",
            "",
            "Run the stages in order (prepare, render, encode, view), or all of them at once with 'all'; "
                    + "play prepared runs side by side with 'compare'."
        })
public final class Main implements Runnable, IVersionProvider {
    /** The subcommands, in the order the help lists them. */
    private static final List<Class<?>> COMMANDS = List.of(PrepareCommand.class, RenderCommand.class,
            EncodeCommand.class, ViewCommand.class, AllCommand.class, CompareCommand.class,
            CommandLine.HelpCommand.class);

    @CommandLine.Spec
    private CommandLine.Model.CommandSpec spec;

    @Mixin CommonOptions common;

    /** The file the launcher has the JVM record the loaded classes into, when it does. */
    private static final String RECORDING = "umap-anim.cds-recording";

    public static void main(String[] args) {
        if (System.getProperty(RECORDING) != null) {
            dieOfSignalsAtOnce();
        }
        int status = run(args);
        if (status == 0) {
            keepClassRecording();
        }
        System.exit(status);
    }

    /**
     * The launcher execs the JVM (so that the PID it was started as is this run's), so it cannot
     * see the exit code when the JVM records the classes it loaded (at exit, for class data
     * sharing): a successful run says so with an empty file next to the recording, and the
     * launcher's stderr filter, which outlives the JVM, keeps the recording only then.
     */
    private static void keepClassRecording() {
        String recording = System.getProperty(RECORDING);
        if (recording != null) {
            try {
                java.nio.file.Files.write(java.nio.file.Path.of(recording + ".ok"), new byte[0]);
            } catch (java.io.IOException | RuntimeException e) {
                // no class list kept: the next run records again
            }
        }
    }

    /**
     * A JVM that records its classes writes them out as it exits, after a TERM, INT or HUP as after
     * a success: a 30 MB archive, which took 4.0 s after a TERM here (the run stopped in 0.07 s
     * without recording), all of it thrown away since the run failed. So while recording, these
     * signals do what their default action does, at once: the process dies of the signal (its
     * status says which) and leaves what any kill leaves. The JVM raises only signals it handles,
     * so the signal is sent again by {@code kill} (60 ms). A signal the JVM was started with
     * ignored stays ignored.
     */
    private static void dieOfSignalsAtOnce() {
        for (String name : List.of("TERM", "INT", "HUP")) {
            sun.misc.Signal signal = new sun.misc.Signal(name);
            sun.misc.SignalHandler before = sun.misc.Signal.handle(signal, Main::dieOf);
            if (before == sun.misc.SignalHandler.SIG_IGN) {
                sun.misc.Signal.handle(signal, sun.misc.SignalHandler.SIG_IGN);
            }
        }
    }

    private static void dieOf(sun.misc.Signal signal) {
        sun.misc.Signal.handle(signal, sun.misc.SignalHandler.SIG_DFL);
        try {
            new ProcessBuilder("kill", "-s", signal.getName(), Long.toString(ProcessHandle.current().pid()))
                    .start().waitFor();
            Thread.sleep(2000);
        } catch (java.io.IOException | InterruptedException e) {
            // no kill command: the JVM's own way out, archive and all
        }
        Runtime.getRuntime().halt(128 + signal.getNumber());
    }

    /** Runs the command line and returns the exit code: 0 ok, 1 runtime failure, 2 usage error. */
    public static int run(String... args) {
        CommandLine commandLine = commandLine(args);
        ErrorReporter errors = new ErrorReporter();
        commandLine.setExecutionExceptionHandler(errors);
        commandLine.setParameterExceptionHandler(errors);
        GroupedOptionList options = new GroupedOptionList();
        commandLine.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, options);
        commandLine.getSubcommands().values().forEach(sub -> {
            sub.getHelpSectionMap().put(CommandLine.Model.UsageMessageSpec.SECTION_KEY_OPTION_LIST, options);
            sub.getCommandSpec().usageMessage().abbreviateSynopsis(true);   // the parts below list them
        });
        try {
            return commandLine.execute(args);
        } catch (OutOfMemoryError e) {
            System.err.println("umap-anim: " + ErrorReporter.outOfMemory());
            return ErrorReporter.FAILURE;
        }
    }

    /**
     * The command line with the subcommand {@code args} name, or with all of them when they name
     * none (a typo, no command) or ask for help. picocli reads every option of every subcommand it
     * is given before it parses anything: in a fresh JVM the whole model took 0.29-0.33 s, encode's
     * alone 0.17-0.28 s (four runs each). The root's own options are all flags, so the first
     * argument that is not an option is the command.
     */
    static CommandLine commandLine(String... args) {
        String named = Arrays.stream(args).filter(a -> !a.startsWith("-")).findFirst().orElse(null);
        List<Class<?>> commands = COMMANDS.stream()
                .filter(c -> c != CommandLine.HelpCommand.class && nameOf(c).equals(named)).toList();
        CommandLine commandLine = new CommandLine(new Main());
        (commands.isEmpty() ? COMMANDS : commands).forEach(commandLine::addSubcommand);
        CommandLine all = commandLine.getSubcommands().get(nameOf(AllCommand.class));
        if (all != null) {
            // a fit option given several times asks for runs to compare; RunVariants refuses the rest
            all.setOverwrittenOptionsAllowed(true);
        }
        return commandLine;
    }

    private static String nameOf(Class<?> command) {
        return command.getAnnotation(Command.class).name();
    }

    @Override
    public void run() {
        throw new CommandLine.ParameterException(spec.commandLine(), "Missing a command: prepare, render, encode, view, all or compare");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"umap-anim " + Version.current()};
    }
}
