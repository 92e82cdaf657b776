#!/usr/bin/env bash
# One shard of a theorycheck sweep per task of a SLURM job array. From the project's directory:
#
#   sbatch --array=0-15 experiments/slurm-sweep.sh experiments/scan-and-snap/fig6-syn-medium.yaml [KEY=VALUE ...]
#
# Task I of the N = 16 runs every 16th run of the grid from the I-th and journals it in
# out/<name>/shard-I-of-16/runs.journal.csv; a task that is killed or preempted resumes from its
# journal when resubmitted (sbatch --array=I ...). When every task has finished:
#
#   java -jar target/theorycheck.jar sweep experiments/scan-and-snap/fig6-syn-medium.yaml [KEY=VALUE ...] \
#       --merge out/fig6-syn-medium/shard-*-of-16
#
# writes out/fig6-syn-medium/runs.csv and summary.csv, byte-identical to an unsharded sweep.
#SBATCH --job-name=theorycheck-sweep
#SBATCH --cpus-per-task=4
#SBATCH --mem=4G
#SBATCH --time=04:00:00
#SBATCH --output=out/slurm-%A_%a.log
set -euo pipefail
config=${1:?usage: sbatch --array=0-N-1 experiments/slurm-sweep.sh CONFIG [KEY=VALUE ...]}
shift
if [ "${SLURM_ARRAY_TASK_MIN:-0}" != 0 ]; then
    echo "the array must start at 0 (--array=0-N-1); it starts at $SLURM_ARRAY_TASK_MIN" >&2
    exit 2
fi
shards=$((SLURM_ARRAY_TASK_MAX + 1))
exec java -jar target/theorycheck.jar sweep "$config" "$@" \
    --shard "$SLURM_ARRAY_TASK_ID/$shards" --threads "${SLURM_CPUS_PER_TASK:-1}"
