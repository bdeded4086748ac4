#!/usr/bin/env python3
"""PyTorch peer of `serdarts bench search`: the same DARTS supernet (pt.darts operations, non-affine BN,
frequency max-pool -> LSTM(256) -> dense -> 4 classes) and the same search step (architecture update with
Adam, then weight update with SGD + clip 5), timed on random inputs after a warm-up.

Default mode follows the reference implementations (pt.darts / DARTS): the architecture step backpropagates
with loss.backward() into weights and alphas alike, the weight step also builds the alpha graph, and the
`none` edge is computed. `--lean` applies the same algorithmic shortcuts as SerDarts (gradients w.r.t. alphas
only, constant mixing weights in the weight step, `none` skipped) for an apples-to-apples comparison.

Run with Debian's python3-torch (PyTorch 1.13) and libopenblas0-pthread installed:
    apt-get install -y python3-torch libopenblas0-pthread
    /usr/bin/python3 peer_search.py --size 64 --batch 16 --order first --steps 5
"""
import argparse
import resource
import statistics
import time

import torch
import torch.nn as nn
import torch.nn.functional as F

PRIMITIVES = ['max_pool_3x3', 'avg_pool_3x3', 'skip_connect', 'sep_conv_3x3', 'sep_conv_5x5',
              'dil_conv_3x3', 'dil_conv_5x5', 'none']


class ReluConvBn(nn.Sequential):
    def __init__(self, c_in, c_out, k, stride, pad):
        super().__init__(nn.ReLU(), nn.Conv2d(c_in, c_out, k, stride, pad, bias=False),
                         nn.BatchNorm2d(c_out, affine=False))


class DilConv(nn.Sequential):
    def __init__(self, c_in, c_out, k, stride, pad, dil):
        super().__init__(nn.ReLU(), nn.Conv2d(c_in, c_in, k, stride, pad, dil, groups=c_in, bias=False),
                         nn.Conv2d(c_in, c_out, 1, bias=False), nn.BatchNorm2d(c_out, affine=False))


class SepConv(nn.Sequential):
    def __init__(self, c, k, stride, pad):
        super().__init__(DilConv(c, c, k, stride, pad, 1), DilConv(c, c, k, 1, pad, 1))


class FactorizedReduce(nn.Module):
    def __init__(self, c_in, c_out):
        super().__init__()
        self.conv1 = nn.Conv2d(c_in, c_out // 2, 1, 2, bias=False)
        self.conv2 = nn.Conv2d(c_in, c_out // 2, 1, 2, bias=False)
        self.bn = nn.BatchNorm2d(c_out, affine=False)

    def forward(self, x):
        x = F.relu(x)
        shifted = F.pad(x, [0, 1, 0, 1])[:, :, 1:, 1:]
        if x.is_contiguous(memory_format=torch.channels_last):
            shifted = shifted.contiguous(memory_format=torch.channels_last)
        return self.bn(torch.cat([self.conv1(x), self.conv2(shifted)], 1))


class PoolBn(nn.Module):
    def __init__(self, kind, c, stride):
        super().__init__()
        self.pool = nn.MaxPool2d(3, stride, 1) if kind == 'max' else nn.AvgPool2d(3, stride, 1, count_include_pad=False)
        self.bn = nn.BatchNorm2d(c, affine=False)

    def forward(self, x):
        return self.bn(self.pool(x))


class Zero(nn.Module):
    def __init__(self, stride):
        super().__init__()
        self.stride = stride

    def forward(self, x):
        return x * 0. if self.stride == 1 else x[:, :, ::self.stride, ::self.stride] * 0.


def make_op(name, c, stride):
    return {
        'none': lambda: Zero(stride),
        'avg_pool_3x3': lambda: PoolBn('avg', c, stride),
        'max_pool_3x3': lambda: PoolBn('max', c, stride),
        'skip_connect': lambda: nn.Identity() if stride == 1 else FactorizedReduce(c, c),
        'sep_conv_3x3': lambda: SepConv(c, 3, stride, 1),
        'sep_conv_5x5': lambda: SepConv(c, 5, stride, 2),
        'dil_conv_3x3': lambda: DilConv(c, c, 3, stride, 2, 2),
        'dil_conv_5x5': lambda: DilConv(c, c, 5, stride, 4, 2),
    }[name]()


class MixedOp(nn.Module):
    def __init__(self, c, stride, skip_none):
        super().__init__()
        self.cols = [k for k, p in enumerate(PRIMITIVES) if not (skip_none and p == 'none')]
        self.ops = nn.ModuleList(make_op(PRIMITIVES[k], c, stride) for k in self.cols)

    def forward(self, x, w):
        return sum(w[k] * op(x) for k, op in zip(self.cols, self.ops))


class SearchCell(nn.Module):
    def __init__(self, nodes, c_pp, c_p, c, reduction_p, reduction, skip_none):
        super().__init__()
        self.reduction = reduction
        self.nodes = nodes
        self.pre0 = FactorizedReduce(c_pp, c) if reduction_p else ReluConvBn(c_pp, c, 1, 1, 0)
        self.pre1 = ReluConvBn(c_p, c, 1, 1, 0)
        self.edges = nn.ModuleList()
        for i in range(nodes):
            for j in range(i + 2):
                self.edges.append(MixedOp(c, 2 if reduction and j < 2 else 1, skip_none))

    def forward(self, s0, s1, w):
        states = [self.pre0(s0), self.pre1(s1)]
        e = 0
        for i in range(self.nodes):
            total = 0
            for j in range(i + 2):
                total = total + self.edges[e](states[j], w[e])
                e += 1
            states.append(total)
        return torch.cat(states[2:], 1)


class SearchNetwork(nn.Module):
    def __init__(self, c, cells, nodes, skip_none, lstm_units=256, dense=128, classes=4):
        super().__init__()
        c_cur = 3 * c
        self.stem = nn.Sequential(nn.Conv2d(1, c_cur, 3, 1, 1, bias=False), nn.BatchNorm2d(c_cur))
        c_pp, c_p, c_cur = c_cur, c_cur, c
        self.cells = nn.ModuleList()
        reduction_p = False
        for i in range(cells):
            reduction = i in (cells // 3, 2 * cells // 3)
            if reduction:
                c_cur *= 2
            self.cells.append(SearchCell(nodes, c_pp, c_p, c_cur, reduction_p, reduction, skip_none))
            reduction_p = reduction
            c_pp, c_p = c_p, c_cur * nodes
        self.lstm = nn.LSTM(c_p, lstm_units, 1, batch_first=True)
        self.dense = nn.Sequential(nn.Linear(lstm_units, dense), nn.ReLU(), nn.Linear(dense, classes))

    channels_last = False

    def forward(self, x, w_normal, w_reduce):
        s0 = s1 = self.stem(x)
        if self.channels_last:
            s0 = s1 = s0.contiguous(memory_format=torch.channels_last)
        for cell in self.cells:
            s0, s1 = s1, cell(s0, s1, w_reduce if cell.reduction else w_normal)
        frames = s1.amax(2).permute(0, 2, 1)
        out, _ = self.lstm(frames)
        return self.dense(out[:, -1])


class Controller(nn.Module):
    def __init__(self, c, cells, nodes, skip_none):
        super().__init__()
        edges = nodes * (nodes + 3) // 2
        self.alpha_normal = nn.Parameter(1e-3 * torch.randn(edges, len(PRIMITIVES)))
        self.alpha_reduce = nn.Parameter(1e-3 * torch.randn(edges, len(PRIMITIVES)))
        self.net = SearchNetwork(c, cells, nodes, skip_none)

    def weights(self):
        return self.net.parameters()

    def alphas(self):
        return [self.alpha_normal, self.alpha_reduce]

    def forward(self, x, net=None, fixed=False):
        wn, wr = F.softmax(self.alpha_normal, -1), F.softmax(self.alpha_reduce, -1)
        if fixed:
            wn, wr = wn.detach(), wr.detach()
        return (net or self.net)(x, wn, wr)

    def loss(self, x, y, net=None):
        return F.cross_entropy(self(x, net), y)


class Architect:
    """pt.darts' architect with the Hessian term divided by 2*eps."""

    def __init__(self, ctrl, c, cells, nodes, skip_none, momentum=0.9, wd=3e-4):
        self.ctrl, self.momentum, self.wd = ctrl, momentum, wd
        self.v_net = SearchNetwork(c, cells, nodes, skip_none)

    def virtual_step(self, x, y, xi, w_optim):
        grads = torch.autograd.grad(self.ctrl.loss(x, y), list(self.ctrl.weights()))
        with torch.no_grad():
            for w, vw, g in zip(self.ctrl.weights(), self.v_net.parameters(), grads):
                m = w_optim.state[w].get('momentum_buffer', 0.) * self.momentum
                vw.copy_(w - xi * (m + g + self.wd * w))

    def unrolled_backward(self, tx, ty, vx, vy, xi, w_optim):
        self.virtual_step(tx, ty, xi, w_optim)
        alphas = self.ctrl.alphas()
        v_weights = list(self.v_net.parameters())
        grads = torch.autograd.grad(self.ctrl.loss(vx, vy, self.v_net), alphas + v_weights)
        d_alpha, d_w = grads[:len(alphas)], grads[len(alphas):]
        hessian = self.hessian(d_w, tx, ty)
        with torch.no_grad():
            for a, da, h in zip(alphas, d_alpha, hessian):
                a.grad = da - xi * h

    def hessian(self, d_w, x, y):
        eps = 0.01 / torch.cat([d.view(-1) for d in d_w]).norm()
        weights = list(self.ctrl.weights())
        with torch.no_grad():
            for p, d in zip(weights, d_w):
                p += eps * d
        pos = torch.autograd.grad(self.ctrl.loss(x, y), self.ctrl.alphas())
        with torch.no_grad():
            for p, d in zip(weights, d_w):
                p -= 2. * eps * d
        neg = torch.autograd.grad(self.ctrl.loss(x, y), self.ctrl.alphas())
        with torch.no_grad():
            for p, d in zip(weights, d_w):
                p += eps * d
        return [(p - n) / (2. * eps) for p, n in zip(pos, neg)]


def main():
    ap = argparse.ArgumentParser()
    for name, default in [('size', 64), ('batch', 16), ('init-channels', 8), ('cells', 4), ('nodes', 4),
                          ('steps', 5), ('warmup', 1), ('threads', 0)]:
        ap.add_argument('--' + name, type=int, default=default)
    ap.add_argument('--order', choices=['first', 'second'], default='first')
    ap.add_argument('--lean', action='store_true', help='apply the same algorithmic shortcuts as SerDarts')
    ap.add_argument('--channels-last', action='store_true', help='run the cells in NHWC memory format, as SerDarts does')
    a = ap.parse_args()
    if a.threads > 0:
        torch.set_num_threads(a.threads)
    torch.manual_seed(0)
    SearchNetwork.channels_last = a.channels_last
    ctrl = Controller(a.init_channels, a.cells, a.nodes, a.lean)
    w_optim = torch.optim.SGD(ctrl.weights(), 0.025, momentum=0.9, weight_decay=3e-4)
    a_optim = torch.optim.Adam(ctrl.alphas(), 3e-4, betas=(0.5, 0.999), weight_decay=1e-3)
    arch = Architect(ctrl, a.init_channels, a.cells, a.nodes, a.lean)
    tx, vx = torch.randn(a.batch, 1, a.size, a.size), torch.randn(a.batch, 1, a.size, a.size)
    ty, vy = torch.randint(0, 4, (a.batch,)), torch.randint(0, 4, (a.batch,))
    ctrl.train()
    times = []
    for i in range(a.warmup + a.steps):
        start = time.perf_counter()
        a_optim.zero_grad()
        if a.order == 'second':
            arch.unrolled_backward(tx, ty, vx, vy, 0.025, w_optim)
        elif a.lean:
            grads = torch.autograd.grad(ctrl.loss(vx, vy), ctrl.alphas())
            for p, g in zip(ctrl.alphas(), grads):
                p.grad = g
        else:
            ctrl.loss(vx, vy).backward()
        a_optim.step()
        w_optim.zero_grad()
        loss = F.cross_entropy(ctrl(tx, fixed=a.lean), ty)
        loss.backward()
        nn.utils.clip_grad_norm_(ctrl.weights(), 5.)
        w_optim.step()
        ms = (time.perf_counter() - start) * 1000
        if i >= a.warmup:
            times.append(ms)
    peak_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(f"pytorch {torch.__version__} search-step size={a.size} batch={a.batch} C={a.init_channels} "
          f"cells={a.cells} nodes={a.nodes} order={a.order} lean={int(a.lean)} layout={'nhwc' if a.channels_last else 'nchw'} "
          f"threads={torch.get_num_threads()} "
          f"steps={len(times)} peak_ws_mb={peak_mb:.0f} ms_per_step={statistics.median(times):.1f}")


if __name__ == '__main__':
    main()
