#!/usr/bin/env python3
"""Independent reference for λ(H_a): PyTorch double backward on the same CNN, weights, samples and start vector.

Reads <dir>/manifest.json written by src/cli/bench-hessian.ts: the model in the `--save-models` format
(docs/formats.md, "pfp-model/1"), samples and start vector as raw little-endian float32 / int32 files. Prints
one JSON object per line: {"group", "value", "iterations", "converged", "residual", "seconds", "hvps"}, then {"threads": n}.
Optional second argument: the number of torch threads (default: torch's own choice).
Same power iteration as src/engine/metrics/power-iteration.ts: v <- Hv/||Hv||, lambda = v.Hv, stop when the residual
||Hv - lambda v|| <= tolerance * |lambda|. Usage: python3 scripts/torch_hessian.py DIR [THREADS]
"""
import json
import os
import sys
import time

import numpy as np
import torch
import torch.nn.functional as F


def load(dirname, name, dtype, shape):
    return torch.from_numpy(np.fromfile(os.path.join(dirname, name), dtype=dtype).reshape(shape).copy())


def load_model(path):
    """A model saved by `npm run experiment -- --save-models` (format pfp-model/1), with NumPy alone."""
    with open(path) as f:
        model = json.load(f)
    assert model["format"] == "pfp-model/1", model["format"]
    flat = np.fromfile(os.path.join(os.path.dirname(path), model["weightsFile"]), dtype="<f4")
    params = [
        torch.from_numpy(flat[p["offset"] : p["offset"] + p["length"]].reshape(p["shape"]).copy()).requires_grad_(True)
        for p in model["params"]
    ]
    return model["architecture"], params


def activation(name):
    return {"relu": F.relu, "softplus": F.softplus, "tanh": torch.tanh}[name]


def forward(spec, params, x_nhwc):
    """Mirror of src/engine/model/architecture.ts forward() for kind 'cnn' (tfjs layouts converted on the fly)."""
    act = activation(spec["activation"])
    h = x_nhwc.permute(0, 3, 1, 2)  # NHWC -> NCHW
    k = 0
    for _ in range(2):
        w = params[k].permute(3, 2, 0, 1)  # [fh, fw, cin, cout] -> [cout, cin, fh, fw]
        h = F.conv2d(h, w, params[k + 1], stride=1, padding=1)  # 3x3 'same'
        h = F.avg_pool2d(act(h), 2, 2)  # 2x2 'valid' (floor)
        k += 2
    h = h.permute(0, 2, 3, 1).reshape(h.shape[0], -1)  # flatten in NHWC order, as tf.reshape does
    layers = (len(params) - k) // 2
    for i in range(layers):
        h = h @ params[k] + params[k + 1]
        if i + 1 < layers:
            h = act(h)
        k += 2
    return h


def hvp(spec, params, batches, n, v):
    """H v of the mean loss over all batches, weighted by batch size (PyHessian's dataloader_hv_product)."""
    total = [torch.zeros_like(p) for p in params]
    for x, y in batches:
        loss = F.cross_entropy(forward(spec, params, x), y)
        grads = torch.autograd.grad(loss, params, create_graph=True)
        hv = torch.autograd.grad(grads, params, grad_outputs=v)
        for t, h in zip(total, hv):
            t.add_(h.detach(), alpha=x.shape[0] / n)
    return total


def power_iteration(spec, params, batches, n, start, tolerance, max_iterations):
    norm = torch.sqrt(sum((s * s).sum() for s in start))
    v = [s / norm for s in start]
    value, residual, iterations, converged = 0.0, None, 0, False
    while iterations < max_iterations:
        hv = hvp(spec, params, batches, n, v)
        iterations += 1
        value = float(sum((a * b).sum() for a, b in zip(hv, v)))
        norm = float(torch.sqrt(sum((h * h).sum() for h in hv)))
        r = float(torch.sqrt(sum(((h - value * x) ** 2).sum() for h, x in zip(hv, v))))
        residual = r / abs(value) if value != 0 else None
        if norm == 0 or r <= tolerance * abs(value):
            converged = True
            break
        v = [h / norm for h in hv]
    return value, iterations, converged, residual


def main():
    dirname = sys.argv[1]
    if len(sys.argv) > 2:
        torch.set_num_threads(int(sys.argv[2]))
    with open(os.path.join(dirname, "manifest.json")) as f:
        m = json.load(f)
    spec, params = load_model(os.path.join(dirname, m["model"]))
    start = [load(dirname, s["file"], np.float32, s["shape"]) for s in m["start"]]
    h, w, c = spec["inputShape"]
    for g in m["groups"]:
        n = g["n"]
        x = load(dirname, g["x"], np.float32, [n, h, w, c])
        y = load(dirname, g["labels"], np.int32, [n]).long()
        bs = m["batchSize"]
        batches = [(x[i : i + bs], y[i : i + bs]) for i in range(0, n, bs)]
        hvp(spec, params, batches[:1], batches[0][0].shape[0], start)  # warm-up, like the JS side
        t0 = time.perf_counter()
        value, iterations, converged, residual = power_iteration(spec, params, batches, n, start, m["tolerance"], m["maxIterations"])
        seconds = time.perf_counter() - t0
        print(json.dumps({"group": g["name"], "value": value, "iterations": iterations, "converged": converged, "residual": residual, "seconds": seconds, "hvps": iterations}))
    print(json.dumps({"threads": torch.get_num_threads(), "torch": torch.__version__}))


if __name__ == "__main__":
    main()
