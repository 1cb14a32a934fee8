#!/usr/bin/env bash
# Continues a finished cross-validation run (tools/cv-train.sh) with a second half-cosine decay: a new run,
# warm-started from training/cv/NAME/model, in training/cv/NAME-c8, on the same folds, one core. The fold
# recipe's 16 epochs trail the shipped model's 25; this adds 8 epochs from lr 4e-4 (docs/cross-validation.md).
# Resumes when the run folder holds a checkpoint; commit the folder when a session ends, as for cv-train.sh.
# The continuation's seed is the first run's plus one (2 for the seed-1 runs, 4 for foldK-s3).
#
#   tools/cv-continue.sh fold0 [DATA]        fold0 .. fold3 or all, optionally -sSEED; DATA defaults to ../shared/data
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name="${1:?usage: tools/cv-continue.sh fold0|fold1|fold2|fold3|all[-sSEED] [DATA]}"
data="${2:-$root/../shared/data}"
seed=2
[[ "$name" =~ ^(.*)-s([0-9]+)$ ]] && seed=$((BASH_REMATCH[2] + 1))
base="${name%-s[0-9]*}"
case "$base" in
    fold[0-3]) which=(--holdout "${base#fold}" --limit-validation 100) ;;
    all) which=(--all-folds --limit-validation 100) ;;
    *) echo "cv-continue: $name: expected fold0, fold1, fold2, fold3 or all, optionally with -sSEED" >&2; exit 1 ;;
esac
[[ -d "$data/scpdb995" ]] || { echo "cv-continue: $data: no scpdb995 folder (pass the data folder)" >&2; exit 1; }
from="$root/training/cv/$name/model"
[[ -f "$from/weights.params" ]] || { echo "cv-continue: $from: no finished model to continue" >&2; exit 1; }
run="$root/training/cv/$name-c8"
start=(--init "$from")
[[ -f "$run/checkpoint.sptk" ]] && start=(--resume)
mkdir -p "$run"
export OMP_NUM_THREADS=1
export SPARSEPOCKET_JAVA_OPTS="-Xmx6g -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 ${SPARSEPOCKET_JAVA_OPTS:-}"
exec "$root/sparsepocket" train --data "$data" --folds "$root/training/folds.tsv" "${which[@]}" --last-epoch \
    --run "$run" --width 0.5 --batch 8 --cosine --epochs 8 --lr 4e-4 --checkpoint-every 25 --seed "$seed" \
    --featurize-threads 1 "${start[@]}"
