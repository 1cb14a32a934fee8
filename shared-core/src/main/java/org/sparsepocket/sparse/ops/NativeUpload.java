package org.sparsepocket.sparse.ops;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;

/**
 * Copies Java arrays into NDArrays through one reused direct buffer per thread. DJL's
 * {@code NDManager.create(int[])} allocates a fresh direct buffer per call that only the garbage
 * collector frees and that the tensor keeps sharing; over thousands of predictions that native
 * memory piles up. Here the tensor is created as a view of the thread's buffer and immediately
 * cloned, so the buffer can be reused and native memory stays bounded.
 */
public final class NativeUpload {

    private static final ThreadLocal<ByteBuffer> BUFFER = new ThreadLocal<>();

    private NativeUpload() {
    }

    /** An INT64 array (the index type of PyTorch's gathers) holding {@code values}. */
    public static NDArray indices(NDManager manager, int[] values, Shape shape) {
        check(values.length, shape);
        ByteBuffer buf = buffer((long) values.length * Long.BYTES);
        for (int v : values) {
            buf.putLong(v);
        }
        return copyOf(manager, buf, shape, DataType.INT64);
    }

    /** A FLOAT32 array holding {@code values}. */
    public static NDArray floats(NDManager manager, float[] values, Shape shape) {
        check(values.length, shape);
        ByteBuffer buf = buffer((long) values.length * Float.BYTES);
        buf.asFloatBuffer().put(values);
        buf.position(values.length * Float.BYTES);
        return copyOf(manager, buf, shape, DataType.FLOAT32);
    }

    /**
     * An array of {@code type} and {@code shape} holding the next {@code bytes} bytes of {@code in},
     * stored in {@code order} (converted to the native order when they differ).
     */
    public static NDArray read(NDManager manager, DataInputStream in, int bytes, ByteOrder order, Shape shape,
                               DataType type) throws IOException {
        if (bytes < 0 || shape.size() * type.getNumOfBytes() != bytes) {
            throw new IOException(bytes + " bytes do not fill " + type + " " + shape);
        }
        byte[] data = new byte[bytes];
        in.readFully(data);
        ByteBuffer buf = buffer(bytes);
        if (order == ByteOrder.nativeOrder() || type.getNumOfBytes() == 1) {
            buf.put(data);
        } else {
            ByteBuffer source = ByteBuffer.wrap(data).order(order);
            switch (type.getNumOfBytes()) {
                case 2 -> buf.asShortBuffer().put(source.asShortBuffer());
                case 4 -> buf.asIntBuffer().put(source.asIntBuffer());
                case 8 -> buf.asLongBuffer().put(source.asLongBuffer());
                default -> throw new IOException("cannot convert the byte order of " + type);
            }
            buf.position(bytes);
        }
        return copyOf(manager, buf, shape, type);
    }

    private static void check(int length, Shape shape) {
        if (shape.size() != length) {
            throw new IllegalArgumentException(length + " values do not fill shape " + shape);
        }
    }

    private static ByteBuffer buffer(long bytes) {
        if (bytes > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("array too large to upload: " + bytes + " bytes");
        }
        ByteBuffer buf = BUFFER.get();
        if (buf == null || buf.capacity() < bytes) {
            buf = ByteBuffer.allocateDirect((int) Math.max(bytes, 1 << 16)).order(ByteOrder.nativeOrder());
            BUFFER.set(buf);
        }
        buf.clear();
        return buf;
    }

    private static NDArray copyOf(NDManager manager, ByteBuffer filled, Shape shape, DataType type) {
        filled.flip();
        ByteBuffer exact = filled.slice().order(ByteOrder.nativeOrder());
        try (NDArray view = manager.create(exact, shape, type)) {
            return view.duplicate();
        }
    }
}
