#!/usr/bin/env python3
"""Independent reference for λ(H_a): PyTorch double backward on the same CNN, ResNet or VGG (PyTorch's own strided
convolutions and max pooling, BatchNorm in evaluation mode), weights, samples and start vector.

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


STATS = ("bn-mean", "bn-var")


def load_model(path):
    """A model saved by `npm run experiment -- --save-models` (format pfp-model/1), with NumPy alone. BatchNorm running
    statistics are constants (no gradient): the Hessian is over the trainable parameters, in evaluation mode."""
    with open(path) as f:
        model = json.load(f)
    assert model["format"] == "pfp-model/1", model["format"]
    flat = np.fromfile(os.path.join(os.path.dirname(path), model["weightsFile"]), dtype="<f4")
    params = [
        torch.from_numpy(flat[p["offset"] : p["offset"] + p["length"]].reshape(p["shape"]).copy()).requires_grad_(p["role"] not in STATS)
        for p in model["params"]
    ]
    spec = dict(model["architecture"])
    spec["_params"] = model["params"]
    return spec, params


def state_dict(spec, params):
    """Our tensors under their PyTorch keys, in PyTorch layouts (the manifest's `torch` entries, docs/formats.md)."""
    out = {}
    for meta, t in zip(spec["_params"], params):
        perm = meta["torch"]["permute"]
        out[meta["torch"]["key"]] = t.permute(*perm).contiguous() if perm else t
    return out


def conv_norm(sd, h, conv, bn, stride, batch):
    """Conv with PyTorch's own strided kernel and padding (k-1)/2, then BatchNorm in evaluation mode or a bias."""
    w = sd[conv + ".weight"]
    h = F.conv2d(h, w, sd.get(conv + ".bias"), stride=stride, padding=(w.shape[-1] - 1) // 2)
    if batch:
        # BatchNorm2d in evaluation mode, written out: F.batch_norm's double backward crashes (double free) in Debian's
        # torch 1.13 build.
        c = lambda t: t[None, :, None, None]
        h = (h - c(sd[bn + ".running_mean"])) * c(sd[bn + ".weight"] / torch.sqrt(sd[bn + ".running_var"] + 1e-5)) + c(sd[bn + ".bias"])
    return h


RESNET_STAGES = {"resnet8": 3, "resnet14": 3, "resnet20": 3, "resnet18": 4}
VGG_CFG = {
    "vgg11": [64, "M", 128, "M", 256, 256, "M", 512, 512, "M", 512, 512, "M"],
    "vgg19": [64, 64, "M", 128, 128, "M", 256, 256, 256, 256, "M", 512, 512, 512, 512, "M", 512, 512, 512, 512, "M"],
}


def forward_resnet(spec, sd, h, act):
    batch = spec["normalization"] == "batch"
    h = act(conv_norm(sd, h, "conv1", "bn1", 1, batch))
    for s in range(1, RESNET_STAGES[spec["layout"]] + 1):
        b = 0
        while f"layer{s}.{b}.conv1.weight" in sd:
            p = f"layer{s}.{b}"
            stride = 2 if s > 1 and b == 0 else 1
            y = act(conv_norm(sd, h, p + ".conv1", p + ".bn1", stride, batch))
            y = conv_norm(sd, y, p + ".conv2", p + ".bn2", 1, batch)
            short = conv_norm(sd, h, p + ".shortcut.0", p + ".shortcut.1", stride, batch) if p + ".shortcut.0.weight" in sd else h
            h = act(y + short)
            b += 1
    return F.linear(h.mean(dim=(2, 3)), sd["fc.weight"], sd["fc.bias"])


def forward_vgg(spec, sd, h, act):
    batch = spec["normalization"] == "batch"
    i = 0
    for item in VGG_CFG[spec["layout"]]:
        if item == "M":
            if h.shape[2] >= 2 and h.shape[3] >= 2:
                h = F.max_pool2d(h, 2, 2)
            i += 1
            continue
        h = act(conv_norm(sd, h, f"features.{i}", f"features.{i + 1}", 1, batch))
        i += 3 if batch else 2
    return F.linear(h.mean(dim=(2, 3)), sd["classifier.weight"], sd["classifier.bias"])


def activation(name):
    return {"relu": F.relu, "softplus": F.softplus, "tanh": torch.tanh}[name]


def forward(spec, params, x_nhwc):
    """Mirror of src/engine/model/architecture.ts forward() (tfjs layouts converted on the fly), evaluation mode."""
    act = activation(spec["activation"])
    h = x_nhwc.permute(0, 3, 1, 2)  # NHWC -> NCHW
    if spec["kind"] == "resnet":
        return forward_resnet(spec, state_dict(spec, params), h, act)
    if spec["kind"] == "vgg":
        return forward_vgg(spec, state_dict(spec, params), h, act)
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
    """H v of the mean loss over all batches, weighted by batch size (PyHessian's dataloader_hv_product); v and the
    result cover the trainable parameters only."""
    trainable = [p for p in params if p.requires_grad]
    total = [torch.zeros_like(p) for p in trainable]
    for x, y in batches:
        loss = F.cross_entropy(forward(spec, params, x), y)
        grads = torch.autograd.grad(loss, trainable, create_graph=True)
        hv = torch.autograd.grad(grads, trainable, grad_outputs=v)
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
    if spec["kind"] in ("resnet", "vgg"):
        # Debian's torch 1.13 crashes (double free) in the double backward of the ResNet's convolutions through
        # oneDNN (mkldnn); its native kernels are fine. Only here, so the CNN's timing comparison keeps oneDNN.
        torch.backends.mkldnn.enabled = False
    # The start vector restricted to the trainable parameters (our H v is 0 on the running statistics, so both power
    # iterations take the same direction from the first product on).
    start = [load(dirname, s["file"], np.float32, s["shape"]) for s, p in zip(m["start"], params) if p.requires_grad]
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
