#!/usr/bin/env bash
# Trains (or resumes) one cross-validation run on one core: fold0 .. fold3 (fold K held out) or all (the
# all-data model). The run folder is training/cv/NAME in this repository, so a run survives a new machine
# through git: commit its folder (checkpoint.sptk, run.json, learning_curve.csv) when a session ends, and the
# same command on a fresh clone resumes from the committed checkpoint. Recipe and commands: docs/cross-validation.md.
# A suffix -sN trains a second, independent model of the same fold with seed N (run folder training/cv/foldK-sN),
# the other member of a per-fold ensemble; without it the seed is 1.
#
#   tools/cv-train.sh fold0 [DATA]        DATA defaults to ../shared/data
#   tools/cv-train.sh fold0-s3 [DATA]
set -euo pipefail
root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
name="${1:?usage: tools/cv-train.sh fold0|fold1|fold2|fold3|all[-sSEED] [DATA]}"
data="${2:-$root/../shared/data}"
seed=1
[[ "$name" =~ ^(.*)-s([0-9]+)$ ]] && seed="${BASH_REMATCH[2]}"
base="${name%-s[0-9]*}"
case "$base" in
    fold[0-3]) which=(--holdout "${base#fold}") ;;
    all) which=(--all-folds --limit-validation 100) ;;
    *) echo "cv-train: $name: expected fold0, fold1, fold2, fold3 or all, optionally with -sSEED" >&2; exit 1 ;;
esac
[[ -d "$data/scpdb995" ]] || { echo "cv-train: $data: no scpdb995 folder (pass the data folder)" >&2; exit 1; }
run="$root/training/cv/$name"
resume=()
[[ -f "$run/checkpoint.sptk" ]] && resume=(--resume)
mkdir -p "$run"
# One core per run: PyTorch intra-op and inter-op threads and OpenMP all at one, so two runs share 2 cores.
export OMP_NUM_THREADS=1
export SPARSEPOCKET_JAVA_OPTS="-Xmx6g -Dai.djl.pytorch.num_threads=1 -Dai.djl.pytorch.num_interop_threads=1 ${SPARSEPOCKET_JAVA_OPTS:-}"
exec "$root/sparsepocket" train --data "$data" --folds "$root/training/folds.tsv" "${which[@]}" --last-epoch \
    --run "$run" --width 0.5 --batch 8 --cosine --epochs 16 --checkpoint-every 25 --seed "$seed" --featurize-threads 1 \
    "${resume[@]}"
