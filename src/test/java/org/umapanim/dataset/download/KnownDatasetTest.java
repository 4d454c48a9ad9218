package org.umapanim.dataset.download;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class KnownDatasetTest {
    private static final List<String> IDX_FILES = List.of(
            "train-images-idx3-ubyte.gz", "train-labels-idx1-ubyte.gz",
            "t10k-images-idx3-ubyte.gz", "t10k-labels-idx1-ubyte.gz");

    @Test
    void mnistIsDescribedAsDigits() {
        KnownDataset mnist = KnownDataset.MNIST;
        assertThat(mnist.cliName()).isEqualTo("mnist");
        assertThat(mnist.displayName()).isEqualTo("MNIST data");
        assertThat(mnist.subtitle()).isEqualTo("Each point is a handwritten digit");
        assertThat(mnist.labelColumn()).isEqualTo("digit");
        assertThat(mnist.classNames()).isNull();
    }

    @Test
    void fashionMnistHasItsOwnNamesForTheTenClasses() {
        KnownDataset fashion = KnownDataset.FASHION_MNIST;
        assertThat(fashion.cliName()).isEqualTo("fashion-mnist");
        assertThat(fashion.displayName()).isEqualTo("Fashion-MNIST");
        assertThat(fashion.subtitle()).isEqualTo("Each point is a picture of a piece of clothing");
        assertThat(fashion.labelColumn()).isEqualTo("item");
        assertThat(fashion.classNames()).containsExactly("T-shirt/top", "Trouser", "Pullover", "Dress", "Coat",
                "Sandal", "Shirt", "Sneaker", "Bag", "Ankle boot");
    }

    @Test
    void eachDataSetPinsItsFourIdxFilesInTheOrderOfLocalFiles() {
        for (KnownDataset ds : KnownDataset.values()) {
            assertThat(ds.files()).extracting(RemoteFile::name).containsExactlyElementsOf(IDX_FILES);
            assertThat(ds.files()).extracting(RemoteFile::sha256).doesNotHaveDuplicates().allMatch(s -> s.matches("[0-9a-f]{64}"));
            assertThat(ds.defaultMirrors()).isNotEmpty().allMatch(m -> m.matches("https?://.+/"));
        }
        // the sizes on Yann LeCun's MNIST page
        assertThat(KnownDataset.MNIST.files()).extracting(RemoteFile::size)
                .containsExactly(9_912_422L, 28_881L, 1_648_877L, 4_542L);
    }

    @Test
    void dataSetsAreFoundByTheirCommandLineName() {
        assertThat(KnownDataset.byCliName("mnist")).isEqualTo(KnownDataset.MNIST);
        assertThat(KnownDataset.byCliName("Fashion-MNIST")).isEqualTo(KnownDataset.FASHION_MNIST);
        assertThatThrownBy(() -> KnownDataset.byCliName("cifar"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("mnist or fashion-mnist");
    }

    @Test
    void remoteFilesRefuseNamesThatLeaveTheFolder() {
        String sha = "0".repeat(64);
        assertThatThrownBy(() -> new RemoteFile("../x.gz", 1, sha, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteFile("a/b.gz", 1, sha, null)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new RemoteFile("x.gz", 1, "abc", null)).isInstanceOf(IllegalArgumentException.class);
        assertThat(new RemoteFile("x.gz", 1, "AB".repeat(32), null).sha256()).isEqualTo("ab".repeat(32));
    }
}
