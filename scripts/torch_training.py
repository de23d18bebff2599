"""Training and forward samples/s of the bench CNNs in PyTorch, for the ratio `npm run bench` prints.

The same architecture as the engine's CNN (src/engine/model/architecture.ts): per conv layer a 3x3 'same' conv,
ReLU, 2x2 average pool; then dense ReLU layers and a linear output. Adam, lr 1e-3, batch 64, random data (speed
does not depend on pixel values). Usage: torch_training.py CONV DENSE SAMPLES THREADS, CONV/DENSE comma lists.
Prints one JSON line: {"train": samples/s, "forward": samples/s, "threads": n, "version": torch version}.
"""
import json
import sys
import time

import torch
from torch import nn


def build(conv, dense, classes=10, size=28):
    layers, cin = [], 1
    for cout in conv:
        layers += [nn.Conv2d(cin, cout, 3, padding=1), nn.ReLU(), nn.AvgPool2d(2)]
        cin, size = cout, size // 2
    layers.append(nn.Flatten())
    fan = cin * size * size
    for width in dense:
        layers += [nn.Linear(fan, width), nn.ReLU()]
        fan = width
    layers.append(nn.Linear(fan, classes))
    return nn.Sequential(*layers)


def main():
    conv = [int(v) for v in sys.argv[1].split(',')]
    dense = [int(v) for v in sys.argv[2].split(',')]
    samples, threads = int(sys.argv[3]), int(sys.argv[4])
    torch.set_num_threads(threads)
    torch.manual_seed(1)
    x = torch.rand(samples, 1, 28, 28)
    y = torch.randint(0, 10, (samples,))
    model = build(conv, dense)
    opt = torch.optim.Adam(model.parameters(), lr=1e-3)
    loss_fn = nn.CrossEntropyLoss()

    def epoch():
        for i in range(0, samples, 64):
            opt.zero_grad()
            loss_fn(model(x[i:i + 64]), y[i:i + 64]).backward()
            opt.step()

    epoch()  # warm-up, as the engine's bench does
    t0 = time.perf_counter()
    epoch()
    epoch()
    train = 2 * samples / (time.perf_counter() - t0)
    with torch.no_grad():
        for i in range(0, samples, 256):
            model(x[i:i + 256])
        t1 = time.perf_counter()
        for i in range(0, samples, 256):
            model(x[i:i + 256])
        forward = samples / (time.perf_counter() - t1)
    print(json.dumps({"train": train, "forward": forward, "threads": torch.get_num_threads(), "version": torch.__version__}))


if __name__ == "__main__":
    main()
