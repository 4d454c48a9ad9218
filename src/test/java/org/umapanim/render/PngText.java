package org.umapanim.render;

import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import javax.imageio.ImageIO;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import javax.imageio.stream.ImageInputStream;
import org.w3c.dom.Node;

/** The text chunks of a PNG as ImageIO's PNG reader sees them (its native metadata tree). */
final class PngText {
    private PngText() {}

    static Map<String, String> of(Path file) throws IOException {
        try (ImageInputStream in = ImageIO.createImageInputStream(file.toFile())) {
            ImageReader reader = ImageIO.getImageReadersByFormatName("png").next();
            try {
                reader.setInput(in);
                IIOMetadata meta = reader.getImageMetadata(0);
                Node root = meta.getAsTree("javax_imageio_png_1.0");
                Map<String, String> text = new LinkedHashMap<>();
                for (Node n = root.getFirstChild(); n != null; n = n.getNextSibling()) {
                    if (n.getNodeName().equals("tEXt")) {
                        for (Node e = n.getFirstChild(); e != null; e = e.getNextSibling()) {
                            text.put(e.getAttributes().getNamedItem("keyword").getNodeValue(),
                                    e.getAttributes().getNamedItem("value").getNodeValue());
                        }
                    }
                }
                return text;
            } finally {
                reader.dispose();
            }
        }
    }

    /** The epoch a frame file says it shows. */
    static double epoch(Path frame) throws IOException {
        String text = of(frame).get(RenderedFiles.EPOCH_KEYWORD);
        if (text == null) {
            throw new AssertionError(frame + " has no epoch text chunk");
        }
        return Double.parseDouble(text);
    }
}
