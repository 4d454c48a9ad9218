/**
 * The seam between {@code prepare} and a dimensionality reducer: {@link org.umapanim.reduce.Reducer}
 * (names, word for a step, step count, a check of the data's shape, settings for the footer, the
 * fit), the {@link org.umapanim.reduce.Hooks} a fit serves (the neighbours it found, the
 * {@link org.umapanim.reduce.Objective} it minimises) and the {@link org.umapanim.reduce.Fit} it
 * returns. UMAP implements it ({@code umap.UmapReducer}); so does any reducer that follows. The
 * measures estimate a reducer's loss through {@link org.umapanim.reduce.ObjectiveEstimate} without
 * knowing which reducer it is.
 *
 * <p>Imports: {@code common} and {@code knn}. Pure contracts: no files, pictures or command line.
 */
package org.umapanim.reduce;
