#!/usr/bin/env python3
"""Paired comparison of two per-protein CSVs from `sparsepocket evaluate/cv-evaluate --csv` on the same proteins.

Two models scored on the same complexes differ mostly where one finds a ligand and the other does not; the exact
McNemar test (a two-sided sign test on those discordant proteins) says whether such a difference is more than
chance. Used to decide whether an ensemble beats a single model (docs/cross-validation.md).

  tools/compare-oof.py A.csv B.csv [--folds training/folds.tsv --set pdbbind-timesplit363]
"""
import argparse
import csv
import math
import sys


def read(path):
    with open(path, newline="") as f:
        return {row["protein"]: row for row in csv.DictReader(f)}


def mcnemar_p(b, c):
    """Exact two-sided p of b successes in b + c fair coin flips."""
    n = b + c
    if n == 0:
        return 1.0
    k = min(b, c)
    tail = sum(math.comb(n, i) for i in range(k + 1)) / 2 ** n
    return min(1.0, 2 * tail)


def subset(folds, name):
    ids = set()
    with open(folds) as f:
        for line in f:
            first = line.split("\t", 1)[0]
            if first.startswith(name + "/"):
                ids.add(first.split("/", 1)[1])
    if not ids:
        sys.exit(f"compare-oof: {folds}: no protein of set {name}")
    return ids


def main():
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("a")
    ap.add_argument("b")
    ap.add_argument("--folds", help="folds.tsv, to restrict to one data set's proteins")
    ap.add_argument("--set", help="data set name in the folds file, e.g. pdbbind-timesplit363")
    args = ap.parse_args()
    a, b = read(args.a), read(args.b)
    common = sorted(set(a) & set(b))
    if args.set:
        if not args.folds:
            sys.exit("compare-oof: --set needs --folds")
        keep = subset(args.folds, args.set)
        common = [p for p in common if p in keep]
    if not common:
        sys.exit(f"compare-oof: {args.a} and {args.b} share no protein")
    only = len(set(a) ^ set(b))
    print(f"{len(common)} proteins in both" + (f" ({only} in only one, left out)" if only else ""))
    print(f"{'column':<12} {'A':>7} {'B':>7} {'A only':>7} {'B only':>7} {'McNemar p':>10}")
    for col in ("dca_top_n", "dca_top_n2", "dcc_top_n"):
        ha = [int(a[p][col]) > 0 for p in common]
        hb = [int(b[p][col]) > 0 for p in common]
        a_only = sum(x and not y for x, y in zip(ha, hb))
        b_only = sum(y and not x for x, y in zip(ha, hb))
        n = len(common)
        print(f"{col:<12} {100 * sum(ha) / n:6.1f}% {100 * sum(hb) / n:6.1f}% {a_only:>7} {b_only:>7} "
              f"{mcnemar_p(a_only, b_only):>10.3f}")


if __name__ == "__main__":
    main()
