"""Where g″ < 0, Newton's step climbs: on the double well w⁴/4 − w²/2 it finds the hump at 0."""

from calcnotes import Table, grad, gradient_descent, newton, show

g = lambda w: w**4 / 4 - w**2 / 2  # minima at ±1, a maximum at 0; g″(w) = 3w² − 1
bend = grad(grad(g))

jumps = newton(g, 0.4, steps=5)
slides = gradient_descent(g, 0.4, lr=0.5, steps=5, grad=grad(g))

rows = [[k, jumps.path[k], jumps.values[k], bend(jumps.path[k]), slides.path[k], slides.values[k]]
        for k in range(6)]
show(Table(rows, ["k", "Newton wᵏ", "g(wᵏ)", "g″(wᵏ)", "descent wᵏ", "g(wᵏ)"]))
