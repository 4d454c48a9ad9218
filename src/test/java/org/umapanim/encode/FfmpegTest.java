package org.umapanim.encode;

import static org.assertj.core.api.Assertions.assertThat;

import org.bytedeco.javacv.FFmpegFrameRecorder;
import org.junit.jupiter.api.Test;

class FfmpegTest {
    /**
     * JavaCV's exceptions end every message with advice for JavaCV's own users ("make sure
     * FFmpegLogCallback.set() has been called"); a user of ours is told what the code means.
     */
    @Test
    void aFailureSaysWhatFfmpegsCodeMeansWithoutJavaCvsAdvice() {
        FFmpegFrameRecorder.Exception e = new FFmpegFrameRecorder.Exception("av_write_trailer() error -28: Could not write trailer.");
        assertThat(e.getMessage()).as("what JavaCV says").contains("FFmpegLogCallback.set()");

        assertThat(Ffmpeg.describe(e)).isEqualTo("no space left on device (av_write_trailer() error -28: Could not write trailer.)");
    }
}
