"""Expose ``builders.py`` to the tests of this folder as ``nlp_builders`` (importlib import mode)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_spec = importlib.util.spec_from_file_location("nlp_builders", Path(__file__).with_name("builders.py"))
assert _spec is not None and _spec.loader is not None
sys.modules["nlp_builders"] = _builders = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_builders)
