"""Makes torch_reference.json: PyTorch's outputs and gradients for Thaw's layers.

Made with PyTorch (CPU, float32) by, from the repository root:

    python3 -m venv ~/torchref && ~/torchref/bin/pip install torch
    ~/torchref/bin/python Tests/ThawNNTests/Fixtures/make_fixtures.py

Each case stores the inputs and weights, a random "upstream gradient" r, the output y, and the
gradients of sum(y * r) with respect to every input and weight. Thaw's tests load the same
weights into its own layers and must agree within 1e-4 relative.
"""
import json, math, os
import torch, torch.nn as nn, torch.nn.functional as F

torch.manual_seed(0)
torch.set_num_threads(1)
out = {"torch_version": torch.__version__}


def flat(t):
    return [float(v) for v in t.detach().reshape(-1).tolist()]


def case(module, inputs, extra=None):
    """Runs module(*inputs), back-propagates sum(y * r), and records everything."""
    for x in inputs:
        if x.dtype.is_floating_point:
            x.requires_grad_(True)
    y = module(*inputs)
    r = torch.randn_like(y)
    (y * r).sum().backward()
    rec = {
        "inputs": [{"shape": list(x.shape), "data": flat(x),
                    "grad": flat(x.grad) if x.grad is not None else None} for x in inputs],
        "params": {k: {"shape": list(p.shape), "data": flat(p), "grad": flat(p.grad)}
                   for k, p in module.named_parameters()},
        "r": flat(r), "y_shape": list(y.shape), "y": flat(y),
    }
    rec.update(extra or {})
    return rec


out["linear"] = case(nn.Linear(5, 3), [torch.randn(4, 5)])

ln = nn.LayerNorm(6)
with torch.no_grad():  # non-trivial affine parameters, so their gradients are checked too
    ln.weight.copy_(torch.randn(6)); ln.bias.copy_(torch.randn(6))
out["layernorm"] = case(ln, [torch.randn(4, 6) * 3 + 1])

out["conv2d"] = case(nn.Conv2d(2, 3, 3, padding=1), [torch.randn(2, 2, 5, 5)], {"stride": 1, "padding": 1})
out["conv2d_stride2"] = case(nn.Conv2d(2, 3, 3, stride=2), [torch.randn(2, 2, 7, 7)], {"stride": 2, "padding": 0})


class Block(nn.Module):
    """The pre-LayerNorm block of ../shared/bench/torch_ref.py, with Thaw's parameter names."""
    def __init__(self, d, h):
        super().__init__()
        self.h = h
        self.ln1, self.ln2 = nn.LayerNorm(d), nn.LayerNorm(d)
        self.attn = nn.Module()
        self.attn.q, self.attn.k, self.attn.v, self.attn.o = (nn.Linear(d, d) for _ in range(4))
        self.mlp = nn.Module()
        self.mlp.fc1, self.mlp.fc2 = nn.Linear(d, 4 * d), nn.Linear(4 * d, d)

    def forward(self, x):
        B, T, D = x.shape
        y = self.ln1(x)
        q, k, v = (m(y).view(B, T, self.h, D // self.h).transpose(1, 2) for m in (self.attn.q, self.attn.k, self.attn.v))
        att = (q @ k.transpose(-1, -2)) / math.sqrt(D // self.h)
        mask = torch.triu(torch.ones(T, T, dtype=torch.bool), 1)
        att = att.masked_fill(mask, float("-inf")).softmax(-1)
        y = (att @ v).transpose(1, 2).reshape(B, T, D)
        x = x + self.attn.o(y)
        return x + self.mlp.fc2(F.gelu(self.mlp.fc1(self.ln2(x))))


out["block"] = case(Block(8, 2), [torch.randn(2, 5, 8)], {"heads": 2})

# Cross-entropy variants: plain, class weights, label smoothing, ignore index, all together.
ce = {}
logits = torch.randn(7, 4)
targets = torch.tensor([0, 3, 1, 1, 2, 3, 0])
weights = torch.tensor([1.0, 2.0, 0.5, 1.5])
for name, kw in {"plain": {}, "weighted": {"weight": weights}, "smoothing": {"label_smoothing": 0.1},
                 "ignore": {"ignore_index": 3},
                 "all": {"weight": weights, "label_smoothing": 0.2, "ignore_index": 1}}.items():
    z = logits.clone().requires_grad_(True)
    loss = F.cross_entropy(z, targets, **kw)
    loss.backward()
    ce[name] = {"loss": float(loss), "grad": flat(z.grad),
                "weight": flat(kw["weight"]) if "weight" in kw else None,
                "label_smoothing": kw.get("label_smoothing", 0.0), "ignore_index": kw.get("ignore_index")}
out["cross_entropy"] = {"logits": flat(logits), "shape": list(logits.shape),
                        "targets": targets.tolist(), "variants": ce}

# Ten AdamW steps on a small MLP (Linear-ReLU-Linear-ReLU-Linear), fixed batches.
mlp = nn.Sequential(nn.Linear(6, 8), nn.ReLU(), nn.Linear(8, 8), nn.ReLU(), nn.Linear(8, 3))
init = {k: {"shape": list(p.shape), "data": flat(p)} for k, p in mlp.named_parameters()}
opt = torch.optim.AdamW(mlp.parameters(), lr=1e-2, weight_decay=0.1)
batches, losses = [], []
for step in range(10):
    x, y = torch.randn(5, 6), torch.randint(0, 3, (5,))
    batches.append({"x": flat(x), "y": y.tolist()})
    opt.zero_grad()
    loss = F.cross_entropy(mlp(x), y)
    loss.backward()
    opt.step()
    losses.append(float(loss))
out["adamw_mlp"] = {"init": init, "batches": batches, "losses": losses, "lr": 1e-2, "weight_decay": 0.1,
                    "final": {k: flat(p) for k, p in mlp.named_parameters()}}

path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "torch_reference.json")
with open(path, "w") as f:
    json.dump(out, f)
print("wrote", path)
