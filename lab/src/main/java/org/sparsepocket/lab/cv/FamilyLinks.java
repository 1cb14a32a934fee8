package org.sparsepocket.lab.cv;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Pairs of chain sequences of one family, found by an all-against-all local alignment with MMseqs2
 * (Debian package {@code mmseqs2}; Smith–Waterman alignments after its k-mer prefilter): a pair is linked
 * when the alignment has at least {@link #MIN_IDENTITY} identity and covers at least {@link #MIN_COVERAGE} of
 * the shorter sequence. A well-kept aligner instead of our own: three million pairs take it minutes.
 */
final class FamilyLinks {

    /** Identity of the aligned residues that makes two chains one family (the usual 30 % rule). */
    static final double MIN_IDENTITY = 0.30;
    /** Fraction of the shorter chain the alignment must cover (a shared domain, not a short motif). */
    static final double MIN_COVERAGE = 0.50;
    /** MMseqs2 sensitivity: its most sensitive preset, affordable for a few thousand sequences. */
    static final String SENSITIVITY = "7.5";

    /** Two sequences (indices into the input list) of one family. */
    record Link(int a, int b) {
    }

    private FamilyLinks() {
    }

    /** The linked pairs among {@code sequences}; runs MMseqs2 in {@code work} with one thread (deterministic). */
    static List<Link> find(List<String> sequences, Path work) {
        try {
            Files.createDirectories(work);
            Path fasta = work.resolve("chains.fasta");
            StringBuilder sb = new StringBuilder();
            for (int i = 0; i < sequences.size(); i++) {
                sb.append(">s").append(i).append('\n').append(sequences.get(i)).append('\n');
            }
            Files.writeString(fasta, sb.toString(), StandardCharsets.US_ASCII);
            Path hits = work.resolve("hits.tsv");
            run(work, List.of("mmseqs", "easy-search", fasta.toString(), fasta.toString(), hits.toString(),
                    work.resolve("tmp").toString(), "-s", SENSITIVITY, "--max-seqs", "5000", "-e", "1e-3",
                    "--threads", "1", "--format-output", "query,target,fident,alnlen,qlen,tlen", "-v", "1"));
            List<Link> links = new ArrayList<>();
            for (String line : Files.readAllLines(hits, StandardCharsets.US_ASCII)) {
                String[] f = line.split("\t");
                int a = Integer.parseInt(f[0].substring(1));
                int b = Integer.parseInt(f[1].substring(1));
                double identity = Double.parseDouble(f[2]);
                int alignment = Integer.parseInt(f[3]);
                int shorter = Math.min(Integer.parseInt(f[4]), Integer.parseInt(f[5]));
                if (a != b && identity >= MIN_IDENTITY && alignment >= MIN_COVERAGE * shorter) {
                    links.add(new Link(a, b));
                }
            }
            return links;
        } catch (IOException e) {
            throw new UncheckedIOException("family search in " + work + ": " + e.getMessage(), e);
        }
    }

    /** The MMseqs2 version string, for the fold file's header. */
    static String version() {
        try {
            Process p = new ProcessBuilder("mmseqs", "version").redirectErrorStream(true).start();
            String v = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
            p.waitFor(30, TimeUnit.SECONDS);
            return v;
        } catch (IOException e) {
            throw missing();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static void run(Path work, List<String> command) throws IOException {
        Process p;
        try {
            p = new ProcessBuilder(command).directory(work.toFile()).redirectErrorStream(true)
                    .redirectOutput(work.resolve("mmseqs.log").toFile()).start();
        } catch (IOException e) {
            throw missing();
        }
        try {
            int code = p.waitFor();
            if (code != 0) {
                throw new IllegalStateException(String.format(Locale.ROOT,
                        "mmseqs easy-search failed with exit code %d (log: %s)", code, work.resolve("mmseqs.log")));
            }
        } catch (InterruptedException e) {
            p.destroyForcibly();
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted");
        }
    }

    private static IllegalStateException missing() {
        return new IllegalStateException("mmseqs is not on PATH: the family search needs MMseqs2"
                + " (Debian: apt-get install mmseqs2)");
    }
}
