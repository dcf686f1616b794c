"""Expose ``builders.py`` to the tests of this folder (tests are imported in importlib mode)."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

_PATH = Path(__file__).with_name("builders.py")
if "parallax_test_builders" not in sys.modules:
    _spec = importlib.util.spec_from_file_location("parallax_test_builders", _PATH)
    assert _spec is not None and _spec.loader is not None
    _module = importlib.util.module_from_spec(_spec)
    sys.modules["parallax_test_builders"] = _module
    _spec.loader.exec_module(_module)
