"""Review: one self-contained HTML page showing every extracted item in its source.

:func:`render_plan` writes the untouched text of a document with every
indicator highlighted in place (coloured by role, headline figures boxed),
projects underlined, outline headings anchored from a table of contents, and
the noise the cleaner removed greyed out. Clicking a highlight shows its
fields; a side panel lists the headline figures as a table and a bar chart.
The page needs nothing but itself: inline CSS, JS and SVG, and a
Content-Security-Policy that forbids every fetch.

:func:`write_review` writes such pages for files or folders, with an index
page listing each document's counts and the files that failed and why.

>>> from zoneplan.pipeline import parse_text
>>> raw = "主要目标是:规上工业增加值增长10%以上。"
>>> page = render_plan(parse_text(raw), raw)
>>> page.count('class="ind '), ">10%</mark>" in page
(1, True)
"""

from __future__ import annotations

import html
import itertools
import json
import os
from collections.abc import Iterable, Sequence
from decimal import Decimal
from pathlib import Path
from urllib.parse import quote

import attrs

from .errors import InputError, ZoneplanError
from .load import read_text
from .model import Comparator, Indicator, Plan, Project, Role, Span, Task

__all__ = ["render_plan", "summary_html", "write_review"]

#: Written before a figure's number, by comparator.
_SYMBOL = {
    Comparator.EQ: "",
    Comparator.GE: "≥",
    Comparator.GT: ">",
    Comparator.APPROX: "≈",
    Comparator.LE: "≤",
    Comparator.LT: "<",
}

#: Bar colours of the chart, by role (the text highlights use the same hues).
_ROLE_COLOUR = {Role.TARGET: "#e8913a", Role.ACTUAL: "#3f9e4d", Role.OTHER: "#8a98a8"}

#: Extensions :func:`write_review` picks up when given a folder.
_DOC_SUFFIXES = (".txt",)

# ---------------------------------------------------------------------------
# Formatting of single values


def _e(text: str) -> str:
    """Escape text for element content and quoted attribute values alike."""
    return html.escape(text, quote=True)


def _num(value: Decimal) -> str:
    """A decimal as written, never in exponent notation."""
    return format(value, "f")


def _base_num(value: float) -> str:
    """A base-unit value for reading: digit groups, at most 2 decimals for big ones."""
    if value == int(value) and abs(value) < 1e16:
        return f"{int(value):,}"
    if abs(value) >= 1000:
        return f"{value:,.2f}".rstrip("0").rstrip(".")
    return f"{value:.6g}"


def _base_unit(unit: str) -> str:
    return unit.replace(" ** 2", "²").replace(" ** 3", "³")


def _figure(ind: Indicator) -> str:
    """The figure in its own unit with its comparator: ``≥10%``, ``3–5亿元``."""
    sym = _SYMBOL[ind.comparator]
    if ind.value is not None:
        return f"{sym}{_num(ind.value)}{ind.unit}"
    low = _num(ind.low) if ind.low is not None else "?"
    high = _num(ind.high) if ind.high is not None else "?"
    return f"{sym}{low}–{high}{ind.unit}"


def _base_figure(ind: Indicator) -> str:
    """The figure in base units: ``≥10 percent``, ``300,000,000–500,000,000 yuan``."""
    if ind.base_value is None:
        return "—"
    unit = _base_unit(ind.base_unit)
    sym = _SYMBOL[ind.comparator]
    if ind.value is None and ind.low is not None and ind.high is not None and ind.low != 0:
        high = ind.base_value * float(ind.high / ind.low)
        return f"{sym}{_base_num(ind.base_value)}–{_base_num(high)} {unit}"
    return f"{sym}{_base_num(ind.base_value)} {unit}"


def _indicator_fields(ind: Indicator, plan: Plan) -> list[tuple[str, str]]:
    task = _task_title(plan, ind.task)
    return [
        ("name", ind.name or "—"),
        ("text", ind.text),
        ("value", _figure(ind)),
        ("base", _base_figure(ind)),
        ("kind", ind.kind.value),
        ("comparator", f"{ind.comparator.value} {_SYMBOL[ind.comparator]}".strip()),
        ("role", ind.role.value),
        ("headline", "yes" if ind.headline else "no"),
        ("dimension", ind.dimension.value),
        ("part", ind.part.value if ind.part else "—"),
        ("task", task),
        ("id", str(ind.id)),
    ]


def _project_fields(project: Project, plan: Plan) -> list[tuple[str, str]]:
    def fig(f: object) -> str:
        return getattr(f, "text", None) or "—"

    return [
        ("project", project.name),
        ("status", project.status.value if project.status else "—"),
        ("investment", fig(project.investment)),
        ("capacity", fig(project.capacity)),
        ("area", fig(project.area)),
        ("companies", "、".join(project.companies) or "—"),
        ("part", project.part.value if project.part else "—"),
        ("task", _task_title(plan, project.task)),
        ("id", str(project.id)),
    ]


def _task_fields(task: Task) -> list[tuple[str, str]]:
    return [
        ("task", task.id),
        ("label", task.label or "—"),
        ("title", task.title),
        ("part", task.part.value if task.part else "—"),
        ("indicators", str(len(task.indicators))),
        ("projects", str(len(task.projects))),
    ]


def _task_title(plan: Plan, tid: str | None) -> str:
    if tid is None:
        return "—"
    for task in plan.walk_tasks():
        if task.id == tid:
            return f"{tid} {task.title}"
    return tid


def _fields_attr(fields: list[tuple[str, str]]) -> str:
    return _e(json.dumps(fields, ensure_ascii=False))


# ---------------------------------------------------------------------------
# Markup of the text: nested elements from sorted boundary events


@attrs.frozen
class _Mark:
    """One element to wrap around ``raw[start:end]``.

    ``rank`` orders marks covering the same range (lower is outer); ``atomic``
    marks (indicators) are never split, other marks are cut at their
    boundaries; ``first`` attributes (the element id) go on the first
    fragment only.
    """

    start: int
    end: int
    rank: int
    key: int
    tag: str
    attrs: str
    first: str = ""
    atomic: bool = False


def _split_at_atomic(marks: list[_Mark]) -> list[_Mark]:
    """Cut non-atomic marks at atomic boundaries so an atomic mark is never crossed."""
    cuts = sorted({p for m in marks if m.atomic for p in (m.start, m.end)})
    out: list[_Mark] = []
    for m in marks:
        if m.atomic or m.end <= m.start:
            out.append(m)
            continue
        points = [m.start, *(p for p in cuts if m.start < p < m.end), m.end]
        out.extend(attrs.evolve(m, start=a, end=b) for a, b in itertools.pairwise(points))
    return out


def _markup(raw: str, marks: list[_Mark]) -> str:
    """``raw`` escaped, with ``marks`` as properly nested elements.

    Between consecutive boundaries the open elements must be exactly the
    marks covering that segment, outermost first (earlier start, then longer,
    then lower rank). Moving to the next segment closes down to the common
    prefix and opens the rest, so a mark crossing another is split into
    fragments (continuations get class ``cont`` and no id), and a mark nested
    in another is never split.
    """
    pieces = _split_at_atomic(marks)
    spans = [m for m in pieces if m.end > m.start]
    empties: dict[int, list[_Mark]] = {}
    for m in pieces:
        if m.end == m.start:
            empties.setdefault(m.start, []).append(m)
    starting: dict[int, list[_Mark]] = {}
    ending: dict[int, list[_Mark]] = {}
    for m in spans:
        starting.setdefault(m.start, []).append(m)
        ending.setdefault(m.end, []).append(m)
    bounds = sorted({0, len(raw), *starting, *ending, *empties})

    def order(m: _Mark) -> tuple[int, int, int, int]:
        return (m.start, -m.end, m.rank, m.key)

    out: list[str] = []
    opened: set[int] = set()
    stack: list[_Mark] = []
    active: set[_Mark] = set()

    def open_tag(m: _Mark) -> str:
        if m.key in opened:
            return "<" + m.tag + " " + m.attrs.replace('class="', 'class="cont ', 1) + ">"
        opened.add(m.key)
        return f"<{m.tag} {m.first}{' ' if m.first else ''}{m.attrs}>"

    for i, pos in enumerate(bounds):
        active.difference_update(ending.get(pos, ()))
        active.update(starting.get(pos, ()))
        want = sorted(active, key=order)
        keep = 0
        while keep < len(stack) and keep < len(want) and stack[keep] is want[keep]:
            keep += 1
        while len(stack) > keep:
            out.append(f"</{stack.pop().tag}>")
        for m in empties.get(pos, ()):
            out.append(open_tag(m) + f"</{m.tag}>")
        for m in want[keep:]:
            out.append(open_tag(m))
            stack.append(m)
        if i + 1 < len(bounds):
            out.append(html.escape(raw[pos : bounds[i + 1]], quote=False))
    while stack:
        out.append(f"</{stack.pop().tag}>")
    return "".join(out)


def _task_anchor(tid: str) -> str:
    return "task-" + tid.replace(".", "-")


def _marks(plan: Plan) -> list[_Mark]:
    marks: list[_Mark] = []
    key = 0
    for task in plan.walk_tasks():
        depth = task.id.count(".") + 1
        marks.append(
            _Mark(
                start=task.span.start,
                end=task.span.end,
                rank=0,
                key=key,
                tag="span",
                attrs=f'class="task-head depth-{depth}" data-task="{_e(task.id)}" '
                f'data-fields="{_fields_attr(_task_fields(task))}"',
                first=f'id="{_task_anchor(task.id)}"',
            )
        )
        key += 1
    for span in plan.boilerplate:
        marks.append(
            _Mark(
                start=span.start,
                end=span.end,
                rank=1,
                key=key,
                tag="span",
                attrs='class="noise" title="removed by the cleaner"',
            )
        )
        key += 1
    for project in plan.projects:
        fields = _project_fields(project, plan)
        marks.append(
            _Mark(
                start=project.span.start,
                end=project.span.end,
                rank=2,
                key=key,
                tag="span",
                attrs=f'class="proj" data-project="{project.id}" data-fields="{_fields_attr(fields)}"',
                first=f'id="proj-{project.id}"',
            )
        )
        key += 1
    for ind in plan.indicators:
        fields = _indicator_fields(ind, plan)
        classes = f"ind role-{ind.role.value}" + (" headline" if ind.headline else "")
        marks.append(
            _Mark(
                start=ind.span.start,
                end=ind.span.end,
                rank=3,
                key=key,
                tag="mark",
                attrs=f'class="{classes}" data-id="{ind.id}" data-role="{ind.role.value}" '
                f'data-kind="{ind.kind.value}" data-comparator="{ind.comparator.value}" '
                f'data-headline="{"true" if ind.headline else "false"}" '
                f'data-value="{_e(_figure(ind))}" data-base="{_e(_base_figure(ind))}" '
                f'data-fields="{_fields_attr(fields)}" tabindex="0"',
                first=f'id="ind-{ind.id}"',
                atomic=True,
            )
        )
        key += 1
    return marks


# ---------------------------------------------------------------------------
# Side panel: outline, headline table, chart


def _toc(tasks: Sequence[Task]) -> str:
    if not tasks:
        return ""
    items = []
    for task in tasks:
        label = f'<span class="label">{_e(task.label)}</span> ' if task.label else ""
        items.append(
            f'<li><a class="toc-link" href="#{_task_anchor(task.id)}" data-task="{_e(task.id)}" '
            f'title="{_e(task.title)}">{label}{_e(task.title)}</a>{_toc(task.children)}</li>'
        )
    return f"<ol>{''.join(items)}</ol>"


def _headline(plan: Plan) -> list[Indicator]:
    return [i for i in plan.indicators if i.headline]


def _headline_table(plan: Plan, *, links: bool = True, style: str = "") -> str:
    rows = []
    for ind in _headline(plan):
        name = _e(ind.name or "—")
        if links:
            name = f'<a href="#ind-{ind.id}">{name}</a>'
        rows.append(
            f'<tr class="role-{ind.role.value}"{style}><td{style}>{name}</td>'
            f"<td{style}>{_e(_figure(ind))}</td><td{style}>{_e(_base_figure(ind))}</td>"
            f"<td{style}>{ind.kind.value}</td><td{style}>{ind.role.value}</td></tr>"
        )
    if not rows:
        return '<p class="none">No headline figures found.</p>'
    head = "".join(f"<th{style}>{h}</th>" for h in ("name", "figure", "in base units", "kind", "role"))
    return (
        f'<table class="headline-table"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
    )


def _bar_value(ind: Indicator) -> tuple[float, float] | None:
    """(solid end, range end) of a bar; a range draws low solid and low..high lighter."""
    if ind.value is not None:
        return float(ind.value), float(ind.value)
    if ind.low is not None and ind.high is not None:
        return float(ind.low), float(ind.high)
    if ind.low is not None:
        return float(ind.low), float(ind.low)
    if ind.high is not None:
        return float(ind.high), float(ind.high)
    return None


def _chart(plan: Plan) -> str:
    """Horizontal bars of the headline figures, one group (and scale) per unit."""
    groups: dict[str, list[tuple[Indicator, float, float]]] = {}
    for ind in _headline(plan):
        bar = _bar_value(ind)
        if bar is not None:
            groups.setdefault(ind.unit, []).append((ind, *bar))
    if not groups:
        return ""
    width, label_w, value_w, row_h, head_h = 340, 118, 70, 18, 22
    bar_w = width - label_w - value_w
    parts: list[str] = []
    y = 0
    for unit, items in groups.items():
        parts.append(f'<text class="unit" x="0" y="{y + 15}">{_e(unit or "(no unit)")}</text>')
        y += head_h
        lo = min(0.0, *(min(a, b) for _, a, b in items))
        hi = max(0.0, *(max(a, b) for _, a, b in items))
        scale = bar_w / (hi - lo) if hi > lo else 0.0

        def x(v: float, lo: float = lo, scale: float = scale) -> float:
            return label_w + (v - lo) * scale

        zero = x(0.0)
        for ind, solid, end in items:
            name = ind.name or ind.text
            short = name if len(name) <= 8 else name[:7] + "…"
            colour = _ROLE_COLOUR[ind.role]
            a, b = sorted((zero, x(solid)))
            c, d = sorted((x(solid), x(end)))
            parts.append(
                f'<g class="bar role-{ind.role.value}" data-id="{ind.id}">'
                f"<title>{_e(name)}: {_e(_figure(ind))} ({ind.role.value})</title>"
                f'<text x="{label_w - 4}" y="{y + 13}" text-anchor="end">{_e(short)}</text>'
                f'<rect x="{a:.1f}" y="{y + 3}" width="{max(b - a, 1.0):.1f}" height="{row_h - 6}" '
                f'fill="{colour}"/>'
                + (
                    f'<rect x="{c:.1f}" y="{y + 3}" width="{d - c:.1f}" height="{row_h - 6}" '
                    f'fill="{colour}" fill-opacity="0.35"/>'
                    if d > c
                    else ""
                )
                + f'<text x="{width - value_w + 4}" y="{y + 13}">{_e(_figure(ind))}</text></g>'
            )
            y += row_h
        parts.append(
            f'<line x1="{zero:.1f}" x2="{zero:.1f}" y1="{y - row_h * len(items)}" y2="{y}" stroke="#555"/>'
        )
        y += 6
    return (
        f'<svg class="chart" width="{width}" height="{y}" '
        f'viewBox="0 0 {width} {y}" role="img" aria-label="headline figures by unit" '
        f'font-size="11" font-family="sans-serif">{"".join(parts)}</svg>'
    )


# ---------------------------------------------------------------------------
# The page


_CSP = "default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'; img-src data:"

_CSS = """
:root{--target:#ffd6a5;--actual:#c3ecc8;--other:#e1e6ec;--proj:#7b4fd6;--sel:#1f6feb}
*{box-sizing:border-box}
body{margin:0;font:14px/1.5 system-ui,"Noto Sans CJK SC","WenQuanYi Micro Hei","PingFang SC",
"Microsoft YaHei",sans-serif;color:#222;background:#fafafa}
header{padding:12px 20px;background:#fff;border-bottom:1px solid #ddd}
header h1{margin:0 0 4px;font-size:20px}
.meta,.counts{color:#555;font-size:13px}
.legend{margin-top:6px;font-size:13px}
.legend label{margin-right:12px;cursor:pointer;white-space:nowrap}
.sw{display:inline-block;padding:0 6px;border-radius:3px}
.layout{display:flex;gap:16px;padding:16px 20px;align-items:flex-start}
main.doc{flex:1 1 auto;min-width:0;white-space:pre-wrap;word-break:break-all;background:#fff;
padding:16px 20px;border:1px solid #ddd;border-radius:6px;font-size:15px;line-height:1.9}
aside{flex:0 0 420px;position:sticky;top:8px;max-height:calc(100vh - 16px);overflow:auto}
aside section{background:#fff;border:1px solid #ddd;border-radius:6px;padding:8px 12px;margin-bottom:12px}
aside h2{font-size:14px;margin:0 0 6px}
@media (max-width:900px){.layout{flex-direction:column}aside{position:static;max-height:none;flex:none;
width:100%}}
mark.ind{color:inherit;border-radius:3px;padding:0 1px;cursor:pointer;background:var(--other);
white-space:nowrap}
mark.role-target{background:var(--target)}
mark.role-actual{background:var(--actual)}
mark.headline{outline:2px solid #c0392b;font-weight:bold}
mark.selected,mark.ind:focus{outline:3px solid var(--sel);outline-offset:1px}
.proj{border-bottom:2px solid var(--proj);cursor:pointer}
.proj.selected{background:#ece4fb}
.noise{color:#aaa;background:repeating-linear-gradient(135deg,#f3f3f3 0 6px,#fff 6px 12px)}
.task-head{font-weight:bold;color:#0b3d91;scroll-margin-top:40px}
.task-head.depth-1{font-size:16px}
.hide-target mark.role-target,.hide-actual mark.role-actual,.hide-other mark.role-other{background:none;
outline:none;font-weight:inherit}
.hide-projects .proj{border-bottom:none}
.hide-noise .noise{display:none}
#details dl{display:grid;grid-template-columns:auto 1fr;gap:2px 10px;margin:0}
#details dt{color:#666}#details dd{margin:0;word-break:break-all}
#toc ol{margin:0;padding-left:18px}#toc li{margin:1px 0}
#toc a{color:#0b3d91;text-decoration:none;display:block;white-space:nowrap;overflow:hidden;
text-overflow:ellipsis}
#toc a:hover{text-decoration:underline}
table{border-collapse:collapse;font-size:12px;width:100%}
th,td{border-bottom:1px solid #eee;padding:2px 4px;text-align:left;vertical-align:top}
.headline-table td+td{white-space:nowrap}
tr.role-target td:first-child{border-left:4px solid #e8913a}
tr.role-actual td:first-child{border-left:4px solid #3f9e4d}
tr.role-other td:first-child{border-left:4px solid #8a98a8}
.chart{margin-top:8px;max-width:100%;height:auto}.chart .unit{font-weight:bold}
#tip{position:fixed;z-index:10;max-width:360px;background:#fff;border:1px solid #999;border-radius:4px;
padding:6px 8px;font-size:12px;box-shadow:0 2px 8px rgba(0,0,0,.2);pointer-events:none}
#tip dl{display:grid;grid-template-columns:auto 1fr;gap:0 8px;margin:0}#tip dt{color:#666}
#tip dd{margin:0}
.none{color:#777;font-style:italic}
"""

_JS = """
(function () {
  var body = document.body, doc = document.getElementById("text");
  var panel = document.getElementById("detail-body"), tip = document.getElementById("tip"), sel = null;
  function fill(box, el, limit) {
    box.textContent = "";
    var dl = document.createElement("dl");
    JSON.parse(el.getAttribute("data-fields")).slice(0, limit || 99).forEach(function (p) {
      var dt = document.createElement("dt"), dd = document.createElement("dd");
      dt.textContent = p[0];
      dd.textContent = p[1];
      dd.setAttribute("data-field", p[0]);
      dl.appendChild(dt);
      dl.appendChild(dd);
    });
    box.appendChild(dl);
  }
  function primary(el) {
    if (el.id) return el;
    var id = el.classList.contains("ind") ? "ind-" + el.getAttribute("data-id")
      : el.classList.contains("proj") ? "proj-" + el.getAttribute("data-project") : "";
    return (id && document.getElementById(id)) || el;
  }
  function select(el, scroll) {
    el = primary(el);
    if (sel) sel.classList.remove("selected");
    sel = el;
    el.classList.add("selected");
    fill(panel, el);
    panel.setAttribute("data-selected", el.id || "");
    if (scroll) el.scrollIntoView({block: "center"});
  }
  doc.addEventListener("click", function (e) {
    var el = e.target.closest("[data-fields]");
    if (el) select(el, false);
  });
  doc.addEventListener("keydown", function (e) {
    var el = e.target.closest("mark.ind");
    if (el && (e.key === "Enter" || e.key === " ")) { select(el, false); e.preventDefault(); }
  });
  doc.addEventListener("mouseover", function (e) {
    var el = e.target.closest("mark.ind, .proj");
    if (!el) { tip.hidden = true; return; }
    fill(tip, el, 7);
    tip.hidden = false;
    var r = el.getBoundingClientRect(), w = tip.offsetWidth, h = tip.offsetHeight;
    var x = Math.min(r.left, window.innerWidth - w - 8), y = r.bottom + 6;
    if (y + h > window.innerHeight) y = r.top - h - 6;
    tip.style.left = Math.max(4, x) + "px";
    tip.style.top = Math.max(4, y) + "px";
  });
  doc.addEventListener("mouseleave", function () { tip.hidden = true; });
  function fromHash() {
    var id = decodeURIComponent(location.hash.slice(1)), el = id && document.getElementById(id);
    if (el && el.hasAttribute("data-fields")) select(el, true);
  }
  window.addEventListener("hashchange", fromHash);
  fromHash();
  document.querySelectorAll(".legend input[data-toggle]").forEach(function (box) {
    box.addEventListener("change", function () {
      body.classList.toggle("hide-" + box.getAttribute("data-toggle"), !box.checked);
    });
  });
})();
"""


def _page(title: str, head_extra: str, body: str, script: str = "") -> str:
    return (
        "<!DOCTYPE html>\n"
        '<html lang="zh-CN"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f'<meta http-equiv="Content-Security-Policy" content="{_CSP}">'
        '<link rel="icon" href="data:,">'
        f"<title>{_e(title)}</title><style>{_CSS}{head_extra}</style></head>\n"
        f"<body>{body}{f'<script>{script}</script>' if script else ''}</body></html>\n"
    )


def _meta_line(plan: Plan) -> str:
    bits = [
        ("zone", plan.zone),
        ("kind", plan.kind.value if plan.kind else None),
        ("year", str(plan.year) if plan.year else None),
        ("review period", plan.review_period),
        ("published", plan.published.isoformat() if plan.published else None),
        ("doc no.", plan.doc_number),
        ("source", plan.source),
    ]
    return " · ".join(f"{k}: {_e(v)}" for k, v in bits if v)


def _counts(plan: Plan) -> dict[str, int]:
    return {
        "indicators": len(plan.indicators),
        "targets": len(plan.targets),
        "actuals": len(plan.actuals),
        "headline": len(_headline(plan)),
        "goals": len(plan.goals),
        "tasks": sum(1 for _ in plan.walk_tasks()),
        "projects": len(plan.projects),
        "boilerplate": len(plan.boilerplate),
    }


def _check_spans(plan: Plan, raw: str) -> None:
    """The raw text must be the one the plan was parsed from."""
    where = plan.source or "<text>"
    if plan.length and plan.length != len(raw):
        raise ZoneplanError(
            f"the text has {len(raw)} characters but the plan was parsed from {plan.length}", file=where
        )
    spans: Iterable[Span] = (
        *(i.span for i in plan.indicators),
        *(p.span for p in plan.projects),
        *(t.span for t in plan.walk_tasks()),
        *plan.boilerplate,
    )
    for span in spans:
        if span.end > len(raw):
            raise ZoneplanError("a span reaches past the end of the text", file=where, position=span.end)
    for ind in plan.indicators:
        if ind.span.of(raw) != ind.text:
            raise ZoneplanError(
                "the text is not the one the plan was parsed from", file=where, position=ind.span.start
            )


def render_plan(plan: Plan, raw: str | None = None) -> str:
    """The review page of ``plan`` (see the module doc).

    ``raw`` is the text the plan was parsed from; when omitted it is read
    from ``plan.source``. Raises :class:`ZoneplanError` when there is no text
    to read or it is not the plan's text.
    """
    if raw is None:
        if plan.source is None:
            raise InputError("the plan has no source file: pass the raw text")
        raw = read_text(plan.source)
    _check_spans(plan, raw)
    title = plan.title or plan.zone or (Path(plan.source).name if plan.source else "zoneplan review")
    counts = _counts(plan)
    count_line = " · ".join(f"{v} {k}" for k, v in counts.items())
    legend = "".join(
        f'<label><input type="checkbox" checked data-toggle="{key}"> <span class="sw" style="{style}">'
        f"{label}</span></label>"
        for key, label, style in (
            ("target", "target", "background:var(--target)"),
            ("actual", "actual", "background:var(--actual)"),
            ("other", "other", "background:var(--other)"),
            ("projects", "project", "border-bottom:2px solid var(--proj)"),
            ("noise", "removed noise", "color:#aaa;background:#f3f3f3"),
        )
    )
    legend += '<span class="sw" style="outline:2px solid #c0392b;font-weight:bold">headline</span>'
    toc = _toc(plan.tasks) or '<p class="none">No outline found.</p>'
    body = (
        f'<header><h1>{_e(title)}</h1><div class="meta">{_meta_line(plan)}</div>'
        f'<div class="counts">{_e(count_line)}</div><div class="legend">{legend}</div></header>'
        '<div class="layout">'
        f'<main id="text" class="doc" lang="zh-CN">{_markup(raw, _marks(plan))}</main>'
        '<aside><section id="details"><h2>Selected</h2><div id="detail-body">'
        '<p class="none">Click a highlighted figure or project to see its fields.</p></div></section>'
        f'<section id="headline"><h2>Headline figures</h2>{_headline_table(plan)}{_chart(plan)}</section>'
        f'<section id="toc"><h2>Outline</h2>{toc}</section>'
        "</aside></div>"
        '<div id="tip" hidden></div>'
    )
    return _page(title, "", body, _JS)


def summary_html(plan: Plan) -> str:
    """A compact summary (title, metadata, counts, headline table and chart) for Jupyter."""
    title = plan.title or plan.zone or "(untitled)"
    counts = ", ".join(f"{v} {k}" for k, v in _counts(plan).items())
    cell = ' style="padding:1px 6px;text-align:left;border-bottom:1px solid #ddd"'
    return (
        '<div class="zoneplan-summary" style="font-family:sans-serif;font-size:13px">'
        f'<div style="font-weight:bold;font-size:15px">{_e(title)}</div>'
        f'<div style="color:#555">{_meta_line(plan)}</div>'
        f'<div style="color:#555">{_e(counts)}</div>'
        f"{_headline_table(plan, links=False, style=cell)}{_chart(plan)}</div>"
    )


# ---------------------------------------------------------------------------
# Several documents


@attrs.frozen
class _Done:
    path: str
    page: str
    plan: Plan


@attrs.frozen
class _Failed:
    path: str
    reason: str


def _reason(exc: ZoneplanError) -> str:
    text = f"{type(exc).__name__}: {exc.message}"
    return text if exc.position is None else f"{text} (at {exc.position})"


def _expand(paths: Sequence[str]) -> tuple[list[str], list[_Failed]]:
    files: list[str] = []
    failed: list[_Failed] = []
    for p in paths:
        if Path(p).is_dir():
            found = sorted(
                str(f)
                for f in Path(p).iterdir()
                if f.suffix.lower() in _DOC_SUFFIXES and f.is_file() and not f.name.startswith(".")
            )
            if not found:
                failed.append(_Failed(p, f"no {'/'.join(_DOC_SUFFIXES)} files in the folder"))
            files.extend(found)
        else:
            files.append(p)
    return files, failed


def _review_one(path: str) -> tuple[Plan, str]:
    from .pipeline import parse_text

    raw = read_text(path)
    plan = parse_text(raw, source=path)
    return plan, render_plan(plan, raw)


def _unique_name(stem: str, used: set[str]) -> str:
    name = f"{stem}.html"
    n = 2
    while name.lower() in used:
        name = f"{stem}-{n}.html"
        n += 1
    used.add(name.lower())
    return name


def _index(done: list[_Done], failed: list[_Failed]) -> str:
    keys = list(_counts(Plan()).keys())
    head = "".join(f"<th>{k}</th>" for k in ("document", "title", "kind", "year", *keys))
    rows = []
    for d in done:
        counts = _counts(d.plan)
        cells = "".join(f'<td class="n" data-count="{k}">{counts[k]}</td>' for k in keys)
        rows.append(
            f'<tr class="doc-row"><td><a href="{quote(d.page)}">{_e(d.path)}</a></td>'
            f"<td>{_e(d.plan.title or '—')}</td><td>{_e(d.plan.kind.value if d.plan.kind else '—')}</td>"
            f"<td>{d.plan.year or '—'}</td>{cells}</tr>"
        )
    table = (
        f'<table class="index"><thead><tr>{head}</tr></thead><tbody>{"".join(rows)}</tbody></table>'
        if rows
        else '<p class="none">No document could be read.</p>'
    )
    fails = ""
    if failed:
        items = "".join(
            f'<tr class="failed-row"><td class="file">{_e(f.path)}</td>'
            f'<td class="reason">{_e(f.reason)}</td></tr>'
            for f in failed
        )
        fails = (
            f'<section id="failed"><h2>Failed ({len(failed)})</h2><table><thead><tr><th>file</th>'
            f"<th>reason</th></tr></thead><tbody>{items}</tbody></table></section>"
        )
    body = (
        f'<header><h1>zoneplan review</h1><div class="counts">{len(done)} documents reviewed, '
        f"{len(failed)} failed</div></header>"
        f'<div style="padding:16px 20px"><section id="documents">{table}</section>{fails}</div>'
    )
    return _page("zoneplan review", "section{margin-bottom:16px}td.n{text-align:right}", body)


def write_review(paths: Sequence[str | os.PathLike[str]], output: str | os.PathLike[str]) -> int:
    """Write review pages; return how many files failed.

    One file: its page is written to ``output`` (or into it, as
    ``<stem>.html``, when ``output`` is a folder or ends with a slash). Several files or a folder
    (its ``*.txt`` files, not recursing): ``output`` is a folder that gets
    ``index.html`` and one page per document, or, when it ends in ``.html``,
    the index file itself, with the pages beside it. The index links every
    page with its counts and lists the files that failed and why; a file that
    fails (any :class:`ZoneplanError`) never stops the others.
    """
    names = [os.fspath(p) for p in paths]
    out = Path(output)
    single = len(names) == 1 and not Path(names[0]).is_dir()
    files, failed = _expand(names)
    if single:
        into = out.is_dir() or os.fspath(output).endswith(("/", os.sep))
        target = out / f"{Path(names[0]).stem}.html" if into else out
        target.parent.mkdir(parents=True, exist_ok=True)
        try:
            _, page = _review_one(names[0])
        except ZoneplanError as exc:
            target.write_text(_index([], [_Failed(names[0], _reason(exc))]), encoding="utf-8")
            return 1
        target.write_text(page, encoding="utf-8")
        return 0
    if out.suffix.lower() in (".html", ".htm") and not out.is_dir():
        folder, index = out.parent, out
    else:
        folder, index = out, out / "index.html"
    folder.mkdir(parents=True, exist_ok=True)
    used = {index.name.lower()}
    done: list[_Done] = []
    for path in files:
        try:
            plan, page = _review_one(path)
        except ZoneplanError as exc:
            failed.append(_Failed(path, _reason(exc)))
            continue
        name = _unique_name(Path(path).stem or "document", used)
        (folder / name).write_text(page, encoding="utf-8")
        done.append(_Done(path, name, plan))
    index.write_text(_index(done, failed), encoding="utf-8")
    return len(failed)
