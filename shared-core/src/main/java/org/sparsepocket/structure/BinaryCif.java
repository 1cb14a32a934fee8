package org.sparsepocket.structure;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.rcsb.cif.binary.codec.BinaryCifCodec;
import org.rcsb.cif.binary.codec.MessagePackCodec;
import org.rcsb.cif.model.Block;
import org.rcsb.cif.model.Category;
import org.rcsb.cif.model.CifFile;
import org.rcsb.cif.model.LinkedCaseInsensitiveMap;
import org.rcsb.cif.model.binary.BinaryBlock;
import org.rcsb.cif.model.binary.BinaryCategory;
import org.rcsb.cif.model.binary.BinaryFile;

/**
 * BinaryCIF bytes → ciftools' file model (which BioJava converts), with fixed-point columns decoded
 * exactly.
 *
 * <p>BinaryCIF stores a decimal column such as {@code _atom_site.Cartn_x} as integers k with a factor
 * ({@code FixedPoint}, 1000 for three decimals: -12.665 is -12665). ciftools 7.0.1 decodes k × (1/1000),
 * which for about a third of the values is one unit in the last place away from the double nearest to
 * k/1000 — the value {@code Double.parseDouble} gives for the same number in mmCIF text. Those 1e-14 Å
 * moved atoms lying exactly half-way between two voxel centres into the other voxel (1FBL's HIS183 CB),
 * so .bcif and .cif predictions differed. Here such columns are decoded as k / factor and handed to
 * ciftools as plain float64 data; everything else is ciftools' own decoding.
 */
final class BinaryCif {

    /** BinaryCIF's data type code for little-endian float64. */
    private static final int FLOAT64 = 33;

    private BinaryCif() {
    }

    /**
     * @throws IOException        when the MessagePack cannot be decoded
     * @throws ClassCastException or another runtime exception when the content is not BinaryCIF's layout
     */
    @SuppressWarnings("unchecked")
    static CifFile read(byte[] content) throws IOException {
        Map<String, Object> file = MessagePackCodec.decode(new ByteArrayInputStream(content));
        String version = (String) file.get("version");
        if (version == null || !version.startsWith("0.3")) {   // the versions ciftools reads
            throw new IOException("unsupported BinaryCIF version " + version);
        }
        List<Block> blocks = new ArrayList<>();
        for (Object b : (Object[]) file.get("dataBlocks")) {
            Map<String, Object> block = (Map<String, Object>) b;
            Map<String, Category> categories = new LinkedCaseInsensitiveMap<>();
            Object[] encodedCategories = (Object[]) block.get("categories");
            for (Object c : encodedCategories == null ? new Object[0] : encodedCategories) {
                Map<String, Object> category = (Map<String, Object>) c;
                String name = ((String) category.get("name")).substring(1);   // "_atom_site" → "atom_site"
                Object[] columns = ((Object[]) category.get("columns")).clone();
                for (int i = 0; i < columns.length; i++) {
                    columns[i] = withExactFixedPoint((Map<String, Object>) columns[i]);
                }
                int rows = ((Number) category.get("rowCount")).intValue();
                categories.put(name, new BinaryCategory(name, rows, columns));
            }
            blocks.add(new BinaryBlock(categories, (String) block.get("header")));
        }
        return new BinaryFile(blocks, version, (String) file.get("encoder"));
    }

    /** The column unchanged, or, when its outermost encoding is FixedPoint, as float64 values k / factor. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> withExactFixedPoint(Map<String, Object> column) {
        Map<String, Object> data = (Map<String, Object>) column.get("data");
        Object[] encoding = data == null ? null : (Object[]) data.get("encoding");
        if (encoding == null || encoding.length < 2) {
            return column;
        }
        Map<String, Object> first = (Map<String, Object>) encoding[0];
        if (!"FixedPoint".equals(first.get("kind"))) {
            return column;
        }
        double factor = ((Number) first.get("factor")).intValue();
        Map<String, Object> integers = new HashMap<>(data);
        integers.put("encoding", Arrays.copyOfRange(encoding, 1, encoding.length));
        if (!(BinaryCifCodec.decode(integers) instanceof int[] k)) {
            return column;   // not the Int32 FixedPoint expects: leave it to ciftools (and its error)
        }
        ByteBuffer values = ByteBuffer.allocate(8 * k.length).order(ByteOrder.LITTLE_ENDIAN);
        for (int v : k) {
            values.putDouble(v / factor);   // correctly rounded, unlike v * (1 / factor)
        }
        Map<String, Object> exact = new HashMap<>(data);
        exact.put("data", values.array());
        exact.put("encoding", new Object[] {Map.of("kind", "ByteArray", "type", FLOAT64)});
        Map<String, Object> out = new HashMap<>(column);
        out.put("data", exact);
        return out;
    }
}
