package org.sparsepocket.eval;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.sparsepocket.pockets.Point3;

/**
 * Reads fpocket's output folder ({@code NAME_out/}). Pockets come from {@code pockets/pocketN_atm.pdb}
 * in order of N (fpocket numbers pockets by its own ranking; fpocket 1 counts from 0, later versions
 * from 1), with the residues of the atoms listed there and fpocket's "Pocket Score" header. The
 * centre is the mean of the pocket's alpha-sphere centres ({@code pocketN_vert.pqr}) as P2Rank and
 * the fpocket papers use it, or, when those files are missing, of the pocket's STP spheres in
 * {@code NAME_out.pdb}. A folder with only {@code NAME_out.pdb} gives pockets without residues.
 */
public final class FpocketReader implements PredictionReader {

    private static final Pattern ATM = Pattern.compile("pocket(\\d+)_atm\\.pdb(\\.gz)?");
    private static final Pattern SCORE = Pattern.compile("HEADER\\s+0\\s+-\\s*Pocket Score\\s*:\\s*(\\S+).*");

    @Override
    public String tool() {
        return "fpocket";
    }

    @Override
    public Optional<Path> locate(Path predictionsDir, String proteinId) {
        return PredictionFiles.shortest(PredictionFiles.entriesFor(predictionsDir, proteinId,
                p -> Files.isDirectory(p) && p.getFileName().toString().endsWith("_out")));
    }

    @Override
    public RankedPockets read(String proteinId, Path location) {
        Path dir = Files.isDirectory(location) ? location : location.toAbsolutePath().getParent();
        Map<Integer, Path> atmFiles = pocketAtomFiles(dir.resolve("pockets"));
        Map<Integer, List<Point3>> spheres = outPdbSpheres(dir);
        if (atmFiles.isEmpty() && spheres.isEmpty() && !Files.isDirectory(dir.resolve("pockets"))) {
            throw new EvaluationException(dir + ": not an fpocket output folder (no pockets/ and no *_out.pdb)");
        }
        List<RankedPocket> pockets = new ArrayList<>();
        if (!atmFiles.isEmpty()) {
            // STP residue numbers in NAME_out.pdb count from 1 whatever the first pocket file's N.
            int first = atmFiles.keySet().iterator().next();
            int rank = 1;
            for (Map.Entry<Integer, Path> e : atmFiles.entrySet()) {
                pockets.add(readPocket(rank, e.getValue(), dir.resolve("pockets"), e.getKey(),
                        spheres.get(e.getKey() - first + 1)));
                rank++;
            }
        } else {
            for (Map.Entry<Integer, List<Point3>> e : spheres.entrySet()) {
                pockets.add(new RankedPocket(pockets.size() + 1, Double.NaN, mean(e.getValue()), Set.of()));
            }
        }
        return new RankedPockets(tool(), proteinId, pockets);
    }

    private RankedPocket readPocket(int rank, Path atmFile, Path pocketsDir, int n, List<Point3> outSpheres) {
        double score = Double.NaN;
        Set<ResidueKey> residues = new HashSet<>();
        List<Point3> atoms = new ArrayList<>();
        List<String> lines = PredictionFiles.readLines(atmFile);
        try {
            for (String line : lines) {
                Matcher m = SCORE.matcher(line);
                if (m.matches()) {
                    score = Double.parseDouble(m.group(1));
                }
                PocketAtomLine.parse(line).ifPresent(a -> {
                    residues.add(a.residue());
                    atoms.add(a.position());
                });
            }
        } catch (RuntimeException e) {
            throw new EvaluationException(atmFile + ": malformed fpocket pocket file (" + e.getMessage() + ")", e);
        }
        List<Point3> centres = verticesOf(pocketsDir, n);
        if (centres.isEmpty() && outSpheres != null) {
            centres = outSpheres;
        }
        if (centres.isEmpty()) {
            centres = atoms;
        }
        if (centres.isEmpty()) {
            throw new EvaluationException(atmFile + ": pocket has no atoms and no alpha spheres");
        }
        return new RankedPocket(rank, score, mean(centres), residues);
    }

    private static List<Point3> verticesOf(Path pocketsDir, int n) {
        for (String name : List.of("pocket" + n + "_vert.pqr", "pocket" + n + "_vert.pqr.gz")) {
            Path f = pocketsDir.resolve(name);
            if (Files.isRegularFile(f)) {
                List<Point3> out = new ArrayList<>();
                for (String line : PredictionFiles.readLines(f)) {
                    if (line.startsWith("ATOM") || line.startsWith("HETATM")) {
                        out.add(coordinates(f, line));
                    }
                }
                return out;
            }
        }
        return List.of();
    }

    /** STP sphere centres of NAME_out.pdb grouped by pocket number (residue number). */
    private static Map<Integer, List<Point3>> outPdbSpheres(Path dir) {
        Map<Integer, List<Point3>> out = new TreeMap<>();
        Optional<Path> outPdb;
        try (Stream<Path> s = Files.list(dir)) {
            outPdb = s.filter(p -> p.getFileName().toString().matches(".*_out\\.pdb(\\.gz)?")).findFirst();
        } catch (IOException e) {
            throw new EvaluationException(dir + ": cannot list (" + e.getMessage() + ")", e);
        }
        if (outPdb.isEmpty()) {
            return out;
        }
        for (String line : PredictionFiles.readLines(outPdb.get())) {
            if (line.startsWith("HETATM") && line.length() >= 54 && line.startsWith("STP", 17)) {
                int pocket;
                try {
                    pocket = Integer.parseInt(line.substring(22, 26).trim());
                } catch (NumberFormatException e) {
                    throw new EvaluationException(outPdb.get() + ": malformed STP line '" + line + "'");
                }
                out.computeIfAbsent(pocket, k -> new ArrayList<>()).add(coordinates(outPdb.get(), line));
            }
        }
        return out;
    }

    private static Map<Integer, Path> pocketAtomFiles(Path pocketsDir) {
        Map<Integer, Path> out = new TreeMap<>(Comparator.naturalOrder());
        if (!Files.isDirectory(pocketsDir)) {
            return out;
        }
        try (Stream<Path> s = Files.list(pocketsDir)) {
            s.forEach(p -> {
                Matcher m = ATM.matcher(p.getFileName().toString());
                if (m.matches()) {
                    out.put(Integer.parseInt(m.group(1)), p);
                }
            });
        } catch (IOException e) {
            throw new EvaluationException(pocketsDir + ": cannot list (" + e.getMessage() + ")", e);
        }
        return out;
    }

    private static Point3 coordinates(Path file, String line) {
        try {
            return new Point3(Double.parseDouble(line.substring(30, 38).trim()),
                    Double.parseDouble(line.substring(38, 46).trim()),
                    Double.parseDouble(line.substring(46, 54).trim()));
        } catch (RuntimeException e) {
            throw new EvaluationException(file + ": malformed coordinates in '" + line + "'");
        }
    }

    static Point3 mean(List<Point3> points) {
        double x = 0, y = 0, z = 0;
        for (Point3 p : points) {
            x += p.x();
            y += p.y();
            z += p.z();
        }
        return new Point3(x / points.size(), y / points.size(), z / points.size());
    }
}
