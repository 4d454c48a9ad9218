/**
 * Runs the stages — prepare, render, encode, view, and compare (2–4 runs side by side:
 * {@link org.umapanim.pipeline.CompareSettings}) — from plain records
 * ({@link org.umapanim.pipeline.PrepareSettings}: {@link org.umapanim.pipeline.InputSelection},
 * one {@link org.umapanim.pipeline.ReducerSettings} such as
 * {@link org.umapanim.pipeline.UmapSettings}, the normalisation and
 * {@link org.umapanim.pipeline.Compute}; {@link org.umapanim.pipeline.RenderSettings},
 * {@link org.umapanim.pipeline.EncodeSettings}, {@link org.umapanim.pipeline.ViewSettings},
 * {@link org.umapanim.pipeline.Folders}, each with its defaults), through
 * {@link org.umapanim.pipeline.Pipeline}. It owns what makes a run resumable and safe: the stage
 * stamps (what each stage's outputs were made from), the run lock on the output folders, and the
 * report of each stage.
 *
 * <p>Prepare is in parts: the input ({@code InputData}), the reducer behind
 * {@code reduce.Reducer}, the footer every file records ({@code RunFooter}), the listeners that
 * record the layouts as one ({@code RunRecorders}: epochs.parquet, the measures, digits.parquet
 * from step 0) and the report ({@code PrepareReport}).
 *
 * <p>Imports: every stage package ({@code dataset}, {@code knn}, {@code reduce}, {@code umap},
 * {@code quality}, {@code store}, {@code render}, {@code view}, {@code encode}) and {@code common};
 * nothing imports it but {@code cli}.
 */
package org.umapanim.pipeline;
