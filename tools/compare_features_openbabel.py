#!/usr/bin/python3
"""Compare SparsePocket's residue-template features (CDK) with Open Babel's, computed the way the
published PUResNetV2 featurizer does (pybel: element classes, hyb, heavydegree, heterodegree,
partialcharge = Gasteiger, and the five SMARTS), on the same template molecules.

Input: the JSON of `sparsepocket feature-table --json` (templates with atoms, bonds, features).
Output: a Markdown report on stdout (per-feature agreement and every disagreement).
Needs Debian's python3-openbabel (`apt-get install -y openbabel python3-openbabel`); run with
/usr/bin/python3. See tools/compare-features-openbabel.sh for the whole pipeline.
"""
import json
import sys
from collections import defaultdict

from openbabel import pybel

pybel.ob.obErrorLog.StopLogging()

METALS = set([3, 4, 11, 12, 13] + list(range(19, 32)) + list(range(37, 51))
             + list(range(55, 84)) + list(range(87, 104)))
CLASSES = {5: 0, 6: 1, 7: 2, 8: 3, 15: 4, 16: 5, 34: 6, 9: 7, 17: 7, 35: 7, 53: 7}
SMARTS = [
    '[#6+0!$(*~[#7,#8,F]),SH0+0v2,s+0,S^3,Cl+0,Br+0,I+0]',
    '[a]',
    '[!$([#1,#6,F,Cl,Br,I,o,s,nX3,#7v5,#15v5,#16v4,#16v6,*+1,*+2,*+3])]',
    '[!$([#6,H0,-,-2,-3]),$([!H0;#7,#8,#9])]',
    '[r]',
]
PATTERNS = [pybel.Smarts(s) for s in SMARTS]
CHARGE_TOLERANCE = 0.02


def molfile(template):
    """An MDL V2000 molfile of the template (no coordinates: every feature is a graph property)."""
    atoms = template['atoms']
    index = {a['name']: i + 1 for i, a in enumerate(atoms)}
    lines = [template['code'], '  sparsepocket', '',
             '%3d%3d  0  0  0  0  0  0  0  0999 V2000' % (len(atoms), len(template['bonds']))]
    for a in atoms:
        lines.append('    0.0000    0.0000    0.0000 %-3s 0  0  0  0  0  0  0  0  0  0  0  0' % a['element'])
    for a1, a2, order in template['bonds']:
        lines.append('%3d%3d%3d  0  0  0  0' % (index[a1], index[a2], order))
    charged = [(index[a['name']], a['charge']) for a in atoms if a['charge'] != 0]
    for k in range(0, len(charged), 8):
        chunk = charged[k:k + 8]
        lines.append('M  CHG%3d' % len(chunk) + ''.join('%4d%4d' % c for c in chunk))
    lines.append('M  END')
    return '\n'.join(lines) + '\n'


def openbabel_features(template):
    """Heavy-atom features as the published featurizer computes them, keyed by atom name."""
    mol = pybel.readstring('sdf', molfile(template))
    flags = [set(i - 1 for (i,) in p.findall(mol)) for p in PATTERNS]
    names = [a['name'] for a in template['atoms']]
    out = {}
    for i, atom in enumerate(mol.atoms):
        if atom.atomicnum <= 1:
            continue
        f = [0.0] * 18
        z = atom.atomicnum
        if z in CLASSES:
            f[CLASSES[z]] = 1.0
        elif z in METALS:
            f[8] = 1.0
        f[9] = atom.hyb
        f[10] = atom.heavydegree
        f[11] = atom.heterodegree
        f[12] = atom.partialcharge
        for p in range(5):
            f[13 + p] = 1.0 if i in flags[p] else 0.0
        out[names[i]] = f
    return out


def main():
    table = json.load(open(sys.argv[1]) if len(sys.argv) > 1 else sys.stdin)
    names = table['featureNames']
    total = 0
    agree = defaultdict(int)
    differences = defaultdict(list)
    charge_diffs = []
    charge_diffs_no_se = []
    for template in table['templates']:
        ob = openbabel_features(template)
        for atom, ours in template['features'].items():
            theirs = ob[atom]
            total += 1
            for k, name in enumerate(names):
                if k == 12:
                    d = abs(ours[k] - theirs[k])
                    charge_diffs.append(d)
                    if not any(a['element'] == 'Se' for a in template['atoms']):
                        charge_diffs_no_se.append(d)
                    same = d <= CHARGE_TOLERANCE
                else:
                    same = ours[k] == theirs[k]
                if same:
                    agree[name] += 1
                else:
                    differences[name].append((template['code'], atom, ours[k], theirs[k]))
    print('Template heavy atoms compared: %d (%d templates)\n' % (total, len(table['templates'])))
    print('| feature | agreement | disagreeing atoms |')
    print('|---|---|---|')
    for name in names:
        print('| %s | %.1f%% (%d/%d) | %d |' % (name, 100.0 * agree[name] / total, agree[name], total,
                                              len(differences[name])))
    print('\nThe partial charge agrees when |ours - Open Babel| <= %.2f.\n' % CHARGE_TOLERANCE)
    for label, diffs in (('all templates', charge_diffs),
                         ('templates without Se (Open Babel has no Se parameters and leaves such '
                          'molecules at 0)', charge_diffs_no_se)):
        diffs.sort()
        print('- |ours - Open Babel| over %s: mean %.4f, median %.4f, 95th percentile %.4f, max %.4f' % (
            label, sum(diffs) / len(diffs), diffs[len(diffs) // 2], diffs[int(0.95 * (len(diffs) - 1))],
            diffs[-1]))
    for name in names:
        if not differences[name]:
            continue
        print('\n### %s: %d disagreements (ours = SparsePocket, OB = Open Babel)\n' % (name, len(differences[name])))
        for code, atom, ours, theirs in differences[name]:
            if name == 'partial_charge':
                print('- %s %s: ours %.3f, OB %.3f' % (code, atom, ours, theirs))
            else:
                print('- %s %s: ours %g, OB %g' % (code, atom, ours, theirs))


if __name__ == '__main__':
    main()
