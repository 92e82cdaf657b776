#!/usr/bin/env bash
# Benchmark of the engines on the Fig. 6 sweep (640 runs): the local engine (target/theorycheck.jar) and
# embedded Spark local[*] (spark/target/theorycheck-spark.jar), each REPS times, interleaved. Prints one
# line per sweep: the load average before it, the sweep's own time (after the engine has started), the
# process's wall time and its CPU time (user). Three workloads: the Fig. 6 grid; the same grid at
# train.steps=1 (the runs cost almost nothing, so what is left is the cost of a task); and a single
# one-step run (the fixed cost: JVM, Spark context, first job). Checks that the outputs are identical.
# Build first: mvn -q -DskipTests install && mvn -q -f spark/pom.xml -DskipTests package
set -euo pipefail
cd "$(dirname "$0")/.."
reps=${REPS:-3}
out=out/bench-engines
rm -rf "$out"
grid=experiments/scan-and-snap/fig6-syn-medium.yaml
one="data.queries=1 train.eta_z=1 train.eta_ratio=1 seeds=1 train.steps=1"
for rep in $(seq "$reps"); do
    for engine in local spark; do
        if [ "$engine" = local ]; then jar=target/theorycheck.jar; flags=""; else jar=spark/target/theorycheck-spark.jar; flags="--engine spark"; fi
        for workload in fig6 trivial one; do
            case $workload in fig6) extra="" ;; trivial) extra="train.steps=1" ;; one) extra=$one ;; esac
            load=$(cut -d' ' -f1 /proc/loadavg)
            # shellcheck disable=SC2086
            result=$( { /usr/bin/time -f "TIME %e %U" java -jar "$jar" sweep "$grid" $extra $flags --out "$out/$workload-$engine-$rep"; } 2>&1 | grep -v WARN )
            sweep=$(sed -n 's/.* in \([0-9.]*\) s on.*/\1/p' <<<"$result")
            read -r wall cpu < <(awk '/^TIME/{print $2, $3}' <<<"$result")
            printf '%-8s %-6s rep %d  load %5s  sweep %6s s  wall %6s s  cpu %6s s\n' "$workload" "$engine" "$rep" "$load" "$sweep" "$wall" "$cpu"
        done
    done
done
for rep in $(seq "$reps"); do
    for f in runs.csv summary.csv; do
        cmp -s "$out/fig6-local-1/$f" "$out/fig6-spark-$rep/$f" && echo "$f: Spark rep $rep identical to local" || echo "$f: Spark rep $rep DIFFERS"
    done
done
