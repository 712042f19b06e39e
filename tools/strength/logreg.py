"""Multinomial logistic regression with an L2 penalty, fitted by L-BFGS, in
pure Python (no randomness: the result depends only on the data and its order).

Examples are lists of feature indices (binary features). The objective is
    sum_i c_i * -log p(y_i | x_i) / sum_i c_i  +  (l2 / 2) * ||W||^2
with the bias not penalised. Parameters are one flat list: W[k * F + f] for
class k and feature f, then the K biases.
"""

import math

K = 4


def objective(x, data, labels, cost, nfeat, l2):
    """Loss and gradient at x."""
    F = nfeat
    bias_at = K * F
    g = [0.0] * len(x)
    total_c = 0.0
    loss = 0.0
    for idx, y, c in zip(data, labels, cost):
        s = [x[bias_at + k] for k in range(K)]
        for f in idx:
            s[0] += x[f]
            s[1] += x[F + f]
            s[2] += x[2 * F + f]
            s[3] += x[3 * F + f]
        m = max(s)
        e = [math.exp(v - m) for v in s]
        z = sum(e)
        loss += c * (math.log(z) + m - s[y])
        total_c += c
        for k in range(K):
            d = c * (e[k] / z - (1.0 if k == y else 0.0))
            if d == 0.0:
                continue
            off = k * F
            for f in idx:
                g[off + f] += d
            g[bias_at + k] += d
    inv = 1.0 / total_c
    loss *= inv
    for j in range(len(g)):
        g[j] *= inv
    reg = 0.0
    for j in range(bias_at):
        xj = x[j]
        reg += xj * xj
        g[j] += l2 * xj
    loss += 0.5 * l2 * reg
    return loss, g


def _dot(a, b):
    return sum(u * v for u, v in zip(a, b))


def fit(data, labels, cost, nfeat, l2, x0=None, max_iter=400, tol=1e-6, memory=10):
    """L-BFGS with a backtracking (Armijo) line search. Returns the parameters."""
    n = K * nfeat + K
    x = list(x0) if x0 is not None else [0.0] * n
    f, g = objective(x, data, labels, cost, nfeat, l2)
    s_hist, y_hist, rho_hist = [], [], []
    for it in range(max_iter):
        gnorm = max(abs(v) for v in g)
        if gnorm < tol:
            break
        # Two-loop recursion: d = -H g.
        q = list(g)
        alphas = []
        for s, y, rho in reversed(list(zip(s_hist, y_hist, rho_hist))):
            a = rho * _dot(s, q)
            alphas.append(a)
            q = [qi - a * yi for qi, yi in zip(q, y)]
        if y_hist:
            gamma = _dot(s_hist[-1], y_hist[-1]) / _dot(y_hist[-1], y_hist[-1])
        else:
            gamma = 1.0 / max(1.0, math.sqrt(_dot(g, g)))
        r = [gamma * qi for qi in q]
        for (s, y, rho), a in zip(zip(s_hist, y_hist, rho_hist), reversed(alphas)):
            b = rho * _dot(y, r)
            r = [ri + (a - b) * si for ri, si in zip(r, s)]
        d = [-ri for ri in r]
        slope = _dot(g, d)
        if slope >= 0:  # not a descent direction: restart from the gradient
            s_hist, y_hist, rho_hist = [], [], []
            d = [-gi for gi in g]
            slope = _dot(g, d)
        step = 1.0
        while True:
            xn = [xi + step * di for xi, di in zip(x, d)]
            fn, gn = objective(xn, data, labels, cost, nfeat, l2)
            if fn <= f + 1e-4 * step * slope or step < 1e-10:
                break
            step *= 0.5
        s = [a - b for a, b in zip(xn, x)]
        y = [a - b for a, b in zip(gn, g)]
        sy = _dot(s, y)
        if sy > 1e-12:
            s_hist.append(s)
            y_hist.append(y)
            rho_hist.append(1.0 / sy)
            if len(s_hist) > memory:
                s_hist.pop(0)
                y_hist.pop(0)
                rho_hist.pop(0)
        done = abs(f - fn) <= tol * max(1.0, abs(f))
        x, f, g = xn, fn, gn
        if done:
            break
    return x
