#!/usr/bin/env python3
"""Optional check, outside the xunit suite: an exported SerDarts model loads in PyTorch.

    serdarts export --run RUN --format pytorch --out /tmp/model.pt
    python3 tests/python/check_pytorch_export.py /tmp/model.pt

Needs PyTorch (Debian: apt-get install python3-torch; tested with its 1.13). torch.load reads the state dict
that TorchSharp.PyBridge wrote; every tensor named in the description beside it (model.json) must be there with
its shape, dtype and the float64 sum of its values that SerDarts recorded, and nothing else.
"""
import json
import pathlib
import sys

import torch


def main(path: str) -> int:
    state_dict_path = pathlib.Path(path)
    description = json.loads(state_dict_path.with_suffix(".json").read_text())
    state = torch.load(state_dict_path, map_location="cpu")
    expected = {t["name"]: t for t in description["tensors"]}
    problems = []
    if set(state) != set(expected):
        problems.append(f"keys differ: only in file {sorted(set(state) - set(expected))}, "
                        f"only in description {sorted(set(expected) - set(state))}")
    for name, tensor in state.items():
        t = expected.get(name)
        if t is None:
            continue
        if list(tensor.shape) != t["shape"]:
            problems.append(f"{name}: shape {list(tensor.shape)}, described {t['shape']}")
        if str(tensor.dtype).removeprefix("torch.") != t["dtype"]:
            problems.append(f"{name}: dtype {tensor.dtype}, described {t['dtype']}")
        total = tensor.double().sum().item()
        if abs(total - t["sum"]) > 1e-9 * max(1.0, abs(t["sum"])):
            problems.append(f"{name}: sum {total!r}, described {t['sum']!r}")
    for p in problems:
        print(p, file=sys.stderr)
    if problems:
        return 1
    parameters = sum(v.numel() for k, v in state.items() if v.is_floating_point())
    print(f"ok: torch {torch.__version__} loaded {len(state)} tensors ({parameters} floating-point values) of a "
          f"{description['network']['kind']} network from {state_dict_path}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1]))
