package org.umapanim.dataset;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import org.apache.parquet.bytes.ByteBufferInputStream;
import org.apache.parquet.bytes.BytesUtils;
import org.apache.parquet.column.ColumnDescriptor;
import org.apache.parquet.column.Dictionary;
import org.apache.parquet.column.Encoding;
import org.apache.parquet.column.ValuesType;
import org.apache.parquet.column.page.DataPage;
import org.apache.parquet.column.page.DataPageV1;
import org.apache.parquet.column.page.DataPageV2;
import org.apache.parquet.column.page.DictionaryPage;
import org.apache.parquet.column.page.PageReader;
import org.apache.parquet.column.values.ValuesReader;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.schema.PrimitiveType;

/**
 * Walks the values of one column chunk page by page, straight from Parquet's value decoders; for a
 * list column each value also carries its repetition level (0 where a row starts).
 * Parquet's general {@code ColumnReader} costs about 80 ns a value on a 784-column table; decoding
 * a page's dictionary ids at once and looking them up in a table decoded once per chunk is several
 * times faster.
 * Pages are decoded as parquet-column's own {@code ColumnReaderBase} does (V1: levels then values
 * in one buffer; V2: levels in their own RLE buffers).
 */
public final class ParquetColumnCursor {
    private final ColumnDescriptor column;
    private final PageReader pages;
    private final Dictionary dictionary;
    private final int maxDefinition;
    private final int maxRepetition;
    private ValuesReader values;
    /** The current page's values when they are plain floats with no nulls, read straight from its bytes. */
    private ByteBuffer plainFloats;
    /** Definition levels decoded by Parquet itself (only for the old BIT_PACKED level encoding). */
    private ValuesReader definitionsV1;
    /** The current page's definition levels, decoded at once; {@link #levelAt} is the next one. */
    private int[] levels;
    private int levelAt;
    /** The current page's repetition levels (list columns only), decoded at once, and the current value's levels. */
    private int[] repetitions;
    private int repetitionAt;
    private int definition;
    private int repetition;
    private boolean pageUsesDictionary;
    private int leftInPage;
    /** The current page's dictionary ids, decoded at once; {@link #idAt} is the next one. */
    private int[] ids = new int[0];
    private int idAt;

    public ParquetColumnCursor(ColumnDescriptor column, PageReader pages) {
        this.column = column;
        this.pages = pages;
        this.maxDefinition = column.getMaxDefinitionLevel();
        this.maxRepetition = column.getMaxRepetitionLevel();
        DictionaryPage page = pages.readDictionaryPage();
        try {
            this.dictionary = page == null ? null : page.getEncoding().initDictionary(column, page);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public ColumnDescriptor column() {
        return column;
    }

    /** The chunk's dictionary, or null when it has none. */
    Dictionary dictionary() {
        return dictionary;
    }

    /** Steps to the next value; false when that value is null (and there is nothing to read). */
    public boolean next() {
        if (leftInPage == 0) {
            nextPage();
        }
        leftInPage--;
        if (maxRepetition > 0) {
            repetition = repetitions[repetitionAt++];
        }
        if (maxDefinition == 0) {
            definition = 0;
            return true;
        }
        definition = definitionsV1 != null ? definitionsV1.readInteger() : levels[levelAt++];
        return definition == maxDefinition;
    }

    /** The definition level of the current value: below the maximum, where along its path it is null or empty. */
    public int definition() {
        return definition;
    }

    /** The repetition level of the current value: 0 where a new row starts (list columns). */
    public int repetition() {
        return repetition;
    }

    /** Whether the current value must be read with {@link ValuesReader#readValueDictionaryId()}. */
    boolean usesDictionary() {
        return pageUsesDictionary;
    }

    /** The values of a page that does not use the dictionary, from the current one on. */
    ValuesReader values() {
        if (plainFloats != null) {
            // from here on this page is read through Parquet's reader, which starts at the current value
            values = Encoding.PLAIN.getValuesReader(column, ValuesType.VALUES);
            try {
                values.initFromPage(leftInPage + 1, ByteBufferInputStream.wrap(plainFloats.slice()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            plainFloats = null;
        }
        return values;
    }

    /** The dictionary id of the current value, on a page that {@link #usesDictionary()}. */
    int dictionaryId() {
        return ids[idAt++];
    }

    /** The current value of an INT32 column (after {@link #next()} said it is there). */
    public int intValue() {
        return pageUsesDictionary ? dictionary.decodeToInt(dictionaryId()) : values.readInteger();
    }

    /** The current value of a FLOAT column. */
    public float floatValue() {
        return pageUsesDictionary ? dictionary.decodeToFloat(dictionaryId())
                : plainFloats != null ? plainFloats.getFloat() : values.readFloat();
    }

    /**
     * Reads the next {@code count} values of a FLOAT column into {@code into[at]},
     * {@code into[at + stride]}, …; false when one is null (the rest are then not read). Pages of
     * plain floats without nulls, what our own files hold, are copied straight from their bytes
     * rather than value by value through Parquet's reader.
     */
    public boolean floats(float[] into, int at, int stride, int count) {
        while (count > 0) {
            if (leftInPage == 0) {
                nextPage();
            }
            if (plainFloats != null) {
                int take = Math.min(count, leftInPage);
                ByteBuffer bytes = plainFloats;
                for (int k = 0; k < take; k++, at += stride) {
                    into[at] = bytes.getFloat();
                }
                leftInPage -= take;
                count -= take;
            } else {
                if (!next()) {
                    return false;
                }
                into[at] = floatValue();
                at += stride;
                count--;
            }
        }
        return true;
    }

    /** The current value of a DOUBLE column. */
    public double doubleValue() {
        return pageUsesDictionary ? dictionary.decodeToDouble(dictionaryId()) : values.readDouble();
    }

    /** The current value of a BINARY column. */
    public Binary binaryValue() {
        return pageUsesDictionary ? dictionary.decodeToBinary(dictionaryId()) : values.readBytes();
    }

    private void nextPage() {
        DataPage page = pages.readPage();
        if (page == null) {
            throw new IllegalStateException("column " + column + " has fewer values than the row group's row count");
        }
        leftInPage = page.getValueCount();
        try {
            int width = BytesUtils.getWidthFromMaxInt(maxDefinition);
            if (page instanceof DataPageV1 v1) {
                ByteBufferInputStream in = v1.getBytes().toInputStream();
                if (maxRepetition > 0) {
                    // a V1 page's repetition levels are RLE, as its definition levels: length, then runs
                    int length = in.slice(4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                    repetitions = decodeHybrid(in.slice(length), BytesUtils.getWidthFromMaxInt(maxRepetition),
                            leftInPage, repetitions);
                    repetitionAt = 0;
                } else {
                    v1.getRlEncoding().getValuesReader(column, ValuesType.REPETITION_LEVEL).initFromPage(leftInPage, in);
                }
                definitionsV1 = null;
                if (maxDefinition > 0 && v1.getDlEncoding() == Encoding.RLE) {
                    // RLE levels in a V1 page: a 4-byte little-endian length, then the hybrid runs
                    int length = in.slice(4).order(ByteOrder.LITTLE_ENDIAN).getInt();
                    levels = decodeHybrid(in.slice(length), width, leftInPage, levels);
                    levelAt = 0;
                } else {
                    definitionsV1 = v1.getDlEncoding().getValuesReader(column, ValuesType.DEFINITION_LEVEL);
                    definitionsV1.initFromPage(leftInPage, in);
                }
                startValues(v1.getValueEncoding(), in);
            } else if (page instanceof DataPageV2 v2) {
                definitionsV1 = null;
                if (maxRepetition > 0) {
                    repetitions = decodeHybrid(v2.getRepetitionLevels().toByteBuffer(),
                            BytesUtils.getWidthFromMaxInt(maxRepetition), leftInPage, repetitions);
                    repetitionAt = 0;
                }
                if (maxDefinition > 0) {
                    levels = decodeHybrid(v2.getDefinitionLevels().toByteBuffer(), width, leftInPage, levels);
                    levelAt = 0;
                }
                startValues(v2.getDataEncoding(), v2.getData().toInputStream());
            } else {
                throw new IllegalStateException("unknown page type " + page.getClass().getSimpleName());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void startValues(Encoding encoding, ByteBufferInputStream in) throws IOException {
        pageUsesDictionary = encoding.usesDictionary();
        plainFloats = null;
        if (pageUsesDictionary) {
            if (dictionary == null) {
                throw new IllegalStateException("column " + column + " uses a dictionary but has no dictionary page");
            }
            decodeIds(in.slice(in.available()), leftInPage);
        } else if (encoding == Encoding.PLAIN && maxDefinition == 0
                && column.getPrimitiveType().getPrimitiveTypeName() == PrimitiveType.PrimitiveTypeName.FLOAT) {
            plainFloats = in.slice(4 * leftInPage).order(ByteOrder.LITTLE_ENDIAN);
        } else {
            values = encoding.getValuesReader(column, ValuesType.VALUES);
            values.initFromPage(leftInPage, in);
        }
    }

    /** Decodes a dictionary-encoded data page at once: one byte of bit width, then hybrid runs. */
    private void decodeIds(ByteBuffer buf, int count) {
        int width = buf.get() & 0xFF;
        if (width > 32) {
            throw new IllegalStateException("column " + column + ": dictionary id width " + width + " is over 32 bits");
        }
        ids = decodeHybrid(buf, width, count, ids);
        idAt = 0;
    }

    /**
     * Decodes Parquet's RLE / bit-packing hybrid: runs with a varint header; even: a repeated value
     * in ceil(width/8) bytes, odd: groups of 8 values bit-packed least significant bit first.
     * Stops after {@code count} values or at the end of the data (pages with nulls hold fewer ids).
     */
    static int[] decodeHybrid(ByteBuffer buf, int width, int count, int[] reuse) {
        int[] out = reuse != null && reuse.length >= count ? reuse : new int[count];
        long mask = (1L << width) - 1;
        int n = 0;
        while (n < count && buf.hasRemaining()) {
            int header = readVarInt(buf);
            if ((header & 1) == 0) {
                int run = header >>> 1;
                int value = 0;
                for (int b = 0; b < (width + 7) / 8; b++) {
                    value |= (buf.get() & 0xFF) << (8 * b);
                }
                int end = Math.min(count, n + run);
                java.util.Arrays.fill(out, n, end, value);
                n = end;
            } else {
                int values = (header >>> 1) * 8;
                int pos = buf.position();
                int end = pos + (header >>> 1) * width;
                long bits = 0;
                int held = 0;
                for (int i = 0; i < values && n < count; i++) {
                    while (held < width) {
                        bits |= (long) (buf.get(pos++) & 0xFF) << held;
                        held += 8;
                    }
                    out[n++] = (int) (bits & mask);
                    bits >>>= width;
                    held -= width;
                }
                buf.position(end);
            }
        }
        return out;
    }

    private static int readVarInt(ByteBuffer buf) {
        int value = 0;
        int shift = 0;
        int b;
        do {
            b = buf.get() & 0xFF;
            value |= (b & 0x7F) << shift;
            shift += 7;
        } while ((b & 0x80) != 0);
        return value;
    }
}
