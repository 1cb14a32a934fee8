#!/usr/bin/env bash
# Opens the PyMOL script of a `sparsepocket predict` output folder in headless PyMOL (from another
# working directory) and checks what it built against pockets.csv and residues.csv: no command reports an
# error, the structure is loaded whole, each pocket selection holds exactly the atoms of its residues,
# pockets have distinct colours unlike the rest, and each centre sphere sits at the pocket centre.
# Usage: tools/check-pml.sh OUTPUT_DIR   (e.g. results/1fbl; exit 0 = all good, 1 = a problem, 2 = usage)
set -euo pipefail

[[ $# -eq 1 && -d "$1" ]] || { echo "usage: $0 OUTPUT_DIR (a folder written by sparsepocket predict)" >&2; exit 2; }
dir="$(cd "$1" && pwd)"
pmls=("$dir"/*.pml)
[[ ${#pmls[@]} -eq 1 && -f "${pmls[0]}" ]] || { echo "check-pml: expected one .pml in $dir" >&2; exit 2; }
pymol="$(command -v pymol)" || { echo "check-pml: pymol is not on PATH (apt-get install pymol)" >&2; exit 2; }
# Debian's pymol wrapper runs the first python3 on PATH; the one beside it has the pymol module.
PATH="$(dirname "$pymol"):$PATH"

check="$(mktemp --suffix=.py)"
trap 'rm -f "$check"' EXIT
cat > "$check" <<'PY'
import csv, glob, os, re
from pymol import cmd
d = os.environ["SP_CHECK_DIR"]
fail = []
residues = list(csv.DictReader(open(os.path.join(d, "residues.csv"))))
pockets = list(csv.DictReader(open(os.path.join(d, "pockets.csv"))))
atoms_of = {(r["complex"], r["residue"]): int(r["atom_count"]) for r in residues}
several = len({r["complex"] for r in residues}) > 1
def stem(name):
    s = re.sub(r"[^A-Za-z0-9._-]", "_", name)
    return "_" + s if s == "" or s.startswith(".") else s
def colour_of(sel):
    found = set()
    cmd.iterate(sel, "found.add(color)", space={"found": found})
    return sorted(tuple(round(v, 3) for v in cmd.get_color_tuple(c)) for c in found)
names = ["%spocket%s" % (stem(p["complex"]) + "_" if several else "", p["rank"]) for p in pockets]
structures = [o for o in cmd.get_names("objects") if not o.endswith("_center")]
pdb = glob.glob(os.path.join(d, "*_probabilities.pdb"))[0]
pdb_atoms = sum(1 for l in open(pdb) if l.startswith(("ATOM", "HETATM")))
if len(structures) != 1 or cmd.count_atoms(structures[0]) != pdb_atoms:
    fail.append("structure: objects %s, expected one with the %d atoms of %s" % (structures, pdb_atoms, os.path.basename(pdb)))
obj = structures[0] if structures else "none"
all_pockets = " or ".join("%" + n for n in names) or "none"
rest = colour_of("%s and not (%s)" % (obj, all_pockets))
seen = []
for k, (p, n) in enumerate(zip(pockets, names)):
    expected = sum(atoms_of[(p["complex"], r)] for r in p["residues"].split())
    later = " or ".join("%" + m for m in names[k + 1:]) or "none"
    got = cmd.count_atoms(n) if n in cmd.get_names("selections") else -1
    colours = colour_of("%s and not (%s)" % (n, later)) if got > 0 else []
    centre = cmd.get_coords(n + "_center") if n + "_center" in cmd.get_names("objects") else None
    problems = []
    if got != expected:
        problems.append("%d atoms selected, %s residues hold %d" % (got, p["residue_count"], expected))
    if len(colours) != 1 or colours[0] in rest or (len(names) <= 18 and colours[0] in seen):
        problems.append("colours %s (rest %s, earlier pockets %s)" % (colours, rest, seen))
    if centre is None or max(abs(a - float(p["center_" + c])) for a, c in zip(centre[0], "xyz")) > 0.01:
        problems.append("centre sphere missing or misplaced")
    if colours and centre is not None and colour_of(n + "_center") != colours:
        problems.append("centre sphere coloured %s" % colour_of(n + "_center"))
    seen += colours
    print("%s %s: %d atoms in %s residues (pocket atoms %s), colour %s" % (
        "FAIL" if problems else "ok  ", n, got, p["residue_count"], p["atom_count"], colours[0] if colours else "?"))
    fail += ["%s: %s" % (n, x) for x in problems]
print("rest of %s: colour %s" % (obj, rest))
for f in fail:
    print("FAIL " + f)
print("CHECK %s" % ("FAILED" if fail else "PASSED"))
PY

rc=0
log="$(cd / && SP_CHECK_DIR="$dir" timeout 60 "$pymol" -cq "${pmls[0]}" "$check" 2>&1)" || rc=$?
if [[ $rc -ne 0 ]]; then
    echo "$log"
    echo "check-pml: pymol failed (exit $rc)" >&2
    exit 1
fi
# PyMOL reports a failed command on stdout and still exits 0.
errors="$(grep -iE 'error|traceback|exception|invalid|unknown command' <<<"$log" || true)"
grep -vE '^(PyMOL>| (Executive|Selector|Color|Setting|ObjMol|CmdLoad):)' <<<"$log" || true
if [[ -n "$errors" ]]; then
    echo "check-pml: PyMOL reported errors in ${pmls[0]}:" >&2
    echo "$errors" >&2
    exit 1
fi
grep -q '^CHECK PASSED$' <<<"$log" || exit 1
