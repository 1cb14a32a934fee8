#!/usr/bin/env python3
"""Splits a complex set (ID_protein.pdbqt.gz + ID_ligand.pdbqt.gz) into two halves that share no protein
family, for measuring how well settings tuned on one half carry over to the other.

Family: proteins with a pair of chains (>= 20 residues, sequence from the CA atoms) whose difflib
similarity ratio is >= 0.5 are joined (single linkage, transitively). Families are dealt, largest first,
to whichever half is smaller. Deterministic. Writes OUT/halfA.txt and OUT/halfB.txt as `evaluate`/`tune`
dataset files ('PROTEIN LIGAND' per line, absolute paths) and prints the family sizes.

usage: tools/family-halves.py DATASET_DIR OUT_DIR     (about 2 minutes for the 363 validation complexes)
"""
import collections
import difflib
import glob
import gzip
import os
import sys

AMINO = {'ALA': 'A', 'ARG': 'R', 'ASN': 'N', 'ASP': 'D', 'CYS': 'C', 'GLN': 'Q', 'GLU': 'E', 'GLY': 'G',
         'HIS': 'H', 'ILE': 'I', 'LEU': 'L', 'LYS': 'K', 'MET': 'M', 'PHE': 'F', 'PRO': 'P', 'SER': 'S',
         'THR': 'T', 'TRP': 'W', 'TYR': 'Y', 'VAL': 'V'}


def chain_sequences(path):
    chains = collections.OrderedDict()
    with gzip.open(path, 'rt') as f:
        for line in f:
            if line.startswith('ATOM') and line[12:16].strip() == 'CA':
                chains.setdefault(line[21], []).append(AMINO.get(line[17:20], 'X'))
    return [''.join(c) for c in chains.values() if len(c) >= 20]


def similar(s, t):
    m = difflib.SequenceMatcher(None, s, t, autojunk=False)
    # the quick upper bounds skip most pairs before the full ratio
    return m.real_quick_ratio() >= 0.5 and m.quick_ratio() >= 0.5 and m.ratio() >= 0.5


def main(dataset, out):
    dataset = os.path.abspath(dataset)
    seqs = {os.path.basename(p).split('_')[0]: chain_sequences(p)
            for p in sorted(glob.glob(os.path.join(dataset, '*_protein.pdbqt.gz')))}
    ids = list(seqs)
    parent = {i: i for i in ids}

    def root(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for a, x in enumerate(ids):
        for y in ids[a + 1:]:
            if root(x) != root(y) and any(similar(s, t) for s in seqs[x] for t in seqs[y]):
                parent[root(x)] = root(y)
    families = collections.defaultdict(list)
    for i in ids:
        families[root(i)].append(i)
    halves = ([], [])
    for family in sorted(families.values(), key=len, reverse=True):
        (halves[0] if len(halves[0]) <= len(halves[1]) else halves[1]).extend(family)
    os.makedirs(out, exist_ok=True)
    for name, half in zip('AB', halves):
        with open(os.path.join(out, f'half{name}.txt'), 'w') as f:
            for p in sorted(half):
                f.write(f'{dataset}/{p}_protein.pdbqt.gz {dataset}/{p}_ligand.pdbqt.gz\n')
    sizes = sorted((len(f) for f in families.values()), reverse=True)
    print(f'{len(ids)} complexes, {len(sizes)} families (largest: {sizes[:10]}); '
          f'halves of {len(halves[0])} and {len(halves[1])}')


if __name__ == '__main__':
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    main(sys.argv[1], sys.argv[2])
