package org.umapanim.encode;

import java.nio.file.Path;
import java.util.Locale;
import org.umapanim.common.SettingProblem;

/** The kinds of movie, told apart by the file name's extension. */
public enum MovieFormat {
    /** H.264 (libx264) in MP4: plays everywhere. */
    MP4("mp4", "libx264", "H.264"),
    /**
     * VP9 (libvpx) in WebM, for the web. Realtime deadline at speed 6, CRF 30: on the bundled run's
     * frames that matched H.264 CRF 22's SSIM against the PNGs (0.963 and 0.966) in 60 % of x264's
     * time and with 1.5× its size, where libvpx's "good" deadline took three times x264's time.
     */
    WEBM("webm", "libvpx-vp9", "VP9"),
    /** An animated GIF with one palette for the whole movie, dithered, for READMEs and chats. */
    GIF("gif", "gif", "GIF");

    private final String extension;
    final String encoder;
    final String description;

    MovieFormat(String extension, String encoder, String description) {
        this.extension = extension;
        this.encoder = encoder;
        this.description = description;
    }

    /** The format {@code movie}'s name asks for; another extension is an error naming the file. */
    public static MovieFormat of(Path movie) {
        String name = movie.getFileName() == null ? "" : movie.getFileName().toString();
        int dot = name.lastIndexOf('.');
        String ext = dot < 0 ? "" : name.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (MovieFormat f : values()) {
            if (f.extension.equals(ext)) {
                return f;
            }
        }
        throw new SettingProblem("movies", "names " + movie + ", a format it cannot write: the name must end in .mp4,"
                + " .webm or .gif");
    }

    /** The container's name for FFmpeg (the temporary file has no extension to guess it from). */
    String container() {
        return extension;
    }

    public String description() {
        return description;
    }
}
