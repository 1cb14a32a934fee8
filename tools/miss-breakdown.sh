#!/usr/bin/env bash
# Why ligands were missed: reads an `evaluate --csv` or `cv-evaluate --csv` file and sorts each sparsepocket
# protein with one ligand whose ligand is not found by DCA within the top RANKS pockets (default 3 = top-(n+2);
# 1 = top-n) into one of five kinds. THRESHOLD is the pocket threshold the evaluation ran with.
#   usage: tools/miss-breakdown.sh EVAL.csv THRESHOLD [RANKS]
set -euo pipefail
[[ $# -eq 2 || $# -eq 3 ]] || { echo "usage: $0 EVAL.csv THRESHOLD [RANKS]" >&2; exit 2; }
awk -F, -v thr="$2" -v ranks="${3:-3}" '
NR == 1 { for (i = 1; i <= NF; i++) col[$i] = i; next }
$col["tool"] != "sparsepocket" { next }
{
    proteins++
    if ($col["ligands"] != 1) { multi++; next }
    rank = $col["dca_best_ranks"] + 0; near = $col["dca_nearest"]; site = $col["site_max_score"]
    if (rank >= 1 && rank <= ranks) { found++; next }
    if (rank > ranks) kind = "found at a lower rank (ranking)"
    else if (site == "" || site + 0 < thr) kind = "no site atom reaches the threshold (network)"
    else if (near != "inf" && near + 0 <= 8) kind = "nearest pocket centre 4-8 A away (centre off the cavity)"
    else if ($col["res_all_tp"] + 0 > 0) kind = "site residues in a pocket centred > 8 A away (merged into a cluster centred elsewhere)"
    else kind = "site atoms pass the threshold but are in no pocket (too few to form one)"
    count[kind]++; ids[kind] = ids[kind] " " $col["protein"]
}
END {
    printf "%d proteins, %d found within the top %d (%.1f %%)", proteins, found, ranks, 100 * found / proteins
    if (multi) printf ", %d with more than one ligand skipped", multi
    printf "\n"
    for (k in count) printf "%4d  %5.1f %%  %s:%s\n", count[k], 100 * count[k] / proteins, k, ids[k]
}' "$1" | sort -k1,1nr
