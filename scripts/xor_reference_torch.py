#!/usr/bin/env python3
"""XOR-AND-XOR with SHARCS in PyTorch, following ../shared/reference/sharcs-method.md.

A measuring instrument, not part of the product: it answers "what does the reference's
procedure give on this machine, over many seeds?", so that sharcs' numbers (protocol
`reference`) can be compared with the method itself rather than with one published five-seed
mean. It is written from the method document (sections 1.1, 2.1, 2.2, 3, 5.1, 5.4), with
PyTorch's own layers where the reference uses them (BatchNorm1d, gumbel_softmax, Adam,
BCEWithLogitsLoss, PairwiseDistance) and a dense GCN equal to PyG's GCNConv on these 10-node
graphs (PyG is not installable offline). Reference behaviour throughout: two Adam steps per
batch, accuracies measured every epoch in training mode (updating the batch-norm running
statistics, test data included), Gumbel noise on at evaluation, retrieval banks from the
analysis subset (a random 10% of train plus the first 10% of test). With --protocol clean it
mirrors sharcs' clean protocol instead: one Adam step per batch, accuracies after training in
eval mode, each node's Gumbel sample replaced by its expectation softmax(logits) at evaluation,
banks from the whole training split.

Needs Debian's python3-torch and python3-networkx. Usage:
  /usr/bin/python3 scripts/xor_reference_torch.py --seeds 0 4 13 23 42 [--jobs 2] [--protocol clean]
Prints one JSON line per seed and the means.
"""
import argparse
import json
import math
import random
import statistics
import sys
from concurrent.futures import ProcessPoolExecutor

import networkx as nx
import numpy as np
import torch
import torch.nn as nn
import torch.nn.functional as F

N_NODES = 10


def cycle_block(bit, first, size):
    """Edges of one block: a cycle with self-loops and both directions when bit, else self-loops."""
    src, dst = [], []
    for i in range(size):
        src.append(first + i)
        dst.append(first + i)
        if bit:
            src += [first + i, first + i]
            dst += [first + (i + 1) % size, first + (i - 1) % size]
    return src, dst


def random_edges(src, dst, p=0.2):
    """PyG add_random_edge(p, force_undirected=True): round(p*E) candidate pairs, src < dst kept."""
    count = round(len(src) * p)
    row = torch.randint(0, N_NODES, (count,))
    col = torch.randint(0, N_NODES, (count,))
    keep = row < col
    row, col = row[keep].tolist(), col[keep].tolist()
    return src + row + col, dst + col + row


def build_graph(bit_four, bit_six):
    a_src, a_dst = cycle_block(bit_four, 0, 4)
    b_src, b_dst = cycle_block(bit_six, 4, 6)
    src, dst = a_src + b_src, a_dst + b_dst
    if bit_four and bit_six:
        u, v = random.randint(0, 3), random.randint(4, 9)
        src += [u, v]
        dst += [v, u]
    return src, dst


def features_and_adjacency(src, dst):
    src, dst = random_edges(src, dst)
    g = nx.DiGraph()
    g.add_nodes_from(range(N_NODES))
    g.add_edges_from(zip(src, dst))
    between = nx.betweenness_centrality(g)
    x = np.array([[between[i]] for i in range(N_NODES)], dtype=np.float32)
    # GCNConv's gcn_norm with add_remaining_self_loops: one unit self-loop per node, other
    # duplicate edges counted with their multiplicity, A[t][s] = number of edges s -> t.
    a = np.eye(N_NODES)
    for s, t in zip(src, dst):
        if s != t:
            a[t, s] += 1
    deg = a.sum(1)
    inv = 1 / np.sqrt(deg)
    a_hat = (inv[:, None] * a * inv[None, :]).astype(np.float32)
    return x, a_hat


def make_dataset(n):
    data = []
    for _ in range(n):
        f1 = 1 if random.random() > 0.5 else 0
        f2 = 1 if random.random() > 0.5 else 0
        f3 = 1 if random.random() > 0.5 else 0
        graph = build_graph(f2, f3)
        table_graph = build_graph(f2, f1)
        x, a = features_and_adjacency(*graph)
        x_aux, a_aux = features_and_adjacency(*table_graph)
        r = lambda: random.randint(0, 1)
        table = [r(), f1, r(), r(), f2, r()]
        graph_as_table = [r(), f3, r(), r(), f2, r()]
        y = int((f1 ^ f2) and (f2 ^ f3))
        data.append(dict(x=x, a=a, x_aux=x_aux, a_aux=a_aux,
                         table=np.array(table, np.float32),
                         table_aux=np.array(graph_as_table, np.float32),
                         keys=(f1, f2, f3), y=y))
    return data


def collate(rows):
    def stack(key):
        return torch.from_numpy(np.stack([r[key] for r in rows]))
    return dict(x=stack("x"), a=stack("a"), x_aux=stack("x_aux"), a_aux=stack("a_aux"),
                table=stack("table"), table_aux=stack("table_aux"),
                keys=[r["keys"] for r in rows], y=torch.tensor([r["y"] for r in rows]))


class DenseGcn(nn.Module):
    """GCNConv on dense normalised adjacency: A_hat (X W) + b; Glorot weight, zero bias."""

    def __init__(self, n_in, n_out):
        super().__init__()
        self.weight = nn.Parameter(torch.empty(n_in, n_out))
        self.bias = nn.Parameter(torch.zeros(n_out))
        nn.init.xavier_uniform_(self.weight)

    def forward(self, x, a):
        return a @ (x @ self.weight) + self.bias


def mlp(n_in, hidden, n_out):
    return nn.Sequential(nn.Linear(n_in, hidden), nn.ReLU(), nn.Linear(hidden, n_out))


class Sharcs(nn.Module):
    def __init__(self, k=7, hidden=30, expected_concepts=False):
        super().__init__()
        self.expected_concepts = expected_concepts
        sizes = [1, hidden, hidden, hidden, hidden, k]
        self.gcn = nn.ModuleList(DenseGcn(i, o) for i, o in zip(sizes, sizes[1:]))
        self.bn_graph = nn.BatchNorm1d(k, affine=False)
        self.bn_table = nn.BatchNorm1d(k, affine=False)
        self.bn_shared = nn.BatchNorm1d(k, affine=False)
        self.table = mlp(6, hidden, k)
        self.h_graph = mlp(k, k, k)
        self.h_table = mlp(k, k, k)
        self.f = mlp(2 * k, 10, 2)

    def graph_projection(self, x, a):
        for layer in self.gcn:
            x = F.leaky_relu(layer(x, a))
        if self.expected_concepts and not self.training:
            x = F.softmax(x, -1)  # the expectation of the hard sample
        else:
            x = F.gumbel_softmax(x, tau=1, hard=True)  # in eval mode too, as the reference
        c = torch.sigmoid(5 * self.bn_graph(x.sum(1)))
        return self.h_graph(c)

    def table_projection(self, t):
        return self.h_table(torch.sigmoid(5 * self.bn_table(self.table(t))))

    def shared(self, first, second):
        s = torch.sigmoid(5 * self.bn_shared(torch.cat((first, second), 0)))
        return s[: len(first)], s[len(first):]

    def forward(self, b):
        s_graph, s_table = self.shared(self.graph_projection(b["x"], b["a"]),
                                       self.table_projection(b["table"]))
        return s_graph, s_table, self.f(torch.cat((s_graph, s_table), -1))


def distance(s_table, s_graph, keys, probability=0.1):
    """For each table row, with probability p, the first unused graph row with the same content."""
    tab_rows, graph_rows = [], []
    for i in range(len(keys)):
        if random.random() < probability:
            for j in range(len(keys)):
                if keys[i][0] == keys[j][2] and keys[i][1] == keys[j][1] and j not in graph_rows:
                    tab_rows.append(i)
                    graph_rows.append(j)
                    break
    if not tab_rows:
        return None
    return nn.PairwiseDistance(p=2)(s_table[tab_rows], s_graph[graph_rows]).mean()


def batches(data, size, shuffle):
    order = torch.randperm(len(data)).tolist() if shuffle else list(range(len(data)))
    return [collate([data[i] for i in order[s:s + size]]) for s in range(0, len(order), size)]


def accuracy(model, data, size, shuffle):
    correct = 0
    with torch.no_grad():
        for b in batches(data, size, shuffle):
            correct += int((model(b)[2].argmax(1) == b["y"]).sum())
    return correct / len(data)


def nearest(queries, bank):
    return bank[torch.cdist(queries, bank).argmin(1)]


def run(seed, clean=False, epochs=150):
    torch.set_num_threads(1)
    random.seed(seed)
    np.random.seed(seed)
    torch.manual_seed(seed)
    data = make_dataset(1000)
    train, test = data[:800], data[800:]
    model = Sharcs(expected_concepts=clean)
    optimiser = torch.optim.Adam(model.parameters(), lr=1e-3)
    criterion = nn.BCEWithLogitsLoss()
    for _ in range(epochs):
        model.train()
        for b in batches(train, 64, True):
            optimiser.zero_grad()
            s_graph, s_table, out = model(b)
            loss = criterion(out, F.one_hot(b["y"], 2).float())
            d = distance(s_table, s_graph, b["keys"])
            if d is not None:
                loss = loss + 0.1 * d
            loss.backward()
            optimiser.step()
            if not clean:
                optimiser.step()
        if not clean:
            train_acc = accuracy(model, train, 64, True)  # training mode, as the reference
            test_acc = accuracy(model, test, 64, False)
        model.eval()
    if clean:
        train_acc = accuracy(model, train, 64, False)
        test_acc = accuracy(model, test, 64, False)
    with torch.no_grad():
        if clean:
            subset = train
        else:
            subset = [train[i] for i in torch.randperm(800)[:80].tolist()] + test[:20]
        bank_graph, bank_table, _ = model(collate(subset))
        correct_graph = correct_table = 0
        for s in range(0, 200, 20):
            b = collate(test[s:s + 20])
            own_table, query = model.shared(model.table_projection(b["table"]),
                                            model.table_projection(b["table_aux"]))
            out = model.f(torch.cat((nearest(query, bank_graph), own_table), -1))
            correct_graph += int((out.argmax(1) == b["y"]).sum())
            own_graph, query = model.shared(model.graph_projection(b["x"], b["a"]),
                                            model.graph_projection(b["x_aux"], b["a_aux"]))
            out = model.f(torch.cat((own_graph, nearest(query, bank_table)), -1))
            correct_table += int((out.argmax(1) == b["y"]).sum())
    return dict(seed=seed, train=train_acc, test=test_acc,
                missing_graph=correct_graph / 200, missing_table=correct_table / 200)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--seeds", type=int, nargs="+", default=[0, 4, 13, 23, 42])
    parser.add_argument("--jobs", type=int, default=2)
    parser.add_argument("--protocol", choices=["reference", "clean"], default="reference")
    parser.add_argument("--epochs", type=int, default=150)
    args = parser.parse_args()
    with ProcessPoolExecutor(args.jobs) as pool:
        clean = [args.protocol == "clean"] * len(args.seeds)
        results = list(pool.map(run, args.seeds, clean,
                                [args.epochs] * len(args.seeds)))
    for r in results:
        print(json.dumps(r))
    for key in ("test", "missing_graph", "missing_table"):
        values = [r[key] for r in results]
        sd = statistics.stdev(values) if len(values) > 1 else math.nan
        print(f"{key}: mean {statistics.mean(values):.3f} sd {sd:.3f} n {len(values)}")
    sys.stdout.flush()


if __name__ == "__main__":
    main()
