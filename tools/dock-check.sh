#!/usr/bin/env bash
# End-to-end docking check of the pocket boxes (docs/outputs.md, "Docking check"): predict pockets for
# validation complexes, redock the crystal ligand with AutoDock Vina into the rank-1 box as written
# (and into the best-ranked DCA-hit pocket's box when rank 1 misses), report whether the crystal ligand
# lies inside the box (n+X: an atom X Å outside) and the heavy-atom RMSD of the docked poses to the crystal pose.
# Usage: tools/dock-check.sh [ID...]   (default: every 40th id of pdbbind-timesplit363, sorted)
# Env: DOCK_DIR (work folder, default a new temp folder), EXHAUSTIVENESS (default 8).
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
data="$root/../shared/data/pdbbind-timesplit363"
command -v vina >/dev/null || { echo "dock-check: skipped: vina is not on PATH (apt-get install autodock-vina)"; exit 0; }
[[ -d "$data" ]] || { echo "dock-check: skipped: $data is absent"; exit 0; }

ids=("$@")
[[ ${#ids[@]} -gt 0 ]] || mapfile -t ids < <(ls "$data" | sed -n 's/_protein\.pdbqt\.gz$//p' | sort | awk 'NR % 40 == 1')
work="${DOCK_DIR:-$(mktemp -d /tmp/dock-check.XXXXXX)}"
mkdir -p "$work/in"
inputs=()
for id in "${ids[@]}"; do
    gunzip -c "$data/${id}_protein.pdbqt.gz" > "$work/in/${id}_protein.pdbqt"
    gunzip -c "$data/${id}_ligand.pdbqt.gz" > "$work/in/${id}_ligand.pdbqt"
    inputs+=("$work/in/${id}_protein.pdbqt")
done
"$root/sparsepocket" predict "${inputs[@]}" --out "$work/pred" --quiet > "$work/predict.txt"
echo "# $(vina --version | head -1); work folder $work; exhaustiveness ${EXHAUSTIVENESS:-8}, --cpu 1 --seed 1" >&2

# Python helper: `pick ID` prints the pocket ranks to dock (rank 1, plus the best DCA hit when rank 1
# misses); `row ID RANK` prints one table row from the crystal ligand, the box and Vina's output.
py() {
    python3 - "$work" "$@" <<'PY'
import csv, math, sys, re
work, cmd, pid = sys.argv[1], sys.argv[2], sys.argv[3]
def heavy(path, model=1):
    atoms, m = [], 0
    for line in open(path):
        if line.startswith("MODEL"): m = int(line.split()[1])
        if line.startswith(("ATOM", "HETATM")) and (m in (0, model)):
            if line[77:79].strip() not in ("H", "HD", "HS"):
                atoms.append((line[12:16].strip(), float(line[30:38]), float(line[38:46]), float(line[46:54])))
    return atoms
lig = heavy(f"{work}/in/{pid}_ligand.pdbqt")
rows = list(csv.DictReader(open(f"{work}/pred/{pid}_protein/pockets.csv")))
def dca_hit(r):
    c = [float(r[f"center_{a}"]) for a in "xyz"]
    return any(math.dist(c, a[1:]) <= 4.0 for a in lig)
if cmd == "pick":
    hits = [r["rank"] for r in rows if dca_hit(r)]
    print(" ".join(["1"] + ([hits[0]] if hits and hits[0] != "1" else [])) if rows else "")
    sys.exit()
r = rows[int(sys.argv[4]) - 1]
c = [float(r[f"box_center_{a}"]) for a in "xyz"]
s = [float(r[f"box_size_{a}"]) for a in "xyz"]
out_by = max(abs(a[1 + k] - c[k]) - s[k] / 2 for a in lig for k in range(3))  # > 0: Å outside the box
out = f"{work}/dock/{pid}_pocket{r['rank']}_out.pdbqt"
scores = [float(l.split()[3]) for l in open(out) if l.startswith("REMARK VINA RESULT")]
def rmsd(pose):
    assert [a[0] for a in pose] == [a[0] for a in lig], "atom order differs"
    return math.sqrt(sum(math.dist(p[1:], q[1:]) ** 2 for p, q in zip(pose, lig)) / len(lig))
rms = [rmsd(heavy(out, m)) for m in range(1, len(scores) + 1)]
print(f"{pid:6} {r['rank']:>4} {'DCA' if dca_hit(r) else 'miss':>4} {s[0]:5.1f}x{s[1]:4.1f}x{s[2]:4.1f} "
      f"{len(lig):5} {'y' if out_by <= 0 else f'n+{out_by:.1f}':>7} {scores[0]:7.1f} {rms[0]:7.2f} {min(rms[:9]):8.2f}")
PY
}

mkdir -p "$work/dock"
printf '%-6s %4s %4s %-15s %5s %7s %7s %7s %8s\n' id rank hit "box (Å)" heavy inside score rmsd1 best9
for id in "${ids[@]}"; do
    ranks="$(py pick "$id")"
    [[ -n "$ranks" ]] || { echo "$id: no pockets predicted"; continue; }
    for rank in $ranks; do
        stem="${id}_protein"
        vina --receptor "$work/in/$stem.pdbqt" --ligand "$work/in/${id}_ligand.pdbqt" \
            --config "$work/pred/$stem/${stem}_pocket${rank}_vina.txt" \
            --exhaustiveness "${EXHAUSTIVENESS:-8}" --cpu 1 --seed 1 --num_modes 9 \
            --out "$work/dock/${id}_pocket${rank}_out.pdbqt" > "$work/dock/${id}_pocket${rank}.log" 2>&1 \
            || { echo "$id $rank: vina failed: $(grep -m1 -i error "$work/dock/${id}_pocket${rank}.log")"; continue; }
        py row "$id" "$rank"
    done
done
