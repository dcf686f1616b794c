"""The report: the published JSON contract (``parallax.report/1``) and its Markdown and HTML renderings.

``build_report`` turns an analysed batch into plain JSON data; ``render`` writes it
in one of :data:`FORMATS`; ``validate`` checks it against the schema shipped in
``report/schema/parallax.report-1.schema.json`` (see ``docs/report-format.md``).
"""

from __future__ import annotations

import json
from typing import Any

from parallax.report.build import SCHEMA_NAME, batch_from_report, build_report
from parallax.report.html import render_html
from parallax.report.markdown import render_markdown
from parallax.report.validation import ReportSchemaError, problems, schema, validate

FORMATS: tuple[str, ...] = ("json", "md", "html")


def render(report: dict[str, Any], fmt: str) -> str:
    """The report as text in ``fmt``: "json" (pretty, UTF-8 as is), "md" or "html"."""
    if fmt == "json":
        return json.dumps(report, ensure_ascii=False, indent=2, allow_nan=False) + "\n"
    if fmt == "md":
        return render_markdown(report)
    if fmt == "html":
        return render_html(report)
    raise ValueError(f"unknown report format {fmt!r} (choose from {', '.join(FORMATS)})")


__all__ = [
    "FORMATS",
    "SCHEMA_NAME",
    "ReportSchemaError",
    "batch_from_report",
    "build_report",
    "problems",
    "render",
    "schema",
    "validate",
]
