#!/usr/bin/env bash
# Runs fpocket on every protein of a dataset exactly as SparsePocket's loader reads it, so that
# `sparsepocket evaluate --tool fpocket --predictions OUT` compares both tools on the same atoms.
#
# usage: tools/run-fpocket.sh DATASET OUT [FPOCKET]
#   DATASET  dataset folder or file (as for `sparsepocket evaluate`)
#   OUT      output folder (keep it outside the repository), gets input/ID.pdb and ID_out/
#   FPOCKET  fpocket binary (default: $FPOCKET, else `fpocket` on the PATH)
# Resumable: proteins whose ID_out/ exists are skipped. Runs one fpocket at a time, niced.
set -euo pipefail
if [ $# -lt 2 ]; then
    sed -n '2,9p' "$0" >&2
    exit 2
fi
dataset=$1
out=$2
fpocket=${3:-${FPOCKET:-fpocket}}
if ! command -v "$fpocket" >/dev/null 2>&1; then
    echo "run-fpocket: fpocket not found ('$fpocket'): install it (Debian: apt-get install fpocket) or build it from github.com/Discngine/fpocket and pass its path" >&2
    exit 1
fi
root=$(cd "$(dirname "$0")/.." && pwd)
launcher=${SPARSEPOCKET:-$root/sparsepocket}
mkdir -p "$out/input" "$out/logs"
"$launcher" evaluate "$dataset" --export-proteins "$out/input"
failed=0
total=$(find "$out/input" -maxdepth 1 -name '*.pdb' | wc -l)
n=0
for pdb in "$out"/input/*.pdb; do
    id=$(basename "$pdb" .pdb)
    n=$((n + 1))
    if [ -d "$out/${id}_out" ]; then
        continue
    fi
    # fpocket writes ID_out/ next to its input; move it up so OUT holds ID_out/ per protein.
    if nice -n 19 "$fpocket" -f "$pdb" >"$out/logs/$id.log" 2>&1 && [ -d "$out/input/${id}_out" ]; then
        mv "$out/input/${id}_out" "$out/${id}_out"
    else
        echo "run-fpocket: fpocket failed on $id (see $out/logs/$id.log)" >&2
        failed=$((failed + 1))
    fi
    if [ $((n % 25)) -eq 0 ] || [ "$n" -eq "$total" ]; then
        echo "run-fpocket: $n/$total" >&2
    fi
done
echo "run-fpocket: done, $failed failed; evaluate with: sparsepocket evaluate $dataset --tool fpocket --predictions $out" >&2
[ "$failed" -eq 0 ]
