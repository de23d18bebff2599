#!/bin/bash
# Submits the shard array, then the merge to run once every shard succeeded.
set -euo pipefail
cd "$(dirname "$0")/../.."
mkdir -p out/slurm
array=$(sbatch --parsable deploy/slurm/shards.sbatch)
sbatch --dependency="afterok:${array}" deploy/slurm/merge.sbatch
