"""The heart of calcnotes.autodiff, printed from the installed package."""

import inspect
import re
import textwrap

from calcnotes.autodiff import Node, _elementwise, _multiply, sin

parts = [_multiply, sin, _elementwise, Node.backward, Node._topological_order]
source = "\n\n".join(textwrap.dedent(inspect.getsource(part))
                     for part in parts)
source = re.sub(r'\n\s*"""(?:.|\n)*?"""', "", source)  # leave out docstrings
print(f"```python\n{source.strip()}\n```")
