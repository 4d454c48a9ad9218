/**
 * Measures of a layout, taken at every epoch while a run goes (design §10): how trustworthy its
 * neighbourhoods are, how many input-space neighbours it keeps, how well its neighbours vote for
 * a point's label, how far the points moved, and the reducer's loss. Pure maths: no files,
 * pictures or command line.
 *
 * <ul>
 *   <li>{@link org.umapanim.quality.QualityRecorder} — an {@code EpochListener} that measures every
 *       epoch on a background thread and returns a {@link org.umapanim.quality.QualityRun}: one
 *       {@link org.umapanim.quality.EpochMeasures} per epoch and the
 *       {@link org.umapanim.quality.QualityMethod} (samples, k, the loss's sample) with its
 *       description in words for a file's footer;</li>
 *   <li>{@code QualitySample} — the seeded points measured, each against all points, so every
 *       measure estimates its value over the whole data set without bias;</li>
 *   <li>{@code InputNeighbours} — the sample's exact input-space distances and neighbours, found once;
 *       {@code PlaneGrid} — nearest neighbours in one epoch's layout;</li>
 *   <li>{@code Motion} — displacements, converted to the stored units once the run's scale is known;
 *       the loss is the reducer's own estimate ({@code reduce.ObjectiveEstimate}, UMAP's fuzzy
 *       cross-entropy from sampled edges and pairs), drawn once and taken every epoch;</li>
 *   <li>{@link org.umapanim.quality.LayoutAgreement} — how far two layouts of the same points share
 *       their sampled points' 15 nearest neighbours (design §13), for runs compared side by side.</li>
 * </ul>
 *
 * <p>Imports: {@code common}, {@code knn} (the worker threads, BLAS) and {@code reduce} (the
 * objective's type); no reducer. A run whose reducer hands out no objective is measured the same
 * way, without a loss.
 */
package org.umapanim.quality;
