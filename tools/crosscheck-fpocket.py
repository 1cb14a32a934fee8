#!/usr/bin/env python3
"""Independent re-computation of `sparsepocket evaluate --tool fpocket` on a PDBQT dataset folder,
straight from the raw files and the metric definitions in docs/evaluation.md (no project code):
DCA/DCC 4 A success (top-n, top-(n+2), any rank; one ligand per protein) and mean residue
precision/recall/F1/MCC over all pockets. Pure Python 3, no packages.

usage: tools/crosscheck-fpocket.py DATASET_DIR FPOCKET_OUT   (FPOCKET_OUT as made by run-fpocket.sh)
"""
import glob, gzip, math, os, re, sys

data, out = sys.argv[1], sys.argv[2]
ids = sorted(f[:-len('_protein.pdbqt.gz')] for f in os.listdir(data) if f.endswith('_protein.pdbqt.gz'))


def atoms(path):
    """(residue key, xyz) of every heavy atom of a PDB/PDBQT file (AutoDock H types dropped)."""
    opener = gzip.open if path.endswith('.gz') else open
    res = []
    for l in opener(path, 'rt'):
        if l.startswith(('ATOM', 'HETATM')) and l[77:79].strip() not in ('H', 'HD', 'HS'):
            res.append(((l[21].strip(), int(l[22:26]), l[26]), (float(l[30:38]), float(l[38:46]), float(l[46:54]))))
    return res


def mean(points):
    return [sum(p[k] for p in points) / len(points) for k in range(3)]


n = len(ids)
dca = [0, 0, 0]
dcc = [0, 0, 0]
P = R = F1 = M = 0.0
for i in ids:
    lig = [c for _, c in atoms(f'{data}/{i}_ligand.pdbqt.gz')]
    centre = mean(lig)
    verts = glob.glob(f'{out}/{i}_out/pockets/pocket*_vert.pqr')
    verts.sort(key=lambda f: int(re.search(r'pocket(\d+)_vert', f).group(1)))
    best_a = best_c = 0
    for rank, f in enumerate(verts, 1):
        c = mean([(float(l[30:38]), float(l[38:46]), float(l[46:54])) for l in open(f) if l.startswith('ATOM')])
        if not best_a and min(math.dist(c, a) for a in lig) <= 4:
            best_a = rank
        if not best_c and math.dist(c, centre) <= 4:
            best_c = rank
    for counts, best in ((dca, best_a), (dcc, best_c)):
        counts[0] += 1 <= best <= 1
        counts[1] += 1 <= best <= 3
        counts[2] += best >= 1
    prot = atoms(f'{out}/input/{i}.pdb')
    residues = {k for k, _ in prot}
    binding = {k for k, c in prot if any(math.dist(c, a) <= 4 for a in lig)}
    predicted = set()
    for f in glob.glob(f'{out}/{i}_out/pockets/pocket*_atm.pdb'):
        predicted |= {(l[21].strip(), int(l[22:26]), l[26]) for l in open(f) if l.startswith('ATOM')}
    predicted &= residues
    tp, fp, fn = len(predicted & binding), len(predicted - binding), len(binding - predicted)
    tn = len(residues) - tp - fp - fn
    p = tp / (tp + fp) if tp + fp else 0
    r = tp / (tp + fn) if tp + fn else 0
    d = math.sqrt((tp + fp) * (tp + fn) * (tn + fp) * (tn + fn))
    P, R, F1, M = P + p, R + r, F1 + (2 * p * r / (p + r) if p + r else 0), M + ((tp * tn - fp * fn) / d if d else 0)
print(f'proteins {n}')
for name, c in (('DCA', dca), ('DCC', dcc)):
    print(f'{name} top-n {100 * c[0] / n:.1f}%  top-(n+2) {100 * c[1] / n:.1f}%  any rank {100 * c[2] / n:.1f}%')
print(f'residues, all pockets: precision {P / n:.3f} recall {R / n:.3f} F1 {F1 / n:.3f} MCC {M / n:.3f}')
