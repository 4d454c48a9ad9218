// The original notebook's reads, in polars (nodejs-polars 0.25.2 = polars 0.54): both files whole,
// one epoch at a time, the pixel columns of a digit. Prints one JSON line for the Java test to check.
const pl = require("nodejs-polars");
const dir = process.argv[2];
const label = process.argv[3];

const digits = pl.readParquet(`${dir}/digits.parquet`);
const epochs = pl.readParquet(`${dir}/epochs.parquet`);
const last = epochs.getColumn("epoch").max();
const final = epochs.filter(pl.col("epoch").eq(last)).sort("index");
const features = digits.drop(label);
const perLabel = final.groupBy(label).agg(pl.col("index").count().alias("n")).sort(label);

console.log(JSON.stringify({
  digitsRows: digits.height,
  labelType: String(digits.getColumn(label).dtype),
  features: features.width,
  firstRowSum: features.row(0).reduce((a, b) => a + b, 0),
  epochs: epochs.getColumn("epoch").nUnique(),
  lastEpoch: last,
  finalRows: final.height,
  finalMeanX: final.getColumn("x").mean(),
  finalY42: final.getColumn("y").get(42),
  labels: perLabel.getColumn(label).toArray(),
  counts: perLabel.getColumn("n").toArray(),
}));
