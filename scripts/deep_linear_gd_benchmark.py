#!/usr/bin/env python3
"""One full-batch gd step (eq 1) of the deep-linear theory on Fig 3's task, N1 = 32, N2 = 32, N3 = 1000,
with Sigma11 = I, in NumPy and in PyTorch, on one thread: the loop of the Java benchmark
org.theorycheck.bench.DeepLinearGdStep (the gd rung's GdRung.steps), operation for operation:

    W_tot = W32 W21;  E = Sigma31 - W_tot;  check that sum(E) is finite
    G21 = W32^T E;    G32 = E W21^T;        W21 += rate G21;  W32 += rate G32

6 N1 N2 N3 = 6.144 Mflop per step. For benchmarks only (experiments/BENCHMARKS.md); never used by tests.
Run with one thread for every library:

    OMP_NUM_THREADS=1 OPENBLAS_NUM_THREADS=1 MKL_NUM_THREADS=1 python3 scripts/deep_linear_gd_benchmark.py [steps] [repeats]
"""
import math
import os
import platform
import sys
import time

import numpy as np

FLOPS = 6.0 * 32 * 32 * 1000


def hierarchical_task(rng, levels=5, features=1000, flip=0.1):
    """Sigma31 (features x items) of the Fig 3 generator: a binary tree per feature, signs flipped w.p. flip."""
    items = 2 ** levels
    y = np.empty((items, features))
    for f in range(features):
        tree = np.empty(2 * items)
        tree[1] = 1.0 if rng.random() < 0.5 else -1.0
        for node in range(2, 2 * items):
            tree[node] = -tree[node // 2] if rng.random() < flip else tree[node // 2]
        y[:, f] = tree[items:]
    return y.T.copy()  # one-hot inputs: Sigma31 = Y^T


def numpy_steps(s31, w21, w32, rate, steps):
    for _ in range(steps):
        e = s31 - w32 @ w21
        if not math.isfinite(e.sum()):
            raise ArithmeticError("diverged")
        g21 = w32.T @ e
        g32 = e @ w21.T
        w21 += rate * g21
        w32 += rate * g32


def torch_steps(torch, s31, w21, w32, rate, steps):
    with torch.no_grad():
        for _ in range(steps):
            e = s31 - w32 @ w21
            if not math.isfinite(e.sum().item()):
                raise ArithmeticError("diverged")
            g21 = w32.T @ e
            g32 = e @ w21.T
            w21.add_(g21, alpha=rate)
            w32.add_(g32, alpha=rate)


def time_it(label, run, steps, repeats):
    run(steps)  # warm-up
    per_step = []
    for _ in range(repeats):
        c0 = time.thread_time()
        run(steps)
        per_step.append((time.thread_time() - c0) / steps * 1e6)
    per_step.sort()
    median = per_step[len(per_step) // 2]
    print(f"{label}: thread CPU median {median:.1f} us (min {per_step[0]:.1f}, max {per_step[-1]:.1f});"
          f" {FLOPS / median / 1e3:.2f} Gflop/s at the median; {repeats} repeats of {steps} steps")


def main():
    steps = int(sys.argv[1]) if len(sys.argv) > 1 else 1000
    repeats = int(sys.argv[2]) if len(sys.argv) > 2 else 9
    rng = np.random.default_rng(1)
    s31 = hierarchical_task(rng)
    w21 = 1e-3 * rng.standard_normal((32, 32))
    w32 = 1e-3 * rng.standard_normal((1000, 32))
    rate = 0.5e-3
    print(f"python {platform.python_version()}, numpy {np.__version__}, OMP_NUM_THREADS={os.environ.get('OMP_NUM_THREADS')}")
    time_it("numpy gd step 32x32x1000", lambda n: numpy_steps(s31, w21, w32, rate, n), steps, repeats)
    try:
        import torch
    except ImportError:
        print("torch: not installed")
        return
    torch.set_num_threads(1)
    t31, t21, t32 = (torch.tensor(a, dtype=torch.float64) for a in (s31, w21, w32))
    print(f"torch {torch.__version__}, threads {torch.get_num_threads()}")
    time_it("torch gd step 32x32x1000", lambda n: torch_steps(torch, t31, t21, t32, rate, n), steps, repeats)


if __name__ == "__main__":
    main()
