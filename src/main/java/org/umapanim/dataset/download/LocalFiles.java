package org.umapanim.dataset.download;

import java.nio.file.Path;

/** The verified, gzipped IDX files of one data set in the cache; the IDX reader takes them as they are. */
public record LocalFiles(Path trainImages, Path trainLabels, Path testImages, Path testLabels) {}
