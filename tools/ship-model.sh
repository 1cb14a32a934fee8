#!/usr/bin/env bash
# Ships a training run as SparsePocket's bundled model, the way MODEL.md says it was made:
#   1. export the run's best epoch (lowest validation loss) as a model bundle,
#   2. tune the pocket settings on the validation set and write them into the bundle's card,
#   3. copy the bundle into shared-core's resources (the jar's default model).
# Usage: tools/ship-model.sh RUN_DIR [DATA_DIR]   (DATA_DIR defaults to ../shared/data)
# Probabilities of the tuning are cached in RUN_DIR/tune-cache; the tuning table goes to
# RUN_DIR/tune.txt and into the bundle's model-card.md.
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
run="${1:?usage: tools/ship-model.sh RUN_DIR [DATA_DIR]}"
data="${2:-$root/../shared/data}"
dest="$root/shared-core/src/main/resources/org/sparsepocket/model/default"
bundle="$run/ship"

# One intra-op thread per process: the tuning predicts proteins one after another on a shared machine.
export OMP_NUM_THREADS=1 OMP_WAIT_POLICY=PASSIVE
"$root/sparsepocket" train --run "$run" --export-only --export "$bundle"
# The grid: every automatic threshold (0.5-12 % of atoms) and 0.34, DBSCAN radius, minimum size,
# the three probability scorers that led earlier searches plus buried-mean-sqrt-size (the same score
# weighted by the pocket's buriedness, which led on both halves of the validation set; docs/evaluation.md,
# "Ranking with pocket context"), atom-mean centres (weighted never won), and splitting of large pockets
# off / at 80 / at 120 atoms: 1,440 settings, a few minutes on 2 cores.
"$root/sparsepocket" tune "$data/pdbbind-timesplit363" --model "$bundle" --cache "$run/tune-cache" --apply \
    --eps 4,5,6,7 --min-sizes 3,5,8 --scorers sum,max,mean-sqrt-size,buried-mean-sqrt-size --centres mean --split-above 0,80,120 \
    | tee "$run/tune.txt"
mkdir -p "$dest"
cp "$bundle/model.json" "$bundle/weights.params" "$bundle/model-card.md" "$dest/"
echo "shipped $(du -h "$dest/weights.params" | cut -f1) of weights to ${dest#"$root"/}" >&2
