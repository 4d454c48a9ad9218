package org.umapanim.dataset.download;

import java.util.List;
import java.util.Locale;
import org.umapanim.common.SettingProblem;

/**
 * The image data sets that {@code umap-anim prepare --dataset NAME} can download: the names the
 * pictures use, and the four canonical gzipped IDX files (60,000 training + 10,000 test rows)
 * pinned by size and SHA-256.
 *
 * <p>The pinned values are those of the files as their authors publish them, as listed by
 * TensorFlow Datasets ({@code url_checksums/mnist.txt} and {@code fashion_mnist.txt}); the MNIST
 * sizes also match those on Yann LeCun's MNIST page. Fashion-MNIST's un-gzipped content is pinned
 * too (measured on Debian's {@code dataset-fashion-mnist}, whose copies differ from the authors'
 * only in the gzip header), so those copies are used in place. {@link #files()} is in the order train
 * images, train labels, test images, test labels.
 */
public enum KnownDataset {
    MNIST(
            "mnist",
            "MNIST data",
            "Each point is a handwritten digit",
            "digit",
            null,
            List.of(
                    new RemoteFile("train-images-idx3-ubyte.gz", 9_912_422,
                            "440fcabf73cc546fa21475e81ea370265605f56be210a4024d2ca8f203523609", null),
                    new RemoteFile("train-labels-idx1-ubyte.gz", 28_881,
                            "3552534a0a558bbed6aed32b30c495cca23d567ec52cac8be1a0730e8010255c", null),
                    new RemoteFile("t10k-images-idx3-ubyte.gz", 1_648_877,
                            "8d422c7b0a1c1c79245a5bcf07fe86e33eeafee792b84584aec276f5a2dbc4e6", null),
                    new RemoteFile("t10k-labels-idx1-ubyte.gz", 4_542,
                            "f7ae60f92e00ec6debd23a6088c31dbd2371eca3ffa0defaefb259924204aec6", null)),
            // yann.lecun.com itself is left out: it has been refusing downloads for years.
            List.of(
                    "https://ossci-datasets.s3.amazonaws.com/mnist/",
                    "https://storage.googleapis.com/cvdf-datasets/mnist/")),
    FASHION_MNIST(
            "fashion-mnist",
            "Fashion-MNIST",
            "Each point is a picture of a piece of clothing",
            "item",
            List.of("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                    "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot"),
            List.of(
                    new RemoteFile("train-images-idx3-ubyte.gz", 26_421_880,
                            "3aede38d61863908ad78613f6a32ed271626dd12800ba2636569512369268a84",
                            "c59f468a2f672dc815687fe0f83887768d799fd8a3f3276145d20f83aa44d888"),
                    new RemoteFile("train-labels-idx1-ubyte.gz", 29_515,
                            "a04f17134ac03560a47e3764e11b92fc97de4d1bfaf8ba1a3aa29af54cc90845",
                            "bad3541b69d912435c50bb6ba87bec294ff4f6a2e1246121d8633921760443d9"),
                    new RemoteFile("t10k-images-idx3-ubyte.gz", 4_422_102,
                            "346e55b948d973a97e58d2351dde16a484bd415d4595297633bb08f03db6a073",
                            "5b4141f0afbad91edebe8549f8fcffe087ea10ca49f1dbef5c9a5cd8815ce37b"),
                    new RemoteFile("t10k-labels-idx1-ubyte.gz", 5_148,
                            "67da17c76eaffca5446c3361aaab5c3cd6d1c2608764d35dfb1850b086bf8dd5",
                            "0402a96d92fd2663957122ceb108a494c5af83dab82d92729df917d7dec38c34")),
            // The authors' own bucket, then the copy in their GitHub repository.
            List.of(
                    "http://fashion-mnist.s3-website.eu-central-1.amazonaws.com/",
                    "https://raw.githubusercontent.com/zalandoresearch/fashion-mnist/master/data/fashion/"));

    private final String cliName;
    private final String displayName;
    private final String subtitle;
    private final String labelColumn;
    private final List<String> classNames;
    private final List<RemoteFile> files;
    private final List<String> defaultMirrors;

    KnownDataset(String cliName, String displayName, String subtitle, String labelColumn,
            List<String> classNames, List<RemoteFile> files, List<String> defaultMirrors) {
        this.cliName = cliName;
        this.displayName = displayName;
        this.subtitle = subtitle;
        this.labelColumn = labelColumn;
        this.classNames = classNames;
        this.files = files;
        this.defaultMirrors = defaultMirrors;
    }

    /** The value of {@code --dataset}, also the name of the data set's folder in the cache. */
    public String cliName() {
        return cliName;
    }

    /** What the data are, in words, to begin a title: "MNIST data" (… embedded into two dimensions by UMAP). */
    public String displayName() {
        return displayName;
    }

    /** The default subtitle. */
    public String subtitle() {
        return subtitle;
    }

    /**
     * The name of the label column in {@code data/digits.parquet}: {@code digit} for MNIST,
     * {@code item} (the kind of clothing) for Fashion-MNIST.
     */
    public String labelColumn() {
        return labelColumn;
    }

    /**
     * The text for label values 0…9, or {@code null} for MNIST, whose labels are the digits
     * themselves ("0".."9").
     */
    public List<String> classNames() {
        return classNames;
    }

    /** Train images, train labels, test images, test labels. */
    public List<RemoteFile> files() {
        return files;
    }

    /** Base URLs (ending in '/') that serve exactly {@link #files()}, tried in this order. */
    public List<String> defaultMirrors() {
        return defaultMirrors;
    }

    /** The data set called {@code name} on the command line. */
    public static KnownDataset byCliName(String name) {
        for (KnownDataset ds : values()) {
            if (ds.cliName.equals(name.toLowerCase(Locale.ROOT))) {
                return ds;
            }
        }
        throw new SettingProblem("dataset", "must be mnist or fashion-mnist, not '" + name + "'");
    }
}
