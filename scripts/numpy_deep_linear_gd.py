"""Full-batch gradient descent on a deep linear network in NumPy, written as runs theorycheck checks.

The task is experiments/deep-linear/synthetic-small.yaml's: 4 inputs, 5 outputs, singular values 3, 2, 1, 0.5,
Sigma11 = I; the network 4-3-5 from a decoupled balanced start of composite strength u0 = 1e-3 per mode; eq 1
with lambda = 0.01 for 800 steps, recorded every 10. The singular vectors here are NumPy's own, not
theorycheck's: with Sigma11 = I and a decoupled start, the mode strengths do not depend on them (Saxe et al.
2014, eq 5), so only the singular values must be the experiment's.

    python3 scripts/numpy_deep_linear_gd.py runs/numpy-gd
    java -jar target/theorycheck.jar verify docs/examples/numpy-deep-linear-gd.yaml
"""

import os
import sys

import numpy as np

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from theorycheck_runs import DeepLinearRun, deep_linear_modes  # noqa: E402

SINGULAR_VALUES = [3, 2, 1, 0.5]
HIDDEN = 3
U0 = 1e-3
RATE = 0.01
STEPS = 800
RECORD_EVERY = 10


def main(directory):
    task = np.random.default_rng(7)
    u, _ = np.linalg.qr(task.standard_normal((5, 4)))
    v, _ = np.linalg.qr(task.standard_normal((4, 4)))
    x = np.eye(4)
    y = u @ np.diag(SINGULAR_VALUES) @ v.T @ x
    left, _, right = (np.array(m) for m in deep_linear_modes(y @ x.T))
    for seed in (1, 2, 3):
        frame, _ = np.linalg.qr(np.random.default_rng(seed).standard_normal((HIDDEN, HIDDEN)))
        a = np.sqrt(U0) * np.eye(HIDDEN)
        w1 = frame @ a @ right[:, :HIDDEN].T
        w2 = left[:, :HIDDEN] @ a @ frame.T
        run = DeepLinearRun(os.path.join(directory, f"seed-{seed}"), left, right, modes=[1, 2, 3, 4])
        for t in range(STEPS + 1):
            if t % RECORD_EVERY == 0 or t == STEPS:
                w = w2 @ w1
                run.record(t, w, float(np.sum((y - w @ x) ** 2)))
            error = (y - w2 @ w1 @ x) @ x.T
            w1, w2 = w1 + RATE * w2.T @ error, w2 + RATE * error @ w1.T
        run.write()


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "runs/numpy-gd")
