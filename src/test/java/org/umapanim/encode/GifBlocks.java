package org.umapanim.encode;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * The block structure of a GIF file (GIF89a), read for the tests: whether it has a global palette,
 * how many images, how many of the images after the first bring a palette of their own (FFmpeg
 * gives the first image the global palette's colours again, shrunk to those it uses), whether it
 * loops.
 */
record GifBlocks(boolean globalColourTable, int images, int laterPalettes, boolean loops) {
    static GifBlocks read(Path file) throws IOException {
        byte[] d = Files.readAllBytes(file);
        if (!new String(d, 0, 6, StandardCharsets.US_ASCII).startsWith("GIF8")) {
            throw new IOException(file + " is not a GIF");
        }
        int flags = d[10] & 255;
        boolean global = (flags & 0x80) != 0;
        int i = 13 + (global ? 3 * (2 << (flags & 7)) : 0);
        int images = 0;
        int later = 0;
        boolean loops = false;
        while (i < d.length) {
            int block = d[i] & 255;
            if (block == 0x21) {                       // extension: label, then sub-blocks
                if ((d[i + 1] & 255) == 0xFF && new String(d, i + 3, 11, StandardCharsets.US_ASCII).equals("NETSCAPE2.0")) {
                    loops = true;
                }
                i = skipSubBlocks(d, i + 2);
            } else if (block == 0x2C) {                // image descriptor
                int f = d[i + 9] & 255;
                i += 10;
                if ((f & 0x80) != 0) {
                    if (images > 0) {
                        later++;
                    }
                    i += 3 * (2 << (f & 7));
                }
                images++;
                i = skipSubBlocks(d, i + 1);           // LZW minimum code size, then the data
            } else if (block == 0x3B) {                // trailer
                break;
            } else {
                throw new IOException(file + ": unexpected block 0x" + Integer.toHexString(block) + " at " + i);
            }
        }
        return new GifBlocks(global, images, later, loops);
    }

    private static int skipSubBlocks(byte[] d, int i) {
        while ((d[i] & 255) != 0) {
            i += (d[i] & 255) + 1;
        }
        return i + 1;
    }
}
