/**
 * Runs the stages — prepare, render, encode, view, and compare (2–4 runs side by side:
 * {@link org.umapanim.pipeline.CompareSettings}) — from plain records
 * ({@link org.umapanim.pipeline.PrepareSettings}, {@link org.umapanim.pipeline.RenderSettings},
 * {@link org.umapanim.pipeline.EncodeSettings}, {@link org.umapanim.pipeline.ViewSettings},
 * {@link org.umapanim.pipeline.Folders},
 * {@link org.umapanim.pipeline.Compute}, each with its defaults), through
 * {@link org.umapanim.pipeline.Pipeline}. It owns what makes a run resumable and safe: the stage
 * stamps (what each stage's outputs were made from), the run lock on the output folders, and the
 * report of each stage.
 *
 * <p>Imports: every stage package ({@code dataset}, {@code umap}, {@code quality}, {@code store},
 * {@code render}, {@code view}, {@code encode}) and {@code common}; nothing imports it but {@code cli}.
 */
package org.umapanim.pipeline;
