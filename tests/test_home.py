"""The home page's first example: measured slopes of sin agree with cos."""

import math

from conftest import run_snippet
from pageoutput import read_number, table_rows


def test_the_measured_slopes_of_sin_agree_with_cos_to_about_ten_digits():
    rows = table_rows(run_snippet("home/first_derivative.py"))
    assert [read_number(row[0]) for row in rows] == [-2.6, 0.0, 1.0, 2.5]
    for w, measured, *_ in rows:
        assert abs(read_number(measured) - math.cos(read_number(w))) < 1e-9
