/**
 * What every stage shares, and nothing stage-specific: the one layout callback
 * ({@link org.umapanim.common.EpochListener}), progress reporting
 * ({@link org.umapanim.common.Progress}), the one-line file error
 * ({@link org.umapanim.common.FileProblem}), writing by temporary file and rename
 * ({@link org.umapanim.common.AtomicFiles}), SHA-256 ({@link org.umapanim.common.Checksums}),
 * library log levels ({@link org.umapanim.common.LibraryLogs}) and the tool's version.
 *
 * <p>Imports: the JDK only; every other package may import it.
 */
package org.umapanim.common;
