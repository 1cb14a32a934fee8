package org.sparsepocket.cli;

import java.util.Iterator;
import org.sparsepocket.pockets.PocketCentre;

/**
 * The pocket centres' names for picocli ({@code completionCandidates}): help texts list them through
 * {@code ${COMPLETION-CANDIDATES}}, so a new centre appears in every command's help without editing it.
 */
final class CentreNames implements Iterable<String> {

    @Override
    public Iterator<String> iterator() {
        return PocketCentre.all().stream().map(PocketCentre::name).iterator();
    }
}
