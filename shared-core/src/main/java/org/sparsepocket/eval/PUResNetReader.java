package org.sparsepocket.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sparsepocket.pockets.Point3;

/**
 * Reads PUResNet(V2.0) pocket PDBs: a folder of {@code K_CHAINS_pkt.pdb} (web server) or
 * {@code K_CHAINS_NAME.pdb} (the package's {@code predict.py}) files, one DBSCAN cluster each, with the
 * atom probability in the occupancy column. The unclustered {@code without_clus_pkt.pdb} /
 * {@code withoutclustering.pdb} is skipped. PUResNet does not rank its pockets: they are taken in
 * cluster order K, then file name (as P2Rank reads them); the score is the mean probability. The centre
 * is the mean of the pocket's atoms.
 */
public final class PUResNetReader implements PredictionReader {

    private static final Pattern CLUSTER = Pattern.compile("(\\d+)_.*\\.pdb(\\.gz)?");

    @Override
    public String tool() {
        return "puresnet";
    }

    @Override
    public Optional<Path> locate(Path predictionsDir, String proteinId) {
        // P2Rank's layout: NAME_<timestamp>/pocket/; predict.py's: results/NAME/.
        return PredictionFiles.shortest(PredictionFiles.entriesFor(predictionsDir, proteinId, Files::isDirectory))
                .map(d -> Files.isDirectory(d.resolve("pocket")) ? d.resolve("pocket") : d);
    }

    @Override
    public RankedPockets read(String proteinId, Path location) {
        if (!Files.isDirectory(location)) {
            throw new EvaluationException(location + ": PUResNet predictions must be a folder of pocket PDBs");
        }
        List<Path> files;
        try (Stream<Path> s = Files.list(location)) {
            files = s.filter(p -> CLUSTER.matcher(p.getFileName().toString()).matches())
                    .sorted(Comparator.comparingInt(PUResNetReader::clusterIndex)
                            .thenComparing(p -> p.getFileName().toString()))
                    .toList();
        } catch (IOException e) {
            throw new EvaluationException(location + ": cannot list (" + e.getMessage() + ")", e);
        }
        List<RankedPocket> pockets = new ArrayList<>();
        for (Path f : files) {
            Set<ResidueKey> residues = new HashSet<>();
            List<Point3> atoms = new ArrayList<>();
            double probSum = 0;
            int probCount = 0;
            try {
                for (String line : PredictionFiles.readLines(f)) {
                    Optional<PocketAtomLine> a = PocketAtomLine.parse(line);
                    if (a.isPresent()) {
                        residues.add(a.get().residue());
                        atoms.add(a.get().position());
                        if (!Double.isNaN(a.get().occupancy())) {
                            probSum += a.get().occupancy();
                            probCount++;
                        }
                    }
                }
            } catch (RuntimeException e) {
                throw new EvaluationException(f + ": malformed PUResNet pocket file (" + e.getMessage() + ")", e);
            }
            if (atoms.isEmpty()) {
                continue;
            }
            pockets.add(new RankedPocket(pockets.size() + 1, probCount == 0 ? Double.NaN : probSum / probCount,
                    FpocketReader.mean(atoms), residues));
        }
        return new RankedPockets(tool(), proteinId, pockets);
    }

    private static int clusterIndex(Path p) {
        Matcher m = CLUSTER.matcher(p.getFileName().toString());
        return m.matches() ? Integer.parseInt(m.group(1)) : Integer.MAX_VALUE;
    }
}
