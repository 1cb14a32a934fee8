package org.sparsepocket.lab.train;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

/**
 * Loads the featurized complexes of one or more data sets, through the on-disk cache: a complex is
 * featurized only when its cache entry is missing or was built from other files or code. A complex
 * that cannot be read is reported (one line) and left out; the rest go on.
 */
public final class TrainingData {

    /** What was loaded, what failed, and the provenance hash of the input files. */
    public record Loaded(List<TrainingComplex> complexes, List<String> failures, String filesSha256,
                         int fromCache, int featurized) {
        public Loaded {
            complexes = List.copyOf(complexes);
            failures = List.copyOf(failures);
        }

        public long atoms() {
            return complexes.stream().mapToLong(TrainingComplex::atomCount).sum();
        }

        public long positives() {
            return complexes.stream().mapToLong(TrainingComplex::positives).sum();
        }
    }

    private TrainingData() {
    }

    /**
     * @param threads  parallel featurization threads (featurizing is independent per complex)
     * @param progress receives occasional one-line progress messages and every failure
     */
    public static Loaded load(List<ComplexFiles> files, ComplexCache cache, ComplexFeaturizer featurizer,
                              int threads, Consumer<String> progress) {
        Map<String, String> fileHashes = Collections.synchronizedMap(new TreeMap<>());
        List<Optional<TrainingComplex>> results = new ArrayList<>(Collections.nCopies(files.size(), null));
        List<String> failures = Collections.synchronizedList(new ArrayList<>());
        AtomicInteger done = new AtomicInteger(), cached = new AtomicInteger(), built = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, threads), r -> {
            Thread t = new Thread(r, "featurize");
            t.setDaemon(true);
            return t;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (int i = 0; i < files.size(); i++) {
                int index = i;
                futures.add(pool.submit(() -> {
                    ComplexFiles f = files.get(index);
                    String ps = Hashes.sha256(f.protein()), ls = Hashes.sha256(f.ligand());
                    fileHashes.put(f.set() + "/" + f.protein().getFileName(), ps);
                    fileHashes.put(f.set() + "/" + f.ligand().getFileName(), ls);
                    String key = Hashes.sha256(ps + "\n" + ls + "\n" + featurizer.version());
                    Optional<TrainingComplex> c = cache.read(f, key);
                    if (c.isPresent()) {
                        cached.incrementAndGet();
                    } else {
                        try {
                            TrainingComplex fresh = featurizer.featurize(f);
                            cache.write(f, key, fresh);
                            c = Optional.of(fresh);
                            built.incrementAndGet();
                        } catch (RuntimeException e) {
                            String msg = f.key() + ": " + oneLine(e);
                            failures.add(msg);
                            progress.accept("skipped " + msg);
                            c = Optional.empty();
                        }
                    }
                    results.set(index, c);
                    int d = done.incrementAndGet();
                    if (d % 100 == 0 || d == files.size()) {
                        progress.accept("data: " + d + "/" + files.size() + " complexes ready ("
                                + cached.get() + " from cache, " + built.get() + " featurized)");
                    }
                }));
            }
            for (Future<?> fu : futures) {
                fu.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while loading training data", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("loading training data failed: " + oneLine(e.getCause()), e.getCause());
        } finally {
            pool.shutdownNow();
        }
        List<TrainingComplex> complexes = new ArrayList<>();
        for (Optional<TrainingComplex> r : results) {
            r.ifPresent(complexes::add);
        }
        return new Loaded(complexes, failures, fingerprint(fileHashes), cached.get(), built.get());
    }

    /** SHA-256 over the sorted lines "set/file sha256" — one hash naming exactly the data used. */
    static String fingerprint(Map<String, String> fileHashes) {
        StringBuilder sb = new StringBuilder();
        new TreeMap<>(fileHashes).forEach((k, v) -> sb.append(k).append(' ').append(v).append('\n'));
        return Hashes.sha256(sb.toString());
    }

    static String oneLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        int nl = m.indexOf('\n');
        return nl < 0 ? m : m.substring(0, nl);
    }
}
