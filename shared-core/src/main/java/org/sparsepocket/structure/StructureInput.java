package org.sparsepocket.structure;

import io.airlift.compress.zstd.ZstdInputStream;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.AccessDeniedException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;

/**
 * Raw bytes of one input → decompressed content and its format. Compression and format are both
 * recognised from the bytes (magic numbers, first records), never from the file name. Sizes are bounded
 * so a huge or malicious file gives an error instead of exhausting memory.
 */
final class StructureInput {

    /** Largest file and largest decompressed content accepted (the biggest PDB entries are far below). */
    static final long MAX_BYTES = 512L << 20;

    /** Decompressed content, its format and how it was compressed ("none", "gzip", "zstd"). */
    record Decoded(String input, byte[] content, StructureFormat format, String compression) {
    }

    private StructureInput() {
    }

    static byte[] read(Path path) {
        String input = path.toString();
        try {
            if (Files.isDirectory(path)) {
                throw new StructureException(input, "is a directory, not a structure file");
            }
            long size = Files.size(path);
            if (size > MAX_BYTES) {
                throw tooLarge(input, size);
            }
            // Bounded even when the size said otherwise: a device or pipe (/dev/zero, a FIFO) reports 0.
            byte[] bytes;
            try (InputStream in = Files.newInputStream(path)) {
                bytes = in.readNBytes((int) MAX_BYTES + 1);
            }
            if (bytes.length > MAX_BYTES) {
                throw new StructureException(input, "content is larger than the " + (MAX_BYTES >> 20) + " MiB limit");
            }
            return bytes;
        } catch (NoSuchFileException e) {
            throw new StructureException(input, "no such file");
        } catch (AccessDeniedException e) {
            throw new StructureException(input, "cannot read: permission denied");
        } catch (IOException e) {
            throw new StructureException(input, "cannot read: " + StructureException.describe(e), e);
        }
    }

    private static StructureException tooLarge(String input, long size) {
        return new StructureException(input, "file is " + (size >> 20) + " MiB, larger than the "
                + (MAX_BYTES >> 20) + " MiB limit");
    }

    /** Decompresses (if needed) and recognises the format; throws a one-line error otherwise. */
    static Decoded decode(byte[] raw, String input) {
        if (raw.length == 0) {
            throw new StructureException(input, "empty file");
        }
        String compression = "none";
        byte[] content = raw;
        if (isGzip(raw)) {
            compression = "gzip";
            content = inflate(raw, input, "gzip");
        } else if (isZstd(raw)) {
            compression = "zstd";
            content = inflate(raw, input, "zstd");
        } else {
            String other = otherCompression(raw);
            if (other != null) {
                throw new StructureException(input, "unsupported compression (" + other
                        + "); decompress it or use gzip or zstd");
            }
        }
        if (content.length == 0) {
            throw new StructureException(input, "empty after " + compression + " decompression");
        }
        StructureFormat format = StructureFormat.detect(content);
        if (format == null) {
            throw new StructureException(input, "not a recognised structure file "
                    + "(expected PDB, PDBQT, mmCIF or BinaryCIF, optionally gzip- or zstd-compressed)");
        }
        return new Decoded(input, content, format, compression);
    }

    /** Whether the bytes start with a compression format's magic number (supported or not). */
    static boolean isCompressed(byte[] b) {
        return isGzip(b) || isZstd(b) || otherCompression(b) != null;
    }

    private static boolean isGzip(byte[] b) {
        return b.length >= 2 && (b[0] & 0xff) == 0x1f && (b[1] & 0xff) == 0x8b;
    }

    private static boolean isZstd(byte[] b) {
        return b.length >= 4 && (b[0] & 0xff) == 0x28 && (b[1] & 0xff) == 0xb5
                && (b[2] & 0xff) == 0x2f && (b[3] & 0xff) == 0xfd;
    }

    private static String otherCompression(byte[] b) {
        if (b.length >= 3 && b[0] == 'B' && b[1] == 'Z' && b[2] == 'h') {
            return "bzip2";
        }
        if (b.length >= 6 && (b[0] & 0xff) == 0xfd && b[1] == '7' && b[2] == 'z' && b[3] == 'X' && b[4] == 'Z') {
            return "xz";
        }
        if (b.length >= 4 && b[0] == 'P' && b[1] == 'K' && b[2] == 3 && b[3] == 4) {
            return "zip";
        }
        if (b.length >= 6 && b[0] == '7' && b[1] == 'z' && (b[2] & 0xff) == 0xbc && (b[3] & 0xff) == 0xaf) {
            return "7z";
        }
        return null;
    }

    private static byte[] inflate(byte[] raw, String input, String kind) {
        try (InputStream in = "gzip".equals(kind)
                ? new GZIPInputStream(new ByteArrayInputStream(raw), 1 << 16)
                : new ZstdInputStream(new ByteArrayInputStream(raw))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(Math.max(1 << 16, raw.length * 4));
            byte[] buf = new byte[1 << 16];
            long total = 0;
            int n;
            while ((n = in.read(buf)) > 0) {
                total += n;
                if (total > MAX_BYTES) {
                    throw new StructureException(input, "decompresses to more than " + (MAX_BYTES >> 20)
                            + " MiB, over the limit");
                }
                out.write(buf, 0, n);
            }
            return out.toByteArray();
        } catch (EOFException e) {
            throw new StructureException(input, "truncated " + kind + " data (unexpected end of stream)");
        } catch (ZipException e) {
            throw new StructureException(input, "corrupt gzip data (" + StructureException.describe(e) + ")");
        } catch (IOException | RuntimeException e) {
            if (e instanceof StructureException se) {
                throw se;
            }
            throw new StructureException(input, "corrupt " + kind + " data (" + StructureException.describe(e) + ")", e);
        }
    }
}
