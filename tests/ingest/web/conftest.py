"""A loopback web site for the fetching tests; page builders (``webpages.py``) as ``parallax_web_pages``."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path

import pytest
from pytest_httpserver import HTTPServer

from parallax.options import Options

if "parallax_web_pages" not in sys.modules:
    _spec = importlib.util.spec_from_file_location(
        "parallax_web_pages", Path(__file__).parent / "webpages.py"
    )
    assert _spec is not None and _spec.loader is not None
    _module = importlib.util.module_from_spec(_spec)
    sys.modules["parallax_web_pages"] = _module
    _spec.loader.exec_module(_module)


@pytest.fixture
def options() -> Options:
    return Options(
        workspace=None,
        allow_private=True,
        host_delay=0.0,
        fetch_timeout=3.0,
        fetch_retries=0,
        embeddings=False,
    )


@pytest.fixture
def site(httpserver: HTTPServer) -> HTTPServer:
    """The loopback server with no robots.txt (a 404: everything allowed)."""
    httpserver.expect_request("/robots.txt").respond_with_data("não há", status=404)
    return httpserver
