package org.sparsepocket.sparse.blocks;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import org.sparsepocket.sparse.ops.NativeUpload;

import java.io.DataInputStream;
import java.io.IOException;
import java.nio.ByteOrder;

/**
 * Reads one parameter in DJL's block parameter format (what {@code Parameter.save} writes, array
 * encodings 1 to 3) without DJL's per-array cost: {@code Parameter.load} decodes every array, however
 * small, through a fresh 1 MB heap buffer and a fresh direct buffer, which made loading the shipped
 * 10.9 MB of weights take ~0.45 s of a cold start (docs/speed.md). Here the bytes go through one reused
 * direct buffer per thread into memory the tensor owns. The result is the same array.
 */
final class ParameterReader {

    private ParameterReader() {
    }

    /**
     * Reads the next parameter record into {@code parameter} (replacing an array it already has). The
     * stored shape must be the declared one.
     */
    static void load(Parameter parameter, NDManager manager, DataInputStream in)
            throws IOException, MalformedModelException {
        char marker = in.readChar();
        if (marker == 'N') {
            return;                                   // saved without an array
        }
        if (marker != 'P') {
            throw new MalformedModelException("Invalid input data.");
        }
        byte version = in.readByte();
        if (version != 1) {
            throw new MalformedModelException("Unsupported encoding version: " + version);
        }
        String name = in.readUTF();
        if (!name.equals(parameter.getName())) {
            throw new MalformedModelException("Unexpected parameter name: " + name + ", expected: " + parameter.getName());
        }
        NDArray array = decodeArray(manager, in);
        Shape declared = parameter.getShape();
        if (declared != null && !declared.equals(array.getShape())) {
            array.close();
            throw new MalformedModelException("parameter " + name + " has shape " + array.getShape()
                    + " in the file, the network declares " + declared);
        }
        // Parameter offers no public setter for a declared shape: hand the array over as its initial value.
        Initializer declaredInitializer = parameter.getInitializer();
        parameter.close();
        parameter.setInitializer((m, shape, type) -> array);
        try {
            parameter.initialize(manager, array.getDataType());
        } finally {
            parameter.setInitializer(declaredInitializer);
        }
    }

    /** One array as {@code NDSerializer.encode} writes it (encodings 1 to 3). */
    private static NDArray decodeArray(NDManager manager, DataInputStream in) throws IOException {
        if (!"NDAR".equals(in.readUTF())) {
            throw new IOException("Malformed NDArray data");
        }
        int encoding = in.readInt();
        if (encoding < 1 || encoding > 3) {
            throw new IOException("Unexpected NDArray encode version " + encoding);
        }
        String name = null;
        if (encoding > 1 && in.readByte() == 1) {
            name = in.readUTF();
        }
        in.readUTF();                                 // sparse format: always dense here
        DataType type = DataType.valueOf(in.readUTF());
        Shape shape = Shape.decode(in);
        ByteOrder order = encoding > 2 ? (in.readByte() == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN)
                : ByteOrder.nativeOrder();
        int bytes = in.readInt();
        NDArray array = NativeUpload.read(manager, in, bytes, order, shape, type);
        array.setName(name);
        return array;
    }
}
