package org.sparsepocket.cli.puresnet;

import net.razorvine.pickle.IObjectConstructor;
import net.razorvine.pickle.PickleException;
import net.razorvine.pickle.Unpickler;
import net.razorvine.pickle.objects.ClassDict;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipException;
import java.util.zip.ZipFile;

/**
 * Reads a state dict saved by {@code torch.save} (PyTorch ≥ 1.6: a zip holding {@code <name>/data.pkl},
 * one {@code <name>/data/<key>} file per storage, and {@code <name>/byteorder} in newer files). The
 * pickle is read by {@code net.razorvine:pickle} with constructors for exactly what a state dict holds
 * (tensors rebuilt from storages, ordered dicts); any other pickled object is refused, and no Python
 * code runs. Every failure is a {@link CheckpointException} with one line naming the file.
 */
public final class TorchCheckpoint {

    private static final Map<String, Integer> ELEMENT_BYTES = Map.of(
            "FloatStorage", 4, "DoubleStorage", 8, "LongStorage", 8, "IntStorage", 4);

    static {
        // razorvine keeps constructors in one static table: these entries are the same for every caller.
        Unpickler.registerConstructor("torch._utils", "_rebuild_tensor_v2", TensorView::of);
        Unpickler.registerConstructor("torch._utils", "_rebuild_parameter", args -> args[0]);
        Unpickler.registerConstructor("collections", "OrderedDict", args -> new StateDict());
        for (String type : List.of("FloatStorage", "DoubleStorage", "LongStorage", "IntStorage", "HalfStorage",
                "BFloat16Storage", "ByteStorage", "BoolStorage", "ShortStorage", "CharStorage")) {
            Unpickler.registerConstructor("torch", type, new StorageType(type));
        }
    }

    private TorchCheckpoint() {
    }

    /** A storage class named in the pickle ({@code torch.FloatStorage}); never called as a constructor. */
    private record StorageType(String name) implements IObjectConstructor {
        @Override
        public Object construct(Object[] args) {
            throw new PickleException("storage type " + name + " called");
        }
    }

    /** A storage the pickle refers to by persistent id: its file key and element type. */
    private record StorageRef(String key, String type, long numel) {
    }

    /** A tensor as the pickle describes it: a view of a storage. */
    private record TensorView(StorageRef storage, long offset, long[] shape, long[] stride) {
        static Object of(Object[] args) {
            if (args.length < 4 || !(args[0] instanceof StorageRef s)) {
                throw new PickleException("unexpected tensor record");
            }
            return new TensorView(s, number(args[1]), longs(args[2]), longs(args[3]));
        }
    }

    /** The ordered dict a state dict is pickled as; its {@code _metadata} attribute is ignored. */
    public static final class StateDict extends LinkedHashMap<Object, Object> {
        public void __setstate__(HashMap<?, ?> state) {
            // _metadata holds module versions only
        }
    }

    private static final class TorchUnpickler extends Unpickler {
        @Override
        protected Object persistentLoad(Object pid) {
            if (pid instanceof Object[] t && t.length == 5 && "storage".equals(t[0]) && t[1] instanceof StorageType type) {
                return new StorageRef(String.valueOf(t[2]), type.name(), number(t[4]));
            }
            throw new PickleException("unexpected persistent id");
        }
    }

    /**
     * The state dict of a checkpoint file: parameter name to tensor, in the file's order.
     *
     * @throws CheckpointException when the file is not a PyTorch zip checkpoint, is truncated or damaged, or
     *                             holds anything but a dict of tensors
     */
    public static Map<String, CheckpointTensor> read(Path file) throws CheckpointException {
        if (!Files.isRegularFile(file)) {
            throw new CheckpointException(file + ": no such file");
        }
        try (InputStream in = Files.newInputStream(file)) {
            byte[] magic = in.readNBytes(4);
            if (magic.length < 4 || magic[0] != 'P' || magic[1] != 'K' || magic[2] != 3 || magic[3] != 4) {
                throw new CheckpointException(file + ": not a PyTorch checkpoint (not a zip file; checkpoints saved"
                        + " by PyTorch before 1.6 are not read)");
            }
        } catch (IOException e) {
            throw new CheckpointException(file + ": cannot read: " + e.getMessage(), e);
        }
        try (ZipFile zip = new ZipFile(file.toFile())) {
            ZipEntry pickle = zip.stream().filter(e -> e.getName().endsWith("/data.pkl")
                    && e.getName().indexOf('/') == e.getName().length() - "/data.pkl".length()).findFirst()
                    .orElseThrow(() -> new CheckpointException(file + ": not a PyTorch checkpoint (no data.pkl in the zip)"));
            String prefix = pickle.getName().substring(0, pickle.getName().length() - "data.pkl".length());
            ByteOrder order = byteOrder(zip, prefix, file);
            Object root;
            try (InputStream in = zip.getInputStream(pickle)) {
                root = new TorchUnpickler().load(in);
            } catch (PickleException | ClassCastException | IllegalStateException e) {
                throw new CheckpointException(file + ": not a state dict of tensors (" + firstLine(e) + ")", e);
            }
            if (!(root instanceof Map<?, ?> dict) || root instanceof ClassDict) {
                throw new CheckpointException(file + ": holds " + describe(root)
                        + ", not a state dict (a dict of tensors, as model.state_dict() gives)");
            }
            Map<String, CheckpointTensor> out = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : dict.entrySet()) {
                if (!(e.getKey() instanceof String name) || !(e.getValue() instanceof TensorView view)) {
                    throw new CheckpointException(file + ": not a state dict: entry " + e.getKey() + " is "
                            + describe(e.getValue()) + ", not a tensor");
                }
                out.put(name, tensor(zip, prefix, order, name, view, file));
            }
            return out;
        } catch (ZipException e) {
            throw new CheckpointException(file + ": truncated or damaged zip (" + firstLine(e) + ")", e);
        } catch (IOException e) {
            throw new CheckpointException(file + ": truncated or damaged (" + firstLine(e) + ")", e);
        }
    }

    private static ByteOrder byteOrder(ZipFile zip, String prefix, Path file) throws IOException, CheckpointException {
        ZipEntry e = zip.getEntry(prefix + "byteorder");
        if (e == null) {
            return ByteOrder.LITTLE_ENDIAN;           // files without the entry were written little-endian
        }
        try (InputStream in = zip.getInputStream(e)) {
            String s = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.US_ASCII).trim();
            return switch (s) {
                case "little" -> ByteOrder.LITTLE_ENDIAN;
                case "big" -> ByteOrder.BIG_ENDIAN;
                default -> throw new CheckpointException(file + ": unknown byte order '" + s + "'");
            };
        }
    }

    private static CheckpointTensor tensor(ZipFile zip, String prefix, ByteOrder order, String name, TensorView view,
                                           Path file) throws IOException, CheckpointException {
        StorageRef s = view.storage();
        Integer size = ELEMENT_BYTES.get(s.type());
        if (size == null) {
            throw new CheckpointException(file + ": tensor " + name + " is stored as " + s.type()
                    + " (reads FloatStorage, DoubleStorage, LongStorage, IntStorage)");
        }
        ZipEntry entry = zip.getEntry(prefix + "data/" + s.key());
        if (entry == null) {
            throw new CheckpointException(file + ": tensor " + name + ": storage " + s.key() + " is missing from the zip");
        }
        byte[] bytes;
        try (InputStream in = zip.getInputStream(entry)) {
            bytes = in.readAllBytes();
        }
        if (bytes.length != s.numel() * size) {
            throw new CheckpointException(file + ": tensor " + name + ": storage " + s.key() + " has " + bytes.length
                    + " bytes, expected " + s.numel() * size);
        }
        long[] shape = view.shape();
        long[] stride = view.stride();
        if (stride.length != shape.length) {
            throw new CheckpointException(file + ": tensor " + name + ": " + shape.length + " sizes but "
                    + stride.length + " strides");
        }
        long numel = 1;
        long last = view.offset();
        for (int d = 0; d < shape.length; d++) {
            if (shape[d] < 0 || stride[d] < 0) {
                throw new CheckpointException(file + ": tensor " + name + ": negative size or stride");
            }
            numel *= shape[d];
            last += (shape[d] - 1) * stride[d];
        }
        if (numel > 0 && (view.offset() < 0 || last >= s.numel())) {
            throw new CheckpointException(file + ": tensor " + name + " reaches past its storage");
        }
        if (!s.type().equals("FloatStorage") && !s.type().equals("DoubleStorage")) {
            return new CheckpointTensor(s.type(), shape, null);
        }
        ByteBuffer buf = ByteBuffer.wrap(bytes).order(order);
        float[] values = new float[Math.toIntExact(numel)];
        long[] index = new long[shape.length];
        for (int i = 0; i < values.length; i++) {
            long at = view.offset();
            for (int d = 0; d < shape.length; d++) {
                at += index[d] * stride[d];
            }
            values[i] = size == 4 ? buf.getFloat(Math.toIntExact(at * 4)) : (float) buf.getDouble(Math.toIntExact(at * 8));
            for (int d = shape.length - 1; d >= 0 && ++index[d] == shape[d]; d--) {
                index[d] = 0;
            }
        }
        return new CheckpointTensor(s.type(), shape, values);
    }

    private static long number(Object o) {
        if (o instanceof Number n) {
            return n.longValue();
        }
        throw new PickleException("expected a number, got " + describe(o));
    }

    private static long[] longs(Object o) {
        if (!(o instanceof Object[] items)) {
            throw new PickleException("expected a tuple, got " + describe(o));
        }
        long[] out = new long[items.length];
        for (int i = 0; i < items.length; i++) {
            out[i] = number(items[i]);
        }
        return out;
    }

    /** What a pickled value is, in Python's words, with its article. */
    private static String describe(Object o) {
        if (o == null) {
            return "None";
        }
        if (o instanceof TensorView) {
            return "a single tensor";
        }
        if (o instanceof ClassDict c) {
            return "an object of class " + c.getClassName();  // e.g. a whole pickled model
        }
        if (o instanceof Map<?, ?>) {
            return "a dict";
        }
        if (o instanceof Object[] || o instanceof List<?>) {
            return "a sequence";
        }
        return o instanceof Number ? "a number" : o instanceof String ? "a string" : "another Python object";
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return m.lines().findFirst().orElse(m).strip();
    }
}
