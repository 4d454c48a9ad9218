package org.umapanim.dataset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.umapanim.common.FileProblem;

/**
 * One NumPy array in the {@code .npy} format, read from a stream (a file, or an entry of an
 * {@code .npz} zip): the magic {@code \x93NUMPY}, a version byte pair (1, 2 or 3), a little-endian
 * header length (uint16 for version 1, uint32 after), a Python-literal dict with {@code descr},
 * {@code fortran_order} and {@code shape}, then the values. Values are decoded a buffer at a time,
 * never an object per value.
 */
final class NpyArray {
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final Pattern DESCR = Pattern.compile("['\"]descr['\"]\\s*:\\s*['\"]([^'\"]*)['\"]");
    private static final Pattern FORTRAN = Pattern.compile("['\"]fortran_order['\"]\\s*:\\s*(True|False)");
    private static final Pattern SHAPE = Pattern.compile("['\"]shape['\"]\\s*:\\s*\\(([^)]*)\\)");
    /** Bytes decoded per read: big enough to amortise the stream calls, small enough to stay in cache. */
    private static final int CHUNK = 1 << 16;

    /** The element type: {@code kind} is NumPy's (f, i, u, b, U, S), {@code size} its bytes. */
    record Type(String descr, char kind, int size, ByteOrder order) {
        boolean numeric() {
            return kind == 'f' && (size == 2 || size == 4 || size == 8)
                    || (kind == 'i' || kind == 'u') && (size == 1 || size == 2 || size == 4 || size == 8)
                    || kind == 'b' && size == 1;
        }

        boolean text() {
            return kind == 'U' || kind == 'S';
        }
    }

    final Path shown;
    final Type type;
    final boolean fortran;
    final long[] shape;
    private final InputStream in;

    private NpyArray(Path shown, Type type, boolean fortran, long[] shape, InputStream in) {
        this.shown = shown;
        this.type = type;
        this.fortran = fortran;
        this.shape = shape;
        this.in = in;
    }

    /**
     * Reads the header from {@code in} and checks that {@code dataBytes} (the bytes left after the
     * header, -1 when unknown) are what the shape and type promise.
     *
     * @param size the bytes of the whole array file, or -1 when unknown
     */
    static NpyArray open(Path shown, InputStream in, long size) {
        try {
            byte[] head = in.readNBytes(8);
            if (head.length < 8 || !Arrays.equals(Arrays.copyOf(head, 6), MAGIC)) {
                throw new FileProblem(shown, "not a NumPy .npy file (it does not start with \\x93NUMPY)");
            }
            int major = head[6] & 0xFF;
            if (major < 1 || major > 3) {
                throw new FileProblem(shown, "NumPy .npy format version " + major + "." + (head[7] & 0xFF)
                        + " is not one of 1.0, 2.0, 3.0");
            }
            byte[] lengthBytes = in.readNBytes(major == 1 ? 2 : 4);
            if (lengthBytes.length < (major == 1 ? 2 : 4)) {
                throw new FileProblem(shown, "truncated .npy header");
            }
            ByteBuffer lb = ByteBuffer.wrap(lengthBytes).order(ByteOrder.LITTLE_ENDIAN);
            long headerLength = major == 1 ? Short.toUnsignedInt(lb.getShort()) : Integer.toUnsignedLong(lb.getInt());
            long prefix = 8 + lengthBytes.length;
            if (headerLength > 1 << 20 || size >= 0 && prefix + headerLength > size) {
                throw new FileProblem(shown, "truncated .npy header (it claims " + headerLength + " bytes)");
            }
            byte[] headerBytes = in.readNBytes((int) headerLength);
            if (headerBytes.length < headerLength) {
                throw new FileProblem(shown, "truncated .npy header");
            }
            // Versions 1 and 2 store the header in Latin-1, version 3 in UTF-8; the keys are ASCII either way.
            String header = new String(headerBytes, major == 3 ? StandardCharsets.UTF_8 : StandardCharsets.ISO_8859_1);
            Type type = type(shown, header);
            boolean fortran = FORTRAN.matcher(header).results().map(m -> m.group(1)).findFirst()
                    .orElseThrow(() -> new FileProblem(shown, "the .npy header has no fortran_order: " + abbreviate(header)))
                    .equals("True");
            long[] shape = shape(shown, header);
            NpyArray array = new NpyArray(shown, type, fortran, shape, in);
            if (size >= 0) {
                long promised = array.count() * type.size();
                long held = size - prefix - headerLength;
                if (held != promised) {
                    throw new FileProblem(shown, "the .npy header promises shape " + array.shapeText() + " of "
                            + type.descr() + " (" + promised + " bytes of data) but the file holds " + held + " bytes");
                }
            }
            return array;
        } catch (IOException e) {
            throw new FileProblem(shown, "cannot read: " + FileProblem.reason(e), e);
        }
    }

    private static Type type(Path shown, String header) {
        Matcher m = DESCR.matcher(header);
        if (!m.find()) {
            throw new FileProblem(shown, "the .npy header has no simple dtype (structured arrays are not read): "
                    + abbreviate(header));
        }
        String descr = m.group(1);
        if (descr.length() < 2) {
            throw new FileProblem(shown, "unknown dtype '" + descr + "'");
        }
        char first = descr.charAt(0);
        int at = first == '<' || first == '>' || first == '|' || first == '=' ? 1 : 0;
        ByteOrder order = first == '>' ? ByteOrder.BIG_ENDIAN : first == '<' ? ByteOrder.LITTLE_ENDIAN : ByteOrder.nativeOrder();
        char kind = descr.charAt(at);
        int count;
        try {
            count = Integer.parseInt(descr.substring(at + 1));
        } catch (NumberFormatException e) {
            throw new FileProblem(shown, "dtype '" + descr + "' is not one of float16/32/64, (u)int8–64, bool or text");
        }
        Type type = new Type(descr, kind, kind == 'U' ? 4 * count : count, order);
        if (!type.numeric() && !type.text()) {
            throw new FileProblem(shown, "dtype '" + descr + "' is not one of float16/32/64, (u)int8–64, bool or text");
        }
        return type;
    }

    private static long[] shape(Path shown, String header) {
        Matcher m = SHAPE.matcher(header);
        if (!m.find()) {
            throw new FileProblem(shown, "the .npy header has no shape: " + abbreviate(header));
        }
        List<Long> dims = new ArrayList<>();
        for (String part : m.group(1).split(",")) {
            String t = part.trim().replaceFirst("L$", "");
            if (!t.isEmpty()) {
                try {
                    dims.add(Long.parseLong(t));
                } catch (NumberFormatException e) {
                    throw new FileProblem(shown, "the .npy header's shape (" + m.group(1) + ") is not a tuple of sizes");
                }
            }
        }
        return dims.stream().mapToLong(Long::longValue).toArray();
    }

    private static String abbreviate(String header) {
        String t = header.strip();
        return t.length() <= 80 ? t : t.substring(0, 80) + "…";
    }

    /** All values: the product of the shape (1 for a scalar). */
    long count() {
        long n = 1;
        for (long d : shape) {
            n = Math.multiplyExact(n, d);
        }
        return n;
    }

    /** The rows: the first dimension. */
    long rows() {
        return shape.length == 0 ? 1 : shape[0];
    }

    /** Values per row: the product of the other dimensions. */
    long perRow() {
        long n = 1;
        for (int i = 1; i < shape.length; i++) {
            n = Math.multiplyExact(n, shape[i]);
        }
        return n;
    }

    String shapeText() {
        if (shape.length == 1) {
            return "(" + shape[0] + ",)";
        }
        StringBuilder s = new StringBuilder("(");
        for (int i = 0; i < shape.length; i++) {
            s.append(i == 0 ? "" : ", ").append(shape[i]);
        }
        return s.append(')').toString();
    }

    /** Receives the values in file order, each as a double (exact for every dtype but (u)int64 beyond 2^53). */
    interface NumberSink {
        void accept(long index, double value);
    }

    /**
     * Decodes the first {@code count} values in file order (C order: row by row; Fortran order:
     * column by column), a chunk at a time.
     */
    void numbers(long count, NumberSink sink) {
        if (!type.numeric()) {
            throw new FileProblem(shown, "holds " + type.descr() + " values, not numbers");
        }
        int size = type.size();
        byte[] chunk = new byte[Math.max(size, CHUNK / size * size)];
        ByteBuffer buf = ByteBuffer.wrap(chunk).order(type.order());
        long index = 0;
        try {
            while (index < count) {
                int want = (int) Math.min(chunk.length, (count - index) * size);
                int got = in.readNBytes(chunk, 0, want);
                if (got < want) {
                    throw new FileProblem(shown, "truncated: the .npy header promises shape " + shapeText()
                            + " but the data end after " + (index + got / size) + " values");
                }
                for (int at = 0; at < want; at += size, index++) {
                    sink.accept(index, decode(buf, at));
                }
            }
        } catch (IOException e) {
            throw new FileProblem(shown, "cannot read: " + FileProblem.reason(e), e);
        }
    }

    private double decode(ByteBuffer buf, int at) {
        return switch (type.kind()) {
            case 'f' -> switch (type.size()) {
                case 2 -> halfToFloat(buf.getShort(at));
                case 4 -> buf.getFloat(at);
                default -> buf.getDouble(at);
            };
            case 'i' -> switch (type.size()) {
                case 1 -> buf.get(at);
                case 2 -> buf.getShort(at);
                case 4 -> buf.getInt(at);
                default -> buf.getLong(at);
            };
            case 'u' -> switch (type.size()) {
                case 1 -> buf.get(at) & 0xFF;
                case 2 -> buf.getShort(at) & 0xFFFF;
                case 4 -> Integer.toUnsignedLong(buf.getInt(at));
                default -> unsigned(buf.getLong(at));
            };
            default -> buf.get(at) != 0 ? 1 : 0; // 'b'
        };
    }

    /** Every value as text, for labels: integers and booleans as written, strings without NumPy's NUL padding. */
    String[] texts(long count) {
        if (count > Integer.MAX_VALUE - 8) {
            throw new FileProblem(shown, "too many labels: " + count);
        }
        String[] out = new String[(int) count];
        if (type.text()) {
            int size = type.size();
            try {
                for (int i = 0; i < out.length; i++) {
                    byte[] raw = in.readNBytes(size);
                    if (raw.length < size) {
                        throw new FileProblem(shown, "truncated: the .npy header promises shape " + shapeText()
                                + " but the data end after " + i + " values");
                    }
                    out[i] = type.kind() == 'U' ? utf32(raw, type.order()) : latin1(raw);
                }
            } catch (IOException e) {
                throw new FileProblem(shown, "cannot read: " + FileProblem.reason(e), e);
            }
            return out;
        }
        numbers(count, (i, v) -> {
            if (type.kind() == 'b') {
                out[(int) i] = v != 0 ? "true" : "false";
            } else if (type.kind() == 'f' && (v != Math.rint(v) || Double.isInfinite(v))) {
                throw new FileProblem(shown, "label " + (i + 1) + " is " + v
                        + "; labels must be integers, whole floats, text or booleans");
            } else if (type.kind() == 'u' && type.size() == 8 && v >= 0x1p63) {
                out[(int) i] = new java.math.BigDecimal(v).toBigInteger().toString();
            } else {
                out[(int) i] = Long.toString((long) v);
            }
        });
        return out;
    }

    private static String utf32(byte[] raw, ByteOrder order) {
        ByteBuffer b = ByteBuffer.wrap(raw).order(order);
        StringBuilder s = new StringBuilder();
        while (b.remaining() >= 4) {
            int cp = b.getInt();
            if (cp == 0) {
                break;
            }
            s.appendCodePoint(cp);
        }
        return s.toString();
    }

    private static String latin1(byte[] raw) {
        int end = raw.length;
        while (end > 0 && raw[end - 1] == 0) {
            end--;
        }
        // NumPy's 'S' is bytes; its users store ASCII or UTF-8 in it.
        return new String(raw, 0, end, StandardCharsets.UTF_8);
    }

    /** IEEE 754 binary16 → float (Java 17 has no Float.float16ToFloat). */
    static float halfToFloat(short bits) {
        int h = bits & 0xFFFF;
        int sign = (h & 0x8000) << 16;
        int exp = (h >>> 10) & 0x1F;
        int mant = h & 0x3FF;
        if (exp == 0x1F) {
            return Float.intBitsToFloat(sign | 0x7F800000 | (mant << 13));
        }
        if (exp == 0) {
            float v = mant * 0x1p-24f;
            return sign == 0 ? v : -v;
        }
        return Float.intBitsToFloat(sign | ((exp + 112) << 23) | (mant << 13));
    }

    private static double unsigned(long v) {
        return v >= 0 ? v : ((v >>> 1) | (v & 1)) * 2.0;
    }
}
