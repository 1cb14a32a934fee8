package org.sparsepocket;

import java.util.Objects;
import org.sparsepocket.pockets.PocketSettings;
import org.sparsepocket.structure.ChainMode;

/**
 * Everything a caller chooses for one prediction. Immutable.
 *
 * @param chainMode how the structure is split into complexes
 * @param pockets   clustering and ranking settings
 */
public record PredictionSettings(ChainMode chainMode, PocketSettings pockets) {

    public static final PredictionSettings DEFAULT =
            new PredictionSettings(ChainMode.whole(), PocketSettings.DEFAULT);

    public PredictionSettings {
        Objects.requireNonNull(chainMode, "chainMode");
        Objects.requireNonNull(pockets, "pockets");
    }
}
