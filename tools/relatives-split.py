#!/usr/bin/env python3
"""Splits per-protein evaluation results by whether a protein's family (training/folds.tsv) has members in the
shipped model's training sets (scpdb995, dude102), so a model that trained on relatives can be compared with
out-of-fold predictions on the proteins it never saw the family of.

  tools/relatives-split.py training/folds.tsv pdbbind-timesplit363 NAME=per-protein.csv [NAME=per-protein.csv ...]

The CSVs are `evaluate --csv` / `cv-evaluate --csv` outputs on proteins of the given set; only proteins present
in every CSV are counted. Prints DCA top-n and top-(n+2) per group and file."""
import collections
import csv
import sys

if len(sys.argv) < 4:
    sys.exit(__doc__)
folds, dataset, named = sys.argv[1], sys.argv[2], sys.argv[3:]
family, sets_of = {}, collections.defaultdict(set)
for line in open(folds):
    if line.startswith('#') or not line.strip():
        continue
    complex_, _, fam = line.rstrip('\n').split('\t')
    s, i = complex_.split('/')
    family[(s, i)] = fam
    sets_of[fam].add(s)
results = {}
for arg in named:
    name, path = arg.split('=', 1)
    results[name] = {r['protein']: r for r in csv.DictReader(open(path))}
common = set.intersection(*(set(r) for r in results.values()))
groups = collections.defaultdict(list)
for p in sorted(common):
    related = bool(sets_of[family[(dataset, p)]] & {'scpdb995', 'dude102'})
    groups['family has scpdb995/dude102 members' if related else 'family only in ' + dataset].append(p)
for g, ps in sorted(groups.items()):
    cells = []
    for name, r in results.items():
        top_n = 100 * sum(float(r[p]['dca_top_n']) for p in ps) / len(ps)
        top_n2 = 100 * sum(float(r[p]['dca_top_n2']) for p in ps) / len(ps)
        cells.append(f"{name} {top_n:.1f} / {top_n2:.1f} %")
    print(f"{g} ({len(ps)} proteins): " + "; ".join(cells))
