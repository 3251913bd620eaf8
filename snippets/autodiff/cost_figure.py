"""Seconds for one f, one reverse gradient and n forward passes, as n grows, on log–log axes."""

import timeit

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import grad, jvp, show
from calcnotes.viz import ACCENT, SECANT

LIMIT = 0.5  # seconds: a forward gradient expected to take longer is estimated, not run


def rosenbrock(w):
    return np.sum(100 * (w[1:] - w[:-1] ** 2) ** 2 + (1 - w[:-1]) ** 2)


def seconds(task):  # one call of task: the best of 5 timings, each of enough calls to last 10 ms
    calls = max(1, int(0.01 / timeit.timeit(task, number=1)))
    return min(timeit.repeat(task, number=calls, repeat=5)) / calls


def unit(n, j):  # the j-th coordinate direction e_j
    return np.eye(1, n, j)[0]


sizes = [10, 30, 100, 300, 1_000, 3_000, 10_000]
f_time, reverse, forward, measured = [], [], [], []
for n in sizes:
    w = np.linspace(-1.5, 1.5, n)
    f_time.append(seconds(lambda: rosenbrock(w)))
    reverse.append(seconds(lambda: grad(rosenbrock)(w)))
    one_jvp = seconds(lambda: jvp(rosenbrock, w, unit(n, 0)))
    measured.append(n * one_jvp <= LIMIT)
    if measured[-1]:  # run all n passes
        forward.append(seconds(lambda: [jvp(rosenbrock, w, unit(n, j)) for j in range(n)]))
    else:  # every pass does the same work on another e_j
        forward.append(n * one_jvp)

sizes, forward, measured = np.array(sizes), np.array(forward), np.array(measured)
slope = np.polyfit(np.log10(sizes), np.log10(forward / np.array(reverse)), 1)[0]
print(f"Forward ÷ reverse grows like n to the power {slope:.2f}; forward passes were run up to "
      f"n = {sizes[measured].max():,} and estimated as n × one pass above.")

fig, ax = plt.subplots(figsize=(6, 4), layout="constrained")
ax.plot(sizes, f_time, "o-", color="black", label="one evaluation of f")
ax.plot(sizes, reverse, "s-", color=ACCENT, label="reverse: one grad")
ax.plot(sizes, forward, "-", color=SECANT)
ax.plot(sizes[measured], forward[measured], "D", color=SECANT, label="forward: n jvps, run")
ax.plot(sizes[~measured], forward[~measured], "D", color=SECANT, markerfacecolor="none",
        label="forward: n × one jvp, estimated")
ax.plot(sizes, forward[0] * sizes / sizes[0], ":", color="black", linewidth=1, label="∝ n")
ax.set(xscale="log", yscale="log", xlabel="inputs n", ylabel="seconds",
       title="Rosenbrock function of n inputs")
ax.legend(loc="upper left", fontsize=9)
show(fig)
