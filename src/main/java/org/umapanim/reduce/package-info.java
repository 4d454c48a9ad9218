/**
 * The seam between {@code prepare} and a dimensionality reducer: {@link org.umapanim.reduce.Reducer}
 * (names, word for a step, step count, a check of the data's shape, settings for the footer, the
 * fit), the {@link org.umapanim.reduce.Hooks} a fit serves (the neighbours it found, the
 * {@link org.umapanim.reduce.Objective} it minimises) and the {@link org.umapanim.reduce.Fit} it
 * returns. UMAP implements it ({@code umap.UmapReducer}); so does any reducer that follows. The
 * measures estimate a reducer's loss through {@link org.umapanim.reduce.ObjectiveEstimate} without
 * knowing which reducer it is.
 *
 * <p>A new reducer ({@code tsne}, say) is a package of its own importing {@code knn} and this one:
 * its {@code Reducer} finds the neighbours with {@code knn.NearestNeighbors}, hands them to
 * {@link org.umapanim.reduce.Hooks#neighbours} and includes the words that returns in its
 * description, hands its {@link org.umapanim.reduce.Objective} to {@link org.umapanim.reduce.Hooks#objective}
 * before step 0, and the listener the layout at step 0 and after every step. The command line
 * reaches it through {@code pipeline.ReducerSettings} and {@code pipeline.Reducers}.
 *
 * <p>Imports: {@code common} and {@code knn}. Pure contracts: no files, pictures or command line.
 */
package org.umapanim.reduce;
