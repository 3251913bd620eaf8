"""CPU seconds for one g, one reverse gradient and N forward passes, as N grows, on log–log axes."""

import time
import timeit

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import grad, jvp, show
from calcnotes.viz import ACCENT, SECANT, STYLE, log_label

LIMIT = 0.5  # seconds: a forward gradient expected to take longer is estimated, not run


def rosenbrock(w):
    return np.sum(100 * (w[1:] - w[:-1] ** 2) ** 2 + (1 - w[:-1]) ** 2)


def seconds(*tasks, rounds=5):  # CPU time per call of each task: the best of `rounds`, in turn
    timers = [timeit.Timer(task, timer=time.process_time) for task in tasks]  # not the wall clock:
    calls = [max(1, int(0.01 / t.timeit(1))) for t in timers]  # other programs' load is left out
    best = [float("inf")] * len(tasks)
    for _ in range(rounds):
        for i, (t, k) in enumerate(zip(timers, calls)):  # each timing lasts at least 10 ms
            best[i] = min(best[i], t.timeit(k) / k)
    return best


def unit(N, j):  # the j-th coordinate direction e_j, of length N
    return np.eye(1, N, j)[0]


sizes = np.array([10, 30, 100, 300, 1_000, 3_000, 10_000])
times = []  # one g, one grad, N jvps: seconds
measured = []
for N in sizes:
    w = np.linspace(-1.5, 1.5, N)
    one_g, reverse, one_jvp = seconds(lambda: rosenbrock(w), lambda: grad(rosenbrock)(w),
                                      lambda: jvp(rosenbrock, w, unit(N, 0)))
    measured.append(N * one_jvp <= LIMIT)
    if measured[-1]:  # run all N passes
        forward, = seconds(lambda: [jvp(rosenbrock, w, unit(N, j)) for j in range(N)], rounds=3)
    else:  # every pass does the same work on another e_j
        forward = N * one_jvp
    times.append([one_g, reverse, forward])
one_g, reverse, forward = np.array(times).T
measured = np.array(measured)

slope = np.polyfit(np.log10(sizes), np.log10(forward / reverse), 1)[0]
print(f"Forward ÷ reverse grows like N to the power {slope:.2f}. The N forward passes were run "
      f"up to N = {sizes[measured].max():,}, and estimated as N × one pass above.")

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, ax = plt.subplots(figsize=(4.8, 4.4), layout="constrained")
ax.plot(sizes, one_g, "o-", color="black", label="one evaluation of g")
ax.plot(sizes, reverse, "s-", color=ACCENT, label="reverse: one grad")
ax.plot(sizes, forward, "-", color=SECANT)
ax.plot(sizes[measured], forward[measured], "D", color=SECANT, label="forward: N jvps, run")
ax.plot(sizes[~measured], forward[~measured], "D", color=SECANT, markerfacecolor="none",
        label="forward: N × one jvp, estimated")
ax.plot(sizes, forward[0] * sizes / sizes[0], ":", color="black", linewidth=1, label="∝ N")
ax.set(xscale="log", yscale="log", xlabel="inputs N", ylabel="CPU seconds",
       title="Rosenbrock function g of N inputs")
ax.xaxis.set_major_formatter(log_label)  # 10⁴ in text, not small typeset exponents
ax.yaxis.set_major_formatter(log_label)
ax.legend(loc="upper left", fontsize=10)
show(fig)
