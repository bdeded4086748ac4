"""Reference values of the search methods' defining equations for SearchMethodTests (plain Python, no torch).

Run: python3 make_method_fixtures.py  -- prints the numbers pasted into SearchMethodTests.cs.
"""
import math

NORMAL = [[0.1, -0.2, 0.3], [0.5, 0.0, -0.4]]
REDUCE = [[1.0, 0.2, -0.1], [0.0, 0.0, 0.0]]


def lse(row):
    m = max(row)
    return m + math.log(sum(math.exp(a - m) for a in row))


def softmax(row):
    z = sum(math.exp(a) for a in row)
    return [math.exp(a) / z for a in row]


def sigmoid(a):
    return 1 / (1 + math.exp(-a))


# beta-DARTS (2203.01665): L = lam * (mean_e lse(alpha_normal[e]) + mean_e lse(alpha_reduce[e])), lam = 2 * 2/4
lam = 2.0 * 2 / 4
beta_loss = lam * (sum(lse(r) for r in NORMAL) / len(NORMAL) + sum(lse(r) for r in REDUCE) / len(REDUCE))
beta_grad_normal = [[lam / len(NORMAL) * p for p in softmax(r)] for r in NORMAL]
print("beta loss", repr(beta_loss))
print("beta grad normal", [[repr(v) for v in r] for r in beta_grad_normal])

# FairDARTS (1911.12126): L01 = -w01 / N * sum (sigmoid(a) - 0.5)^2 over both cells, w01 = 10
w01 = 10.0
flat = [a for r in NORMAL + REDUCE for a in r]
n = len(flat)
zero_one = -w01 / n * sum((sigmoid(a) - 0.5) ** 2 for a in flat)
zero_one_grad_normal = [[-w01 / n * 2 * (sigmoid(a) - 0.5) * sigmoid(a) * (1 - sigmoid(a)) for a in r] for r in NORMAL]
print("zero-one loss", repr(zero_one))
print("zero-one grad normal", [[repr(v) for v in r] for r in zero_one_grad_normal])
print("sigmoid normal", [[repr(sigmoid(a)) for a in r] for r in NORMAL])
