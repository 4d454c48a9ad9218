package org.umapanim.store;

import org.apache.parquet.schema.ColumnOrder;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;

/** Column types our files share. */
final class ParquetTypes {
    private ParquetTypes() {}

    /**
     * A required FLOAT column with the type-defined column order. parquet-java 1.18 declares
     * IEEE_754_TOTAL_ORDER for floats by default, which readers older than 2026 reject outright
     * (polars 0.54: "ColumnOrder union has no variant set"); the type-defined order is what every
     * reader knows, and our min/max statistics hold for it (we write no NaN).
     */
    static PrimitiveType floatColumn(String name) {
        return Types.required(PrimitiveTypeName.FLOAT).columnOrder(ColumnOrder.typeDefined()).named(name);
    }
}
