"""Accuracy and AUC of a logistic model are step functions of a weight; cross-entropy is smooth."""

import matplotlib.pyplot as plt
import numpy as np

from calcnotes import derivative, show
from calcnotes.text import number
from calcnotes.viz import ACCENT, POINT, SECANT, STYLE

X = np.array([[1.1, 1.2], [1.1, -0.9], [1.7, 0.8], [0.3, 1.0], [1.2, 0.7], [0.8, 0.9],         # y = 1
              [-1.5, -0.6], [-1.3, 0.2], [-0.8, -0.7], [-1.6, -0.7], [-0.9, -0.5], [0.5, 0.6]])  # y = 0
y = np.array([1] * 6 + [0] * 6)
score = lambda w2: X[:, 0] + w2 * X[:, 1]  # the weights are (w₁, w₂) = (1, w₂): only w₂ varies
accuracy = lambda w2: np.mean((score(w2) > 0) == y)  # predict 1 where σ(score) > 1/2


def auc(w2):  # the share of (positive, negative) pairs that the scores put in the right order
    s = score(w2)
    gaps = s[y == 1][:, None] - s[y == 0][None, :]
    return np.mean((gaps > 0) + 0.5 * (gaps == 0))


def cross_entropy(w2):
    p = 1 / (1 + np.exp(-score(w2)))
    return -np.mean(y * np.log(p) + (1 - y) * np.log(1 - p))


w2 = np.linspace(-3, 3, 601)
for name, metric in [("accuracy", accuracy), ("AUC", auc), ("cross-entropy", cross_entropy)]:
    slopes = np.array([derivative(metric, v) for v in w2])  # central differences, one point at a time
    print(f"{name}: slope exactly 0 at {np.sum(slopes == 0)} of {len(w2)} points, "
          f"largest |slope| {number(np.max(np.abs(slopes)), 2)}")

plt.style.use(STYLE)  # the kit's look: 4.8 in wide, 11-pt text, readable on a phone
fig, (top, bottom) = plt.subplots(2, 1, sharex=True, figsize=(4.8, 5.0), layout="constrained")
top.plot(w2, [accuracy(v) for v in w2], color=ACCENT, label="accuracy")
top.plot(w2, [auc(v) for v in w2], color=SECANT, linestyle="--", label="AUC")
losses = [cross_entropy(v) for v in w2]
best = w2[np.argmin(losses)]
bottom.plot(w2, losses, color="black", label="cross-entropy loss")
bottom.plot(best, min(losses), "o", color=POINT, label=f"its minimum, w₂ = {number(best, 3)}")
top.set(ylabel="share right", ylim=(0, 1.05))
bottom.set(xlabel="w₂", ylabel="loss")
top.legend(loc="lower right")
bottom.legend(loc="upper right")
show(fig)
