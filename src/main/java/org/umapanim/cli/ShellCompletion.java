package org.umapanim.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import picocli.AutoComplete;

/**
 * Writes the bash and zsh completion script for every command and option (the build runs it:
 * {@code target/umap-anim_completion}). picocli's own generator would see only what the root
 * class's annotation names, and {@link Main} adds its subcommands itself.
 */
public final class ShellCompletion {
    private ShellCompletion() {}

    /** The script's text. */
    static String script() {
        return AutoComplete.bash("umap-anim", Main.commandLine());
    }

    /** Writes the script to the file {@code args[0]}. */
    public static void main(String[] args) throws IOException {
        Files.writeString(Path.of(args[0]), script());
    }
}
