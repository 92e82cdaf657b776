#!/usr/bin/env python3
# The transformer rung's model and training step written in Python PyTorch, for the throughput
# comparison in experiments/BENCHMARKS.md. Same computation as org.theorycheck.transformer: token
# embedding times sqrt(d), one post-norm encoder layer with the attention written out, the last layer
# read out at the query position only, query mask (the query sees the context, not itself), SGD with
# momentum 0.9 over the same three parameter groups, Syn-Small's classes and sizes. Prints the median
# wall time of one training step and of a whole 100-step run (with the Java run's observations every
# second step: effective logits and a forward pass over 16 evaluation samples per class).
#
#   OMP_NUM_THREADS=1 /usr/bin/python3 scripts/transformer_benchmark.py [--threads N]
import argparse
import math
import statistics
import time

import torch


def syn_classes(queries, next_per_query, common=10, distinct=10, w_lo=0.1, w_hi=1.0, w_c=1.0):
    """Vocabulary layout and P(l|n) of the synthetic family (paper file 1.3), C_q = 0."""
    k = queries * next_per_query
    m = common + k * distinct + queries + k
    probs, query_token, next_token = [], [], []
    weights = [w_lo + (w_hi - w_lo) * i / (distinct - 1) for i in range(distinct)]
    for n in range(k):
        p = torch.zeros(m, dtype=torch.float64)
        p[:common] = w_c
        p[common + n * distinct: common + (n + 1) * distinct] = torch.tensor(weights, dtype=torch.float64)
        probs.append(p / p.sum())
        q = n // next_per_query
        query_token.append(common + k * distinct + q)
        next_token.append(common + k * distinct + queries + n)
    return m, torch.stack(probs), torch.tensor(query_token), torch.tensor(next_token)


class Model(torch.nn.Module):
    def __init__(self, v, d, hidden, init_range=0.1):
        super().__init__()
        self.d = d
        self.encoder = torch.nn.Embedding(v, d)
        self.q = torch.nn.Linear(d, d)
        self.k = torch.nn.Linear(d, d)
        self.v = torch.nn.Linear(d, d)
        self.o = torch.nn.Linear(d, d)
        bound = math.sqrt(6.0 / (4 * d))
        for lin in (self.q, self.k, self.v):
            torch.nn.init.uniform_(lin.weight, -bound, bound)
            torch.nn.init.zeros_(lin.bias)
        torch.nn.init.zeros_(self.o.bias)
        self.linear1 = torch.nn.Linear(d, hidden)
        self.linear2 = torch.nn.Linear(hidden, d)
        self.norm1 = torch.nn.LayerNorm(d)
        self.norm2 = torch.nn.LayerNorm(d)
        self.decoder = torch.nn.Linear(d, v)
        torch.nn.init.uniform_(self.encoder.weight, -init_range, init_range)
        torch.nn.init.uniform_(self.decoder.weight, -init_range, init_range)
        torch.nn.init.zeros_(self.decoder.bias)

    def forward_at_query(self, tokens, mask_row):
        x = self.encoder(tokens) * math.sqrt(self.d)
        last = x[:, -1:, :]
        q = self.q(last)
        k = self.k(x)
        v = self.v(x)
        p = torch.softmax(q @ k.transpose(1, 2) / math.sqrt(self.d) + mask_row, dim=-1)
        y = self.norm1(last + self.o(p @ v))
        y = self.norm2(y + self.linear2(torch.relu(self.linear1(y))))
        return self.decoder(y)[:, 0, :], p

    def effective_logits(self):
        u = self.encoder.weight * math.sqrt(self.d)
        return (self.q(u) @ self.k(u).T) / math.sqrt(self.d)


def make_transformer_run(queries, next_per_query, d, context, batch, eta, seed):
    m, probs, query_token, next_token = syn_classes(queries, next_per_query)
    model = Model(m, d, d)
    groups = [{"params": [model.q.weight, model.q.bias, model.k.weight, model.k.bias], "lr": eta},
              {"params": list(model.linear1.parameters()) + list(model.linear2.parameters()), "lr": eta},
              {"params": [p for name, p in model.named_parameters()
                          if not name.startswith(("q.", "k.", "linear1.", "linear2."))], "lr": eta}]
    opt = torch.optim.SGD(groups, lr=eta, momentum=0.9)
    return training(model, opt, m, probs, query_token, next_token, context, batch)


def training(model, opt, m, probs, query_token, next_token, context, batch):
    length = context + 1
    mask_row = torch.zeros(1, length)
    mask_row[0, -1] = -1e9
    k = probs.shape[0]

    def sample(size, classes=None):
        n = torch.randint(k, (size,)) if classes is None else classes
        ctx = torch.multinomial(probs[n], context, replacement=True)
        return torch.cat([ctx, query_token[n].unsqueeze(1)], dim=1), next_token[n]

    evaluation, _ = sample(16 * k, torch.arange(k).repeat_interleave(16))

    def step():
        tokens, targets = sample(batch)
        logits, _ = model.forward_at_query(tokens, mask_row)
        loss = torch.nn.functional.cross_entropy(logits, targets)
        opt.zero_grad()
        loss.backward()
        opt.step()
        return loss.item()

    def observe():
        with torch.no_grad():
            model.effective_logits()
            model.forward_at_query(evaluation, mask_row)[1].mean(0).tolist()

    return step, observe


class LadderModel(torch.nn.Module):
    """A step of the transformer's ladder (README, "The ladder upward"), as rung VARIANT computes it:
    no-residual: no feed-forward, l2 normalisation instead of layer norm, no residual stream (decoder bias,
    value/output projections, learned embeddings and factored logits kept); one-hot: also no decoder bias,
    identity value/output, one-hot embeddings (width M), factored logits; torch-yz: the YZ model (a free Z)."""

    def __init__(self, variant, v, d, init_range=0.1):
        super().__init__()
        self.variant = variant
        self.v = v
        one_hot = variant in ("one-hot", "torch-yz")
        self.d = v if one_hot else d
        d = self.d
        if not one_hot:
            self.encoder = torch.nn.Embedding(v, d)
            torch.nn.init.uniform_(self.encoder.weight, -init_range, init_range)
            self.vproj = torch.nn.Linear(d, d)
            self.oproj = torch.nn.Linear(d, d)
        if variant == "torch-yz":
            self.z = torch.nn.Parameter(torch.empty(v, v).uniform_(-1 / math.sqrt(v), 1 / math.sqrt(v)))
        else:
            self.q = torch.nn.Linear(d, d)
            self.k = torch.nn.Linear(d, d)
        self.decoder = torch.nn.Linear(d, v, bias=not one_hot)

    def embed(self, tokens):
        if self.variant in ("one-hot", "torch-yz"):
            return torch.nn.functional.one_hot(tokens, self.v).float()
        return self.encoder(tokens) * math.sqrt(self.d)

    def forward_at_query(self, tokens, mask_row):
        x = self.embed(tokens)
        if self.variant == "torch-yz":
            logits = self.z[tokens[:, -1]].unsqueeze(1) @ x.transpose(1, 2)
        else:
            logits = self.q(x[:, -1:, :]) @ self.k(x).transpose(1, 2) / math.sqrt(self.d)
        p = torch.softmax(logits + mask_row, dim=-1)
        a = p @ (self.vproj(x) if self.variant == "no-residual" else x)
        if self.variant == "no-residual":
            a = self.oproj(a)
        f = a / a.norm(dim=-1, keepdim=True)
        return self.decoder(f)[:, 0, :], p

    def effective_logits(self):
        if self.variant == "torch-yz":
            return self.z.detach()
        u = torch.eye(self.v) if self.variant == "one-hot" else self.encoder.weight * math.sqrt(self.d)
        return (self.q(u) @ self.k(u).T) / math.sqrt(self.d)


def make_run(queries, next_per_query, d, context, batch=128, eta=0.1, seed=1, variant=None):
    torch.manual_seed(seed)
    m, probs, query_token, next_token = syn_classes(queries, next_per_query)
    if variant is not None:
        model = LadderModel(variant, m, d)
        attention = [p for name, p in model.named_parameters() if name.startswith(("q.", "k.", "z"))]
        rest = [p for name, p in model.named_parameters() if not name.startswith(("q.", "k.", "z"))]
        opt = torch.optim.SGD([{"params": attention, "lr": eta}, {"params": rest, "lr": eta}], lr=eta, momentum=0.9)
        return training(model, opt, m, probs, query_token, next_token, context, batch)
    return make_transformer_run(queries, next_per_query, d, context, batch, eta, seed)


def median_ms(work, repeat):
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1e3)
    return statistics.median(times), min(times), max(times)


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--threads", type=int, default=1)
    ap.add_argument("--repeat", type=int, default=10)
    ap.add_argument("--ladder", action="store_true", help="time steps of the transformer's ladder at Syn-Medium size")
    args = ap.parse_args()
    torch.set_num_threads(args.threads)
    torch.set_num_interop_threads(1)
    print(f"torch {torch.__version__}, intra-op threads {torch.get_num_threads()}")

    def whole_run():
        step, observe = make_run(2, 1, 32, 127)
        observe()
        for s in range(1, 101):
            step()
            if s % 2 == 0:
                observe()

    if args.ladder:
        for q in (1, 10):
            for variant in ("transformer", "no-residual", "one-hot", "torch-yz"):
                step, _ = make_run(q, 2, 32, 127, variant=None if variant == "transformer" else variant)
                for _ in range(30):
                    step()
                print("%-42s median %8.2f ms  (min %.2f, max %.2f)"
                      % ((f"one step, {variant}, data.queries={q} next_per_query=2",) + median_ms(step, 10 * args.repeat)))
        return

    whole_run()
    print("transformer Syn-Small, 100 steps          median %8.1f ms  (min %.1f, max %.1f)" % median_ms(whole_run, args.repeat))

    def one_step(label, queries, next_per_query, d, context):
        step, _ = make_run(queries, next_per_query, d, context)
        for _ in range(30):
            step()
        print("%-42s median %8.2f ms  (min %.2f, max %.2f)" % ((label,) + median_ms(step, 10 * args.repeat)))

    one_step("one step, Syn-Small (M=34, emsize 32, T=128)", 2, 1, 32, 127)
    for q in (1, 3, 10):
        one_step(f"one step, data.queries={q} next_per_query=2", q, 2, 32, 127)
    for d in (16, 64, 128):
        one_step(f"one step, emsize=hidden={d}", 2, 1, d, 127)
    for c in (31, 63, 255):
        one_step(f"one step, T-1={c}", 2, 1, 32, c)


if __name__ == "__main__":
    main()
