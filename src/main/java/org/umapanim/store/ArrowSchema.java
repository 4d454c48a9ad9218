package org.umapanim.store;

import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;

/**
 * The {@code ARROW:schema} footer value: an Arrow IPC schema message (a FlatBuffer), base64. Arrow
 * readers (pyarrow, hence pandas; polars) take a column's Arrow type from it, and only from it
 * learn that a dictionary-encoded text column is categorical: without it the label reads back as
 * plain strings. The message is written by hand, as Arrow's Schema.fbs lays it out, rather than
 * pulling in Arrow's Java libraries for these few hundred bytes.
 *
 * <p>The FlatBuffer is laid out front to back (each table's vtable just before it, children after
 * their parent, every scalar at its natural alignment), which FlatBuffers' verifier accepts: its
 * offsets only need to point forward.
 */
final class ArrowSchema {
    /** The Arrow types our files use. */
    enum Kind { INT32, FLOAT32, FLOAT64, UTF8 }

    /** One column: {@code dictionary} marks a dictionary-encoded (categorical) text column. */
    record Field(String name, Kind kind, boolean nullable, boolean dictionary) {}

    // Schema.fbs / Message.fbs constants
    private static final short METADATA_V5 = 4;
    private static final byte HEADER_SCHEMA = 1;
    private static final byte TYPE_INT = 2;
    private static final byte TYPE_FLOATING_POINT = 3;
    private static final byte TYPE_UTF8 = 5;
    private static final short PRECISION_SINGLE = 1;
    private static final short PRECISION_DOUBLE = 2;

    private ArrowSchema() {}

    /** The footer value for {@code fields}, in column order. */
    static String base64(List<Field> fields) {
        Builder b = new Builder();
        int root = b.reserveOffset();
        // Message { version: short, header_type: ubyte, header: offset, bodyLength: long }
        Table message = b.table(4);
        message.scalar(0, 2, METADATA_V5);
        message.scalar(1, 1, HEADER_SCHEMA);
        message.offset(2);
        message.scalar(3, 8, 0L);
        b.end(message);
        b.patch(root, message.start);
        b.patch(message.at[2], schema(b, fields));
        byte[] flat = b.bytes();
        // IPC framing: continuation marker, metadata length, then the message padded to 8 bytes
        int padded = (flat.length + 7) & ~7;
        ByteBuffer out = ByteBuffer.allocate(8 + padded).order(ByteOrder.LITTLE_ENDIAN);
        out.putInt(-1).putInt(padded).put(flat);
        return Base64.getEncoder().encodeToString(out.array());
    }

    private static int schema(Builder b, List<Field> fields) {
        // Schema { endianness: short (Little = 0), fields: [Field] }
        Table schema = b.table(2);
        schema.scalar(0, 2, (short) 0);
        schema.offset(1);
        b.end(schema);
        int vector = b.vector(fields.size());
        b.patch(schema.at[1], vector);
        for (int i = 0; i < fields.size(); i++) {
            int slot = vector + 4 + 4 * i;
            b.patch(slot, field(b, fields.get(i)));
        }
        return schema.start;
    }

    private static int field(Builder b, Field f) {
        // Field { name, nullable, type_type, type, dictionary, children }
        Table t = b.table(6);
        t.offset(0);
        t.scalar(1, 1, (byte) (f.nullable() ? 1 : 0));
        byte typeType = switch (f.kind()) {
            case INT32 -> TYPE_INT;
            case FLOAT32, FLOAT64 -> TYPE_FLOATING_POINT;
            case UTF8 -> TYPE_UTF8;
        };
        t.scalar(2, 1, typeType);
        t.offset(3);
        if (f.dictionary()) {
            t.offset(4);
        }
        t.offset(5);
        b.end(t);
        b.patch(t.at[0], b.string(f.name()));
        b.patch(t.at[3], switch (f.kind()) {
            case INT32 -> intType(b, 32, true);
            case FLOAT32 -> floatType(b, PRECISION_SINGLE);
            case FLOAT64 -> floatType(b, PRECISION_DOUBLE);
            case UTF8 -> b.emptyTable();
        });
        if (f.dictionary()) {
            // DictionaryEncoding { id: long, indexType: Int, isOrdered: bool }
            Table d = b.table(3);
            d.scalar(0, 8, 0L);
            d.offset(1);
            d.scalar(2, 1, (byte) 0);
            b.end(d);
            b.patch(t.at[4], d.start);
            b.patch(d.at[1], intType(b, 32, true));
        }
        // Arrow C++ refuses a Field whose children vector is absent, so an empty one is written
        b.patch(t.at[5], b.vector(0));
        return t.start;
    }

    private static int intType(Builder b, int bits, boolean signed) {
        Table t = b.table(2);
        t.scalar(0, 4, bits);
        t.scalar(1, 1, (byte) (signed ? 1 : 0));
        b.end(t);
        return t.start;
    }

    private static int floatType(Builder b, short precision) {
        Table t = b.table(1);
        t.scalar(0, 2, precision);
        b.end(t);
        return t.start;
    }

    /** One table being written: its fields' sizes and values, laid out by {@link Builder#end}. */
    private static final class Table {
        final int[] size;
        final long[] value;
        final boolean[] isOffset;
        final int[] at;
        int start;

        Table(int fields) {
            size = new int[fields];
            value = new long[fields];
            isOffset = new boolean[fields];
            at = new int[fields];
        }

        void scalar(int id, int bytes, long v) {
            size[id] = bytes;
            value[id] = v;
        }

        /** An offset field, patched through {@link #at} once its target is written. */
        void offset(int id) {
            size[id] = 4;
            isOffset[id] = true;
        }
    }

    private static final class Builder {
        private ByteBuffer buf = ByteBuffer.allocate(1024).order(ByteOrder.LITTLE_ENDIAN);

        int position() {
            return buf.position();
        }

        int reserveOffset() {
            int at = buf.position();
            buf.putInt(0);
            return at;
        }

        Table table(int fields) {
            return new Table(fields);
        }

        /** Writes the vtable, then the table (8-aligned, fields largest first so each is aligned). */
        void end(Table t) {
            int fields = t.size.length;
            int vtableBytes = 4 + 2 * fields;
            // fields laid out after the 4-byte soffset, 8-byte ones first, then 4, 2, 1
            int[] fieldAt = new int[fields];
            int offset = 4;
            for (int bytes : new int[] {8, 4, 2, 1}) {
                for (int f = 0; f < fields; f++) {
                    if (t.size[f] == bytes) {
                        offset = (offset + bytes - 1) / bytes * bytes;
                        fieldAt[f] = offset;
                        offset += bytes;
                    }
                }
            }
            int tableBytes = (offset + 3) & ~3;
            // the vtable 2-aligned (a string before it may end anywhere), the table 8-aligned after it
            align(2);
            int vtable = buf.position();
            int start = (vtable + vtableBytes + 7) & ~7;
            ensure(start + tableBytes - vtable + 8);
            buf.position(vtable);
            buf.putShort((short) vtableBytes).putShort((short) tableBytes);
            for (int f = 0; f < fields; f++) {
                buf.putShort((short) (t.size[f] == 0 ? 0 : fieldAt[f]));
            }
            while (buf.position() < start) {
                buf.put((byte) 0);
            }
            buf.putInt(start - vtable); // soffset: vtable = table - soffset
            for (int i = 4; i < tableBytes; i++) {
                buf.put((byte) 0);
            }
            for (int f = 0; f < fields; f++) {
                t.at[f] = start + fieldAt[f];
                if (t.size[f] == 0 || t.isOffset[f]) {
                    continue;
                }
                switch (t.size[f]) {
                    case 8 -> buf.putLong(t.at[f], t.value[f]);
                    case 4 -> buf.putInt(t.at[f], (int) t.value[f]);
                    case 2 -> buf.putShort(t.at[f], (short) t.value[f]);
                    default -> buf.put(t.at[f], (byte) t.value[f]);
                }
            }
            t.start = start;
        }

        /** Points the offset at position {@code slot} to {@code target}, which lies after it. */
        void patch(int slot, int target) {
            if (target <= slot) {
                throw new IllegalStateException("a FlatBuffer offset must point forward: " + slot + " → " + target);
            }
            buf.putInt(slot, target - slot);
        }

        int string(String s) {
            byte[] bytes = s.getBytes(StandardCharsets.UTF_8);
            align(4);
            ensure(4 + bytes.length + 1);
            int at = buf.position();
            buf.putInt(bytes.length).put(bytes).put((byte) 0);
            return at;
        }

        /** A vector of {@code n} offsets, to be patched; returns its position (the length word). */
        int vector(int n) {
            align(4);
            ensure(4 + 4 * n);
            int at = buf.position();
            buf.putInt(n);
            for (int i = 0; i < n; i++) {
                buf.putInt(0);
            }
            return at;
        }

        int emptyTable() {
            Table t = table(0);
            end(t);
            return t.start;
        }

        private void align(int bytes) {
            while (buf.position() % bytes != 0) {
                ensure(1);
                buf.put((byte) 0);
            }
        }

        private void ensure(int more) {
            if (buf.remaining() < more) {
                ByteBuffer bigger = ByteBuffer.allocate(Math.max(buf.capacity() * 2, buf.position() + more))
                        .order(ByteOrder.LITTLE_ENDIAN);
                buf.flip();
                bigger.put(buf);
                buf = bigger;
            }
        }

        byte[] bytes() {
            byte[] out = new byte[buf.position()];
            buf.duplicate().flip().get(out);
            return out;
        }
    }
}
