package org.umapanim.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.umapanim.common.FileProblem;

/**
 * Where a reader's bytes come from: a file, or a resource inside the jar (the bundled sample).
 *
 * @param shown the path named in error messages
 */
record Source(Path shown, Opener opener) {

    @FunctionalInterface
    interface Opener {
        InputStream open() throws IOException;
    }

    static Source of(Path file) {
        return new Source(file, () -> Files.newInputStream(file));
    }

    InputStream open() {
        try {
            return opener.open();
        } catch (NoSuchFileException e) {
            throw new FileProblem(shown, "no such file");
        } catch (IOException e) {
            throw new FileProblem(shown, "cannot read: " + FileProblem.reason(e), e);
        }
    }
}
