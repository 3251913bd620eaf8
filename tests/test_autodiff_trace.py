"""The backward pass, observed: the steps it reports, the names of the operations, the snippet sections.

Shares and gradients here are sums of products of a few numbers, so they are
compared exactly or to 1e-12 relative (a few roundings).
"""

from __future__ import annotations

import inspect
from collections import Counter
from pathlib import Path

import markdown
import numpy as np
import pytest
import sympy as sp

from calcnotes import autodiff as ad
from calcnotes.autodiff import BackwardStep, Node

SOURCE = Path(ad.__file__)
EXACT = 1e-12


def traced_graph():
    """f = (a·b + sin a)², one node per operation, at (a, b) = (1.5, 0.5)."""
    a, b = Node(1.5), Node(0.5)
    p = a * b
    s = np.sin(a)
    q = p + s
    f = q**2
    return f, {"a": a, "b": b, "p": p, "s": s, "q": q, "f": f}


def recorded(output):
    steps = []
    output.backward(on_step=steps.append)
    return steps


def test_backward_reports_one_step_per_arrow_of_the_graph():
    f, nodes = traced_graph()
    steps = recorded(f)
    arrows = Counter((id(node), id(parent)) for node in nodes.values() for parent, _ in node.parents)
    assert Counter((id(s.node), id(s.parent)) for s in steps) == arrows
    assert len(steps) == 6  # q→f, p→q, s→q, a→p, b→p, a→s
    assert all(isinstance(s, BackwardStep) for s in steps)


def test_a_node_sends_its_shares_only_after_receiving_all_of_its_own():
    rng = np.random.default_rng(0)
    w = Node(rng.normal(size=3))
    h = np.tanh(w) * w[0]
    y = np.sum(h * h) + h[1] * np.exp(w[2]) - np.sum(w)
    steps = recorded(y)
    for k, step in enumerate(steps):
        later_arrivals = [s for s in steps[k:] if s.parent is step.node]
        assert not later_arrivals, f"{step.node.op} sent before it had received everything"


def test_each_node_sends_to_its_inputs_in_the_order_of_the_arguments():
    a, b, c = Node(1.0), Node(2.0), Node(3.0)
    y = a * b - c
    steps = recorded(y)
    assert [(s.node.op, s.parent.op) for s in steps] == [("-", "*"), ("-", None), ("*", None), ("*", None)]
    assert [s.parent for s in steps[1:]] == [c, a, b]


def test_the_shares_match_sympy_and_add_up_to_each_gradient():
    f, nodes = traced_graph()
    steps = recorded(f)
    a, b = sp.symbols("a b")
    at = {a: 1.5, b: 0.5}
    q = a * b + sp.sin(a)
    # share sent along each arrow: ∂f/∂node · ∂node/∂parent, by SymPy
    expected = {
        ("f", "q"): 2 * q, ("q", "p"): 2 * q, ("q", "s"): 2 * q,
        ("p", "a"): 2 * q * b, ("p", "b"): 2 * q * a, ("s", "a"): 2 * q * sp.cos(a),
    }
    name = {id(node): label for label, node in nodes.items()}
    got = {(name[id(s.node)], name[id(s.parent)]): float(s.share) for s in steps}
    assert got.keys() == expected.keys()
    for arrow, share in expected.items():
        assert got[arrow] == pytest.approx(float(share.subs(at)), rel=EXACT), arrow
    for label, node in nodes.items():
        received = [s.share for s in steps if s.parent is node]
        if received:
            assert float(node.grad) == pytest.approx(sum(map(float, received)), rel=EXACT), label
    assert float(nodes["a"].grad) == pytest.approx(float(sp.diff(q**2, a).subs(at)), rel=EXACT)


def test_each_step_sees_the_running_total_of_its_parent():
    w = Node(2.0)
    y = w * np.sin(w) + w  # w receives three shares: 1, sin w, w cos w
    shares, totals = [], []

    def note(step):
        if step.parent is w:
            shares.append(float(step.share))
            totals.append(float(step.parent.grad))  # read now: the total so far

    y.backward(on_step=note)
    assert sorted(shares) == pytest.approx(sorted([1.0, np.sin(2.0), 2 * np.cos(2.0)]), rel=EXACT)
    assert totals == pytest.approx(np.cumsum(shares), rel=EXACT)


def test_an_input_used_twice_receives_two_steps():
    a = Node(3.0)
    steps = recorded(a * a)
    assert [s.parent for s in steps] == [a, a]
    assert [float(s.share) for s in steps] == [3.0, 3.0]


def test_a_share_is_summed_back_to_the_shape_of_its_parent():
    w = Node(np.array([1.0, 2.0, 3.0]))
    B = np.arange(6.0).reshape(2, 3)
    steps = recorded(np.sum(w * B))
    into_w = [s for s in steps if s.parent is w]
    assert len(into_w) == 1 and into_w[0].share.shape == (3,)
    np.testing.assert_array_equal(into_w[0].share, B.sum(axis=0))


def test_recording_changes_nothing_and_a_plain_backward_gives_the_same_gradients():
    f, nodes = traced_graph()
    f.backward()
    plain = {label: float(node.grad) for label, node in nodes.items()}
    recorded(f)
    assert {label: float(node.grad) for label, node in nodes.items()} == plain


def test_a_backward_step_is_a_frozen_record():
    step = recorded(Node(1.0) * 2.0)[0]
    with pytest.raises(AttributeError):
        step.share = 0.0


def test_every_node_names_its_operation_and_an_input_has_none():
    w = Node(np.array([0.5, 2.0]))
    M = np.ones((2, 2))
    cases = {
        "+": w + 1, "-": w - 1, "*": w * 2, "/": w / 2, "**": w**2, "@": M @ w, "sum": w.sum(),
        "[]": w[0], "sin": np.sin(w), "exp": ad.exp(w), "sigmoid": ad.sigmoid(w), "relu": ad.relu(w),
        "negative": -w, "absolute": abs(w), "max": np.maximum(w, 1.0), "min": np.minimum(w, 1.0),
        "transpose": w.T, "reshape": w.reshape(2, 1), "stack": np.stack([w, w]),
        "norm": np.linalg.norm(w), "broadcast": np.broadcast_to(w, (3, 2)),
    }
    for op, node in cases.items():
        assert node.op == op
        assert all(parent is w for parent, _ in node.parents) and node.parents
    assert w.op is None and w.parents == ()
    assert np.mean(w).op == "/" and np.mean(w).parents[0][0].op == "sum"  # mean is a sum, divided


def test_parents_pair_each_input_with_its_local_derivative():
    # what the graph figure reads: local(1) is ∂node/∂parent
    a, b = Node(1.5), Node(0.5)
    p = a * b
    s = np.sin(a)
    assert [parent for parent, _ in p.parents] == [a, b]
    assert [float(local(np.ones(()))) for _, local in p.parents] == [0.5, 1.5]
    assert float(s.parents[0][1](np.ones(()))) == pytest.approx(np.cos(1.5), rel=EXACT)


def test_constants_are_not_parents():
    w = Node(2.0)
    for node in (3.0 * w, w ** np.array(2.0), np.maximum(w, 0.0)):
        assert len(node.parents) == 1 and node.parents[0][0] is w


# ----- snippet sections: what the pages quote -----------------------------------

SECTIONS = {
    "node": ["class Node:", "def backward", "def _topological_order"],
    "backward": ["def backward", "for node in reversed(order):", "def _topological_order"],
    "operation": ["def _operation"],
    "multiply": ["def _multiply"],
    "rules": ["_RULES = {", '"sin":', "def _elementwise"],
    "grad": ["def grad(f):", "output.backward()"],
    "dual": ["class Dual:"],
    "jvp": ["class Dual:", "def jvp(f, w, v):"],
}


def quoted(section: str) -> str:
    """The lines pymdownx.snippets includes for ``--8<-- "src/calcnotes/autodiff.py:section"``."""
    md = markdown.Markdown(
        extensions=["pymdownx.snippets"],
        extension_configs={"pymdownx.snippets": {"base_path": [str(SOURCE.parents[2])], "check_paths": True}},
    )
    return "\n".join(md.preprocessors["snippet"].run([f'--8<-- "src/calcnotes/autodiff.py:{section}"']))


@pytest.mark.parametrize("section", SECTIONS)
def test_each_snippet_section_holds_the_code_it_is_named_after(section):
    text = quoted(section)
    for piece in SECTIONS[section]:
        assert piece in text, piece
    assert "--8<--" not in text  # nested markers are left out


def test_each_snippet_section_is_marked_once():
    lines = SOURCE.read_text(encoding="utf-8").splitlines()
    for section in SECTIONS:
        assert sum(line.strip() == f"# --8<-- [start:{section}]" for line in lines) == 1, section
        assert sum(line.strip() == f"# --8<-- [end:{section}]" for line in lines) == 1, section


def test_the_backward_section_is_the_loop_that_really_runs():
    # the page quotes the very lines Node.backward executes
    assert inspect.getsource(Node.backward).strip() in quoted("backward")
