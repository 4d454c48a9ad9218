package org.umapanim.cli;

import org.umapanim.pipeline.ViewSettings;
import picocli.CommandLine.Option;

/** What the HTML viewer holds. */
@HelpSection(HelpSection.Part.VIEWER)
final class ViewOptions {
    @Option(names = "--view-epochs", paramLabel = "LIST", description = "Epochs the viewer keeps: 'all', or epochs and"
            + " ranges such as 0-50,60-200/10 (every 10th); 0 and the last are always kept. With 'all', runs too large"
            + " for the viewer (over 200 MB of positions, 4 bytes a point per epoch) keep fewer epochs, evenly spaced"
            + " (default: ${DEFAULT-VALUE}).")
    String viewEpochs = ViewSettings.DEFAULTS.epochs();

    ViewSettings settings(FrameOptions look) {
        return new ViewSettings(look.title, look.subtitle, viewEpochs);
    }
}
