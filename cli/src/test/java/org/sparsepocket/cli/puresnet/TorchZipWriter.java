package org.sparsepocket.cli.puresnet;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/**
 * Writes a state dict the way {@code torch.save} does (PyTorch ≥ 1.6): a zip with
 * {@code archive/data.pkl} (pickle protocol 2: an OrderedDict of tensors rebuilt by
 * {@code torch._utils._rebuild_tensor_v2} from persistent-id storages, SETITEMS, then BUILD with the
 * {@code _metadata} attribute), one {@code archive/data/<n>} file per storage, {@code archive/version}
 * and {@code archive/byteorder}. Written here opcode by opcode so the tests need no Python.
 */
final class TorchZipWriter {

    /** A tensor to write: float values (FloatStorage) or, with {@code values == null}, a scalar counter (LongStorage). */
    record Tensor(long[] shape, float[] values) {
        static Tensor floats(float[] values, long... shape) {
            return new Tensor(shape, values);
        }

        static Tensor counter() {
            return new Tensor(new long[0], null);
        }
    }

    private final ByteArrayOutputStream pickle = new ByteArrayOutputStream();

    private TorchZipWriter() {
    }

    static void write(Path file, Map<String, Tensor> state) throws IOException {
        TorchZipWriter w = new TorchZipWriter();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            w.op(0x80).op(2);                                         // PROTO 2
            w.global("collections", "OrderedDict").op(')').op('R');   // OrderedDict()
            w.op('(');                                                // MARK for SETITEMS
            int storage = 0;
            for (Map.Entry<String, Tensor> e : state.entrySet()) {
                w.unicode(e.getKey());
                w.tensor(zip, e.getValue(), String.valueOf(storage++));
            }
            w.op('u');                                                // SETITEMS
            w.op('}').unicode("_metadata").global("collections", "OrderedDict").op(')').op('R').op('s');
            w.op('b');                                                // BUILD
            w.finish(zip);
        }
    }

    /** A file holding one tensor instead of a state dict (what torch.save(tensor) writes). */
    static void writeTensor(Path file, Tensor tensor) throws IOException {
        TorchZipWriter w = new TorchZipWriter();
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(file))) {
            w.op(0x80).op(2);
            w.tensor(zip, tensor, "0");
            w.finish(zip);
        }
    }

    /** The rebuild call of one tensor, its storage written as entry {@code key}. */
    private void tensor(ZipOutputStream zip, Tensor t, String key) throws IOException {
        global("torch._utils", "_rebuild_tensor_v2");
        op('(');                                                      // MARK: args
        op('(').unicode("storage").global("torch", t.values() == null ? "LongStorage" : "FloatStorage")
                .unicode(key).unicode("cpu").binint(t.values() == null ? 1 : t.values().length).op('t');
        op('Q');                                                      // BINPERSID
        binint(0);                                                    // storage offset
        op('(');
        for (long s : t.shape()) {
            binint((int) s);
        }
        op('t');
        op('(');
        long stride = 1;
        long[] strides = new long[t.shape().length];
        for (int d = t.shape().length - 1; d >= 0; d--) {
            strides[d] = stride;
            stride *= t.shape()[d];
        }
        for (long s : strides) {
            binint((int) s);
        }
        op('t');
        op(0x89);                                                     // requires_grad False
        global("collections", "OrderedDict").op(')').op('R');
        op('t').op('R');
        entry(zip, "archive/data/" + key, t.values() == null ? longBytes(0) : floatBytes(t.values()));
    }

    private void finish(ZipOutputStream zip) throws IOException {
        op('.');
        entry(zip, "archive/data.pkl", pickle.toByteArray());
        entry(zip, "archive/byteorder", "little".getBytes(StandardCharsets.US_ASCII));
        entry(zip, "archive/version", "3\n".getBytes(StandardCharsets.US_ASCII));
    }

    private TorchZipWriter op(int code) {
        pickle.write(code);
        return this;
    }

    private TorchZipWriter global(String module, String name) {
        op('c');
        pickle.writeBytes((module + "\n" + name + "\n").getBytes(StandardCharsets.US_ASCII));
        return this;
    }

    private TorchZipWriter unicode(String s) {
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        op('X');
        pickle.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(b.length).array());
        pickle.writeBytes(b);
        return this;
    }

    private TorchZipWriter binint(int v) {
        op('J');
        pickle.writeBytes(ByteBuffer.allocate(4).order(ByteOrder.LITTLE_ENDIAN).putInt(v).array());
        return this;
    }

    /** Stored, not deflated, as torch.save writes its entries. */
    private static void entry(ZipOutputStream zip, String name, byte[] bytes) throws IOException {
        ZipEntry e = new ZipEntry(name);
        e.setMethod(ZipEntry.STORED);
        e.setSize(bytes.length);
        CRC32 crc = new CRC32();
        crc.update(bytes);
        e.setCrc(crc.getValue());
        zip.putNextEntry(e);
        zip.write(bytes);
        zip.closeEntry();
    }

    private static byte[] floatBytes(float[] values) {
        ByteBuffer b = ByteBuffer.allocate(4 * values.length).order(ByteOrder.LITTLE_ENDIAN);
        for (float v : values) {
            b.putFloat(v);
        }
        return b.array();
    }

    private static byte[] longBytes(long v) {
        return ByteBuffer.allocate(8).order(ByteOrder.LITTLE_ENDIAN).putLong(v).array();
    }
}
