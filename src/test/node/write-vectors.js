// Writes Parquet vector columns as polars users do, for the Java reader to read: a polars Array
// (Arrow FixedSizeList) of float32 and a List of float64, each beside a categorical label.
// Row i's value k is ((7i + 3k) mod 50) / 4 - 3, as the Java test expects.
const pl = require("nodejs-polars");
const [dir, n, d] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];

const rows = [];
for (let i = 0; i < n; i++) {
  rows.push(Array.from({ length: d }, (_, k) => ((7 * i + 3 * k) % 50) / 4 - 3));
}
const species = pl.Series("species", rows.map((_, i) => ["cat", "dog", "bird"][i % 3])).cast(pl.Categorical);
const list32 = pl.Series("emb", rows, pl.List(pl.Float32));
pl.DataFrame([list32.cast(pl.FixedSizeList(pl.Float32, d)), species]).writeParquet(`${dir}/polars-array.parquet`);
pl.DataFrame([pl.Series("emb", rows, pl.List(pl.Float64)), species]).writeParquet(`${dir}/polars-list.parquet`);
