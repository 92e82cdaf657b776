"""Train the YZ model of Scan and Snap on Syn-Small in PyTorch and write each seed's run for theorycheck.

The model and its training are those of experiments/scan-and-snap/syn-small.yaml (paper Sec. 1, Fig. 4
left): a class n drawn uniformly, T-1 = 127 contextual tokens i.i.d. from P(.|n) and the query token psi(n);
attention a_l proportional to (count of l) exp(z_{psi(n), l}); f = a / |a|; logits Y^T f; cross-entropy on
the next token; SGD with momentum 0.9 on Y and Z from zero, both at rate 1, batch 128, 100 steps, the state
recorded every 2 steps. Each seed's files go to OUT/seed-<n>/ (see docs/runs-scan-and-snap.md):

    python3 scripts/pytorch_yz_syn_small.py --out runs/pytorch-syn-small --seeds 1 2 3

then check claims on them with ``rung: external`` and ``runs: runs/pytorch-syn-small`` (README, "Check your
own runs").
"""

import argparse

import torch

from theorycheck_runs import ScanSnapRun, scan_and_snap_classes

# experiments/scan-and-snap/syn-small.yaml
DATA = dict(queries=2, next_per_query=1, common=10, common_per_query=0, distinct_per_next=10, common_weight=1.0,
            distinct_weights=(0.1, 1.0), context=127)
TRAIN = dict(momentum=0.9, eta_z=1.0, eta_ratio=1.0, batch=128, steps=100, record_every=2)


def train(seed, out):
    torch.manual_seed(seed)
    classes = scan_and_snap_classes(**DATA)
    p = torch.tensor(classes["probabilities"], dtype=torch.float64)
    query = torch.tensor(classes["query_token"])
    target = torch.tensor(classes["next_token"])
    k, m = p.shape
    y = torch.zeros(m, m, dtype=torch.float64, requires_grad=True)
    z = torch.zeros(m, m, dtype=torch.float64, requires_grad=True)
    rate = TRAIN["eta_z"]
    optimise_y = torch.optim.SGD([y], lr=TRAIN["eta_ratio"] * rate, momentum=TRAIN["momentum"])
    optimise_z = torch.optim.SGD([z], lr=rate, momentum=TRAIN["momentum"])
    row_sums_y, row_sums_z = y.detach().sum(1).clone(), z.detach().sum(1).clone()
    run = ScanSnapRun(f"{out}/seed-{seed}", p, yz_model=True)

    def record(step, loss):
        with torch.no_grad():
            run.record(step, loss, z[query],
                       row_sum_drift_y=(y.sum(1) - row_sums_y).abs().max(),
                       row_sum_drift_z=(z.sum(1) - row_sums_z).abs().max())

    for step in range(1, TRAIN["steps"] + 1):
        n = torch.randint(k, (TRAIN["batch"],))
        tokens = torch.multinomial(p[n], DATA["context"], replacement=True)
        counts = torch.zeros(TRAIN["batch"], m, dtype=torch.float64).scatter_add_(1, tokens, torch.ones_like(tokens,
                                                                                                          dtype=torch.float64))
        attention = torch.softmax(z[query[n]] + counts.log(), dim=1)
        f = attention / attention.norm(dim=1, keepdim=True)
        loss = torch.nn.functional.cross_entropy(f @ y, target[n])
        if step == 1:
            record(0, loss)  # theorycheck's convention: the loss at step s is that of update s, at step 0 of update 1
        optimise_y.zero_grad()
        optimise_z.zero_grad()
        loss.backward()
        optimise_y.step()
        optimise_z.step()
        if step % TRAIN["record_every"] == 0 or step == TRAIN["steps"]:
            record(step, loss)
    run.write()


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", required=True, help="directory that receives seed-<n>/ for each seed")
    parser.add_argument("--seeds", type=int, nargs="+", default=[1, 2, 3])
    args = parser.parse_args()
    for seed in args.seeds:
        train(seed, args.out)
        print(f"seed {seed}: {args.out}/seed-{seed}")


if __name__ == "__main__":
    main()
