package org.sparsepocket.cli.puresnet;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import ai.djl.ndarray.types.Shape;
import org.sparsepocket.model.FeatureProfile;
import org.sparsepocket.model.ModelBundle;
import org.sparsepocket.model.ModelCard;
import org.sparsepocket.model.NetworkConfig;
import org.sparsepocket.model.PocketNetwork;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns the published PUResNetV2.0 checkpoint into a model bundle: every key and shape checked against
 * {@link PublishedLayout}, kernels re-ordered from MinkowskiEngine's offset order to ours, and a card
 * that records the source, the licence, the published pocket settings and the {@code puresnet-v2}
 * featurization.
 */
public final class CheckpointImporter {

    /** The published inference settings: probability ≥ 0.34, DBSCAN eps 6 Å, at least 5 atoms. */
    public static final ModelCard.PocketDefaults PUBLISHED_POCKETS =
            new ModelCard.PocketDefaults(0.34, 6.0, 5, "sum", false, 0);

    /** The file name of the published weights inside the {@code puresnet} package. */
    public static final String PUBLISHED_FILE = "model90 70210.pt";

    /**
     * How the 27 offsets of a stored 3×3×3 kernel are numbered. MinkowskiEngine runs x fastest
     * (k = ix + 3·iy + 9·iz), this project z fastest (k = 9·ix + 3·iy + iz), each index 0..2 for offsets
     * -1..1. {@link #AS_STORED} copies without re-ordering: wrong, kept to show that the tests catch it.
     */
    enum OffsetOrder { MINKOWSKI, AS_STORED }

    private CheckpointImporter() {
    }

    /**
     * Imports {@code checkpoint} into a new bundle directory {@code out}, written whole or not at all.
     *
     * @throws CheckpointException with one line naming the file when it is not the published checkpoint
     * @throws IOException         when the bundle cannot be written
     */
    public static ModelCard importFile(Path checkpoint, Path out, String name) throws CheckpointException, IOException {
        if (Files.exists(out) && !(Files.isDirectory(out) && isEmpty(out))) {
            throw new CheckpointException(out + ": already exists (choose another --out or remove it)");
        }
        Map<String, CheckpointTensor> state = TorchCheckpoint.read(checkpoint);
        NetworkConfig config = NetworkConfig.PUBLISHED;
        check(state, PublishedLayout.of(config), checkpoint);
        ModelCard card = card(name, checkpoint, sha256(checkpoint));
        Path parent = out.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path staging = Files.createTempDirectory(parent, "." + out.getFileName() + ".partial-");
        try (PocketNetwork network = network(state, config, OffsetOrder.MINKOWSKI, Device.cpu())) {
            ModelBundle.save(staging, network, card);
            if (Files.isDirectory(out)) {
                Files.delete(out);                    // empty: checked above
            }
            Files.move(staging, out, java.nio.file.StandardCopyOption.ATOMIC_MOVE);
        } finally {
            if (Files.exists(staging)) {
                try (var files = Files.list(staging)) {
                    for (Path f : files.toList()) {
                        Files.deleteIfExists(f);
                    }
                }
                Files.deleteIfExists(staging);
            }
        }
        return card;
    }

    /** The card of an imported bundle. */
    static ModelCard card(String name, Path checkpoint, String sha256) {
        Map<String, String> provenance = new LinkedHashMap<>();
        provenance.put("source", "published PUResNetV2.0 weights (puresnet package, puresnet/data/" + PUBLISHED_FILE
                + "), imported by sparsepocket import-puresnet");
        provenance.put("source_file", String.valueOf(checkpoint.getFileName()));
        provenance.put("source_sha256", sha256);
        provenance.put("licence", "MIT (PUResNetV2.0, Jivan Kandel et al., github.com/jivankandel/PUResNetV2.0)");
        provenance.put("pocket_settings", "published inference: threshold 0.34, DBSCAN eps 6 Å, at least 5 atoms;"
                + " pockets ranked by summed probability (the published code does not rank them)");
        return ModelCard.of(name, NetworkConfig.PUBLISHED,
                        "the published training labels (61,691 complexes; not re-trained here)")
                .withFeatureProfile(FeatureProfile.PURESNET_V2)
                .withPockets(PUBLISHED_POCKETS)
                .withProvenance(provenance);
    }

    /**
     * Checks that the state dict has exactly the layout's keys with its shapes and floating-point values.
     *
     * @throws CheckpointException naming the first difference
     */
    static void check(Map<String, CheckpointTensor> state, PublishedLayout layout, Path file) throws CheckpointException {
        String prefix = file + ": not the published PUResNetV2 weights: ";
        List<String> missing = new ArrayList<>();
        for (PublishedLayout.Key k : layout.keys()) {
            CheckpointTensor t = state.get(k.name());
            if (t == null) {
                missing.add(k.name());
                continue;
            }
            if (!java.util.Arrays.equals(t.shape(), k.shape())) {
                throw new CheckpointException(prefix + k.name() + " has shape " + t.shapeText() + ", expected "
                        + k.shapeText());
            }
            if (k.role() != PublishedLayout.Role.COUNTER && t.values() == null) {
                throw new CheckpointException(prefix + k.name() + " holds " + t.dtype() + ", expected floating point");
            }
        }
        java.util.Set<String> names = new java.util.HashSet<>();
        layout.keys().forEach(k -> names.add(k.name()));
        for (String name : state.keySet()) {
            if (!names.contains(name)) {
                throw new CheckpointException(prefix + "unexpected key " + name + " (" + state.size()
                        + " keys, expected " + layout.keys().size() + ")");
            }
        }
        if (!missing.isEmpty()) {
            throw new CheckpointException(prefix + "missing " + missing.get(0)
                    + (missing.size() > 1 ? " and " + (missing.size() - 1) + " more keys" : "") + " (" + state.size()
                    + " keys, expected " + layout.keys().size() + ")");
        }
    }

    /** A network of {@code config} holding the checked state dict's values. */
    static PocketNetwork network(Map<String, CheckpointTensor> state, NetworkConfig config, OffsetOrder order,
                                 Device device) {
        PublishedLayout layout = PublishedLayout.of(config);
        PocketNetwork network = PocketNetwork.create(config, device);
        try {
            List<Parameter> params = network.parameters().values();
            List<PublishedLayout.Key> keys = layout.keys().stream()
                    .filter(k -> k.role() != PublishedLayout.Role.COUNTER).toList();
            if (keys.size() != params.size()) {
                throw new IllegalStateException(keys.size() + " published tensors for " + params.size() + " parameters");
            }
            for (int i = 0; i < keys.size(); i++) {
                PublishedLayout.Key k = keys.get(i);
                Parameter p = params.get(i);
                float[] values = state.get(k.name()).values();
                Shape expected = switch (k.role()) {
                    case KERNEL_3 -> new Shape(27 * k.shape()[1], k.shape()[2]);
                    case KERNEL_1 -> new Shape(k.shape()[0], k.shape()[1]);
                    case BIAS -> new Shape(k.shape()[1]);
                    default -> new Shape(k.shape()[0]);
                };
                if (!expected.equals(p.getShape())) {
                    throw new IllegalStateException(k.name() + " maps onto " + p.getName() + " of shape " + p.getShape()
                            + ", expected " + expected);
                }
                float[] converted = k.role() == PublishedLayout.Role.KERNEL_3 && order == OffsetOrder.MINKOWSKI
                        ? reorderOffsets(values, (int) k.shape()[1], (int) k.shape()[2]) : values;
                replace(p, network.manager().create(converted, expected), network);
            }
            return network;
        } catch (RuntimeException e) {
            network.close();
            throw e;
        }
    }

    /**
     * Gives a parameter a new array the way loading a bundle does (as its initial value): writing into
     * the existing array with {@code NDArray.set} makes libtorch print a deprecation warning on stderr.
     */
    private static void replace(Parameter p, ai.djl.ndarray.NDArray array, PocketNetwork network) {
        ai.djl.training.initializer.Initializer declared = p.getInitializer();
        p.close();
        p.setInitializer((manager, shape, type) -> array);
        try {
            p.initialize(network.manager(), ai.djl.ndarray.types.DataType.FLOAT32);
        } finally {
            p.setInitializer(declared);
        }
    }

    /** A (27, in, out) kernel from MinkowskiEngine's offset order to ours, as (27·in, out) rows. */
    static float[] reorderOffsets(float[] stored, int in, int out) {
        float[] ours = new float[stored.length];
        int slice = in * out;
        for (int ix = 0; ix < 3; ix++) {
            for (int iy = 0; iy < 3; iy++) {
                for (int iz = 0; iz < 3; iz++) {
                    int minkowski = ix + 3 * iy + 9 * iz;
                    int here = 9 * ix + 3 * iy + iz;
                    System.arraycopy(stored, minkowski * slice, ours, here * slice, slice);
                }
            }
        }
        return ours;
    }

    static String sha256(Path file) throws IOException {
        try (InputStream in = new DigestInputStream(Files.newInputStream(file), MessageDigest.getInstance("SHA-256"))) {
            in.transferTo(java.io.OutputStream.nullOutputStream());
            return HexFormat.of().formatHex(((DigestInputStream) in).getMessageDigest().digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    private static boolean isEmpty(Path dir) throws IOException {
        try (var entries = Files.list(dir)) {
            return entries.findAny().isEmpty();
        }
    }
}
