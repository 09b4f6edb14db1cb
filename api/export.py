"""The queue as CSV: one row per case, cells a spreadsheet cannot mistake for a formula.

A cell that begins with `=`, `+`, `-`, `@`, a tab or a carriage return would be read as a formula by Excel,
LibreOffice or Google Sheets (a title such as `=HYPERLINK(...)`): such a cell gets a leading apostrophe, which
spreadsheets show as text and do not evaluate.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable, Iterator

from fastapi.responses import StreamingResponse

from triage.store.queue import CaseSummary

COLUMNS = (
    "id",
    "org",
    "title",
    "production type",
    "created",
    "stage",
    "route",
    "approval required",
    "triggers",
    "assignee name",
    "due",
    "overdue",
    "review",
)
FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")


def neutralised(cell: str) -> str:
    return "'" + cell if cell.startswith(FORMULA_STARTS) else cell


def _yes_no(value: bool | None) -> str:
    return "" if value is None else "yes" if value else "no"


def _cells(case: CaseSummary, assignee_name: str) -> list[str]:
    review = "" if case.review is None else case.review + (" (stale)" if case.review_stale else "")
    return [
        case.id,
        case.org,
        case.production_title or "",
        case.production_type or "",
        case.created_at,
        case.stage,
        case.effective_route or "",
        _yes_no(case.approval_required),
        " ".join(case.triggers),
        assignee_name,
        case.due_at or "",
        _yes_no(case.overdue),
        review,
    ]


def csv_lines(rows: Iterable[tuple[CaseSummary, str]]) -> Iterator[str]:
    """The header line, then one line per (case, its assignee's name)."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)

    def line(cells: Iterable[str]) -> str:
        writer.writerow([neutralised(c) for c in cells])
        out = buffer.getvalue()
        buffer.seek(0)
        buffer.truncate()
        return out

    yield line(COLUMNS)
    for case, assignee_name in rows:
        yield line(_cells(case, assignee_name))


def csv_response(rows: Iterable[tuple[CaseSummary, str]]) -> StreamingResponse:
    """The rows streamed as a CSV attachment (the security middleware adds `Cache-Control: no-store`)."""
    return StreamingResponse(
        csv_lines(rows),
        media_type="text/csv; charset=utf-8",
        headers={"Content-Disposition": 'attachment; filename="cases.csv"'},
    )
