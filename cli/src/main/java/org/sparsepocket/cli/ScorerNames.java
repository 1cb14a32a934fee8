package org.sparsepocket.cli;

import java.util.Iterator;
import org.sparsepocket.pockets.PocketScorer;

/**
 * The pocket scorers' names for picocli ({@code completionCandidates}): help texts list them through
 * {@code ${COMPLETION-CANDIDATES}}, so a new scorer appears in every command's help without editing it.
 */
public final class ScorerNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return PocketScorer.all().stream().map(PocketScorer::name).iterator();
    }
}
