#!/usr/bin/env bash
# Why ligands were missed: reads an `evaluate --csv` file (one ligand per protein, as in
# pdbbind-timesplit363) and sorts each sparsepocket protein whose ligand is not found by DCA within
# the top n+2 into one of four kinds. THRESHOLD is the pocket threshold the evaluation ran with.
#   usage: tools/miss-breakdown.sh EVAL.csv THRESHOLD
set -euo pipefail
[[ $# -eq 2 ]] || { echo "usage: $0 EVAL.csv THRESHOLD" >&2; exit 2; }
awk -F, -v thr="$2" '
NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
$col["tool"] != "sparsepocket" { next }
{
    proteins++
    if ($col["ligands"] != 1) { multi++; next }
    rank = $col["dca_best_ranks"] + 0; near = $col["dca_nearest"]; site = $col["site_max_score"]
    if (rank >= 1 && rank <= 3) { found++; next }
    if (rank > 3) kind = "found at any rank, but below rank n+2 (ranking)"
    else if (site == "" || site + 0 < thr) kind = "no site atom reaches the threshold (network)"
    else if (near != "inf" && near + 0 <= 8) kind = "nearest pocket centre 4-8 A away (segmentation/centre)"
    else kind = "site atoms pass the threshold, no pocket centre within 8 A (clustering)"
    count[kind]++; ids[kind] = ids[kind] " " $col["protein"]
}
END {
    printf "%d proteins, %d found within n+2 (%.1f %%)", proteins, found, 100 * found / proteins
    if (multi) printf ", %d with more than one ligand skipped", multi
    printf "\n"
    for (k in count) printf "%4d  %5.1f %%  %s:%s\n", count[k], 100 * count[k] / proteins, k, ids[k]
}' "$1" | sort -k1,1nr
