#!/usr/bin/env python3
"""Peer reference: the convolutional DSSM (CLSM) of Shen et al. (2014), "A latent semantic model with
convolutional-pooling structure for information retrieval", written the way a PyTorch user would. Prints
training and encoding throughput on synthetic batches, for side-by-side comparison with `dssm bench train
--model cdssm` (same workload, same argument style as peer_dssm_torch.py).

Workload (keep identical to the project's benchmark):
  vocab 30000 letter-trigrams; every text is `words` words, each word `nnz` trigram ids drawn from a Zipf law
  (--zipf 1.0), weight 1: the word's letter-trigram vector.
  Tower: a 3-word window (zero-padded at the ends) convolution to 300 features with tanh, max pooling over the
  windows, 300 -> 128 with tanh; separate query and doc towers.
  Batch B queries, each with 1 clicked doc and J sampled docs (B*(1+J) docs a step through the doc tower);
  loss = softmax CE over gamma * cosine (gamma 10); Adam lr 1e-3.

The convolution: W_c maps the concatenated letter-trigram vectors of words t-1, t, t+1 (3 x 30000 sparse
dims) to 300. With sparse input that is one EmbeddingBag of width 3*300 per word (slice k = W_c's block
for window offset k), and the window sum of the three shifted slices — what nn.Conv1d would compute on the
dense 90000-dim input, without building it.
"""
import argparse, time, torch, torch.nn as nn, torch.nn.functional as F

p = argparse.ArgumentParser()
p.add_argument("--vocab", type=int, default=30000)
p.add_argument("--batch", type=int, default=256)
p.add_argument("--negatives", type=int, default=4)
p.add_argument("--words", type=int, default=10, help="words per text")
p.add_argument("--nnz", type=int, default=5, help="letter-trigram ids per word")
p.add_argument("--window", type=int, default=3)
p.add_argument("--conv", type=int, default=300)
p.add_argument("--steps", type=int, default=30)
p.add_argument("--warmup", type=int, default=5)
p.add_argument("--encode-calls", type=int, default=10, help="timed encoding calls of 4,096 texts")
p.add_argument("--gamma", type=float, default=10.0)
p.add_argument("--threads", type=int, default=2)
p.add_argument("--zipf", type=float, default=1.0, help="trigram ids drawn with P(rank r) ~ 1/r^zipf (0 = uniform), as in real text")
p.add_argument("--sparse", action="store_true", help="sparse EmbeddingBag gradients with SparseAdam for the convolution weights")
a = p.parse_args()
torch.set_num_threads(a.threads)
torch.manual_seed(0)

class Tower(nn.Module):
    def __init__(s, v):
        super().__init__()
        s.conv = nn.EmbeddingBag(v, a.window * a.conv, mode="sum", sparse=a.sparse)   # W_c, one block per window offset
        s.conv_bias = nn.Parameter(torch.zeros(a.conv))
        s.semantic = nn.Linear(a.conv, 128)
    def forward(s, idx, off, n):
        L, w, C = a.words, a.window, a.conv
        e = s.conv(idx, off).view(n, L, w, C)                         # word t's contribution at each window offset
        e = F.pad(e, (0, 0, 0, 0, w // 2, w - 1 - w // 2))            # zero words before the first and after the last
        h = sum(e[:, k:k + L, k] for k in range(w)) + s.conv_bias     # (n, L, C): window centred on word t
        v = torch.tanh(h).max(dim=1).values                           # max pooling over the L windows
        return torch.tanh(s.semantic(v))                              # (n, 128)

q_tower, d_tower = Tower(a.vocab), Tower(a.vocab)
params = list(q_tower.parameters()) + list(d_tower.parameters())
if a.sparse:
    emb = [q_tower.conv.weight, d_tower.conv.weight]
    dense = [p for p in params if all(p is not e for e in emb)]
    opts = [torch.optim.SparseAdam(emb, lr=1e-3), torch.optim.Adam(dense, lr=1e-3)]
else:
    opts = [torch.optim.Adam(params, lr=1e-3)]

weights = 1.0 / torch.arange(1, a.vocab + 1, dtype=torch.float64) ** a.zipf
def batch(n):                                                         # n texts: n * words bags of nnz ids
    idx = torch.multinomial(weights, n * a.words * a.nnz, replacement=True)
    off = torch.arange(0, n * a.words * a.nnz, a.nnz)
    return idx, off, n

J1 = 1 + a.negatives
pool = [(batch(a.batch), batch(a.batch * J1)) for _ in range(8)]
target = torch.zeros(a.batch, dtype=torch.long)

def step(i):
    qb, db = pool[i % len(pool)]
    q = q_tower(*qb)                                                  # B x 128
    d = d_tower(*db).view(a.batch, J1, 128)                           # B x (1+J) x 128, doc 0 is the clicked one
    cos = F.cosine_similarity(q.unsqueeze(1), d, dim=-1)
    loss = F.cross_entropy(a.gamma * cos, target)
    for o in opts: o.zero_grad()
    loss.backward()
    for o in opts: o.step()
    return loss.item()

for i in range(a.warmup): step(i)
t = time.perf_counter()
for i in range(a.steps): step(i)
dt = time.perf_counter() - t
train_qps = a.steps * a.batch / dt

with torch.no_grad():
    texts = batch(4096)
    for _ in range(3): d_tower(*texts)
    t = time.perf_counter(); n = a.encode_calls
    for _ in range(n): d_tower(*texts)
    enc = n * 4096 / (time.perf_counter() - t)

print(f"torch {torch.__version__} threads {torch.get_num_threads()} sparse {a.sparse} batch {a.batch} words {a.words} nnz {a.nnz}")
print(f"train_queries_per_s {train_qps:.0f}  (each with 1+{a.negatives} docs)")
print(f"encode_texts_per_s {enc:.0f}")
