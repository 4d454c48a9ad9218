/**
 * The {@code umap-anim} command line (picocli): each subcommand parses its options into the
 * pipeline's records and calls {@code pipeline.Pipeline}; it also owns what the user sees —
 * progress bars or log lines, the summary, and one-line errors with exit codes.
 *
 * <p>Imports: picocli (and the progress-bar library), {@code common} and {@code pipeline} only.
 */
package org.umapanim.cli;
