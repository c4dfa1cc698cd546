"""The question flow as a diagram (inline SVG) and, below it, the same flow as a list.

Drawn from the paths the wizard really takes on the sample days (one per period the rules
tell apart), not from every option a routing rule lists: each arrow is an answer someone can
give. One box per node, in topological order top to bottom; a question's box lists its edges
as rows ("answers → Q5"); an edge leaves its row on the right and runs down the lane of its
target (one lane per target, shortest spans nearest the boxes) into the target's header.
Geometry is computed here and drawn by ``templates/flow_diagram.html.j2``.
"""

from __future__ import annotations

import datetime as dt
import re
import unicodedata
from collections import defaultdict
from dataclasses import dataclass
from functools import cache

from kenpo_wizard.flow import FLOW, Question, walk
from kenpo_wizard.rules import SAMPLE_DAYS
from kenpo_wizard.wareki import wareki_short

from ..i18n import E_, _, current_language
from ..paths import paths_on
from ..render import render

DAYS = SAMPLE_DAYS  # the golden days, one per period: named here only
W, MARGIN, FONT, LINE, PAD = 720, 8, 16, 22, 12  # viewBox units: text is 16 px at 720 px
LANE0, LANE_GAP, BOX_GAP, ARROW, ROW_PAD = 22, 14, 14, 9, 6
GEOMETRY = {"width": W, "x": MARGIN, "pad": PAD, "line_h": LINE, "row_pad": ROW_PAD, "arrow": ARROW}
Seen = dict[tuple[str, str], dict[str, set[dt.date]]]  # (from, to) → answer → days


@dataclass(frozen=True)
class Answer:
    value: str  # the URL value; for a number question a range ("0-74"); "*" for any date
    label: str  # as the member reads it
    days: tuple[dt.date, ...]  # the sample days on which this answer leads along the edge


@dataclass(frozen=True)
class Edge:
    source: str
    target: str
    answers: tuple[Answer, ...]
    partial: bool  # seen on some of the sample days only


@dataclass(frozen=True)
class Node:
    id: str
    label: str  # "Q3" for a question, "結果" for an outcome
    text: str  # the question's full text, or the outcome's title
    outcome: bool


@dataclass(frozen=True)
class Graph:
    days: tuple[dt.date, ...]
    nodes: tuple[Node, ...]  # topological order
    edges: tuple[Edge, ...]  # by source; then by the first answer's place; then by target

    def node(self, node_id: str) -> Node:
        return next(n for n in self.nodes if n.id == node_id)

    def edges_from(self, node_id: str) -> tuple[Edge, ...]:
        return tuple(e for e in self.edges if e.source == node_id)


def _topological() -> list[str]:
    """Kahn's order over every routing option of the flow; ties keep the flow's own order."""
    left = {n: 0 for n in FLOW.nodes}
    for node in FLOW.nodes.values():
        for t in FLOW.successors(node):
            left[t] += 1
    out: list[str] = []
    while len(out) < len(left):
        nid = next(n for n in FLOW.nodes if left[n] == 0 and n not in out)
        out.append(nid)
        for t in FLOW.successors(FLOW.nodes[nid]):
            left[t] -= 1
    return out


@cache  # every path on four days takes seconds: once per build, whatever the language
def _walk_all(days: tuple[dt.date, ...]) -> Seen:
    """Every step of every path; a number question is tried with every value it allows, on
    each path that reaches it (its examples only stand in for typed input)."""
    seen: Seen = defaultdict(lambda: defaultdict(set))
    tried: set[tuple[dt.date, tuple[tuple[str, str], ...]]] = set()
    for day in days:
        for state in paths_on(day):
            targets = [s.question.id for s in state.path[1:]] + [state.node.id]
            for i, (step, target) in enumerate(zip(state.path, targets, strict=True)):
                q = step.question
                before = tuple((s.question.id, s.answer) for s in state.path[:i])
                if q.kind != "number":
                    seen[(q.id, target)][step.answer].add(day)
                elif (day, before) not in tried:
                    tried.add((day, before))
                    for v in range(q.minimum or 0, (q.maximum or 130) + 1):
                        nxt = walk(FLOW, {**dict(before), q.id: str(v)}, day)
                        if nxt.error is None:
                            seen[(q.id, nxt.node.id)][str(v)].add(day)
    return seen


def _answers(q: Question, by_value: dict[str, set[dt.date]]) -> tuple[Answer, ...]:
    def days(values: list[str]) -> tuple[dt.date, ...]:
        return tuple(sorted({d for v in values for d in by_value[v]}))

    if q.kind == "choice":
        return tuple(
            Answer(c.value, c.text(), days([c.value])) for c in q.choices if c.value in by_value
        )
    if q.kind == "date":
        return (Answer("*", _("日付を入力"), days(list(by_value))),)
    runs: list[list[str]] = []  # a number question: runs of consecutive values
    for v in sorted(map(int, by_value)):
        if runs and v == int(runs[-1][-1]) + 1:
            runs[-1].append(str(v))
        else:
            runs.append([str(v)])
    spans = [
        (
            f"{r[0]}-{r[-1]}",
            r[0] if r[0] == r[-1] else _("{start}〜{end}").format(start=r[0], end=r[-1]),
            r,
        )
        for r in runs
    ]
    return tuple(Answer(v, label, days(values)) for v, label, values in spans)


def flow_graph(days: tuple[dt.date, ...] = DAYS) -> Graph:
    """The nodes of the flow and the edges seen on every path on ``days``."""
    return _graph(tuple(days), current_language())


@cache  # `mkdocs serve` rebuilds reuse it
def _graph(days: tuple[dt.date, ...], lang: str) -> Graph:
    """``lang``: the graph holds its texts in the language it was made in (a cache key)."""
    seen = _walk_all(days)
    order = _topological()
    questions = [q for n in order if isinstance(q := FLOW.nodes[n], Question)]
    nodes = [Node(q.id, f"Q{i}", E_(q.text), False) for i, q in enumerate(questions, 1)]
    nodes += [Node(o.id, _("結果"), E_(o.title), True) for o in FLOW.outcomes]
    edges = []
    for src, tgt in seen:
        q = FLOW.question(src)
        answers = _answers(q, seen[(src, tgt)])
        first = [c.value for c in q.choices].index(answers[0].value) if q.choices else 0
        partial = {d for a in answers for d in a.days} != set(days)
        edges.append(
            ((order.index(src), first, order.index(tgt)), Edge(src, tgt, answers, partial))
        )
    return Graph(tuple(sorted(days)), tuple(nodes), tuple(e for _, e in sorted(edges)))


# ---------------------------------------------------------------- layout


def _width(text: str) -> float:
    return sum(FONT if unicodedata.east_asian_width(c) in "WFA" else FONT * 0.6 for c in text)


def _wrap(text: str, width: float) -> tuple[str, ...]:
    """Greedy wrap by character; closing punctuation never starts a line."""
    lines, line = [], ""
    for c in text:
        if line and _width(line + c) > width and c not in "、。）」・？※／":
            lines.append(line)
            line = ""
        line += c
    return (*lines, line)


def _short(text: str) -> str:
    """Without its parenthesised asides (the list below the diagram has the full text)."""
    return re.sub(r"（[^）]*）", "", text) or text


@dataclass(frozen=True)
class Row:
    edge: Edge
    top: float
    lines: tuple[str, ...]
    goes_to: str  # "→ Q5"
    wire_y: float


@dataclass(frozen=True)
class Box:
    node: Node
    top: float
    height: float
    head: tuple[str, ...]
    rows: tuple[Row, ...]
    entry_y: float  # where arrows come in


@dataclass(frozen=True)
class Wire:
    edge: Edge
    path: str
    junction: tuple[float, float] | None  # where it joins a lane another edge already runs on


@dataclass(frozen=True)
class Drawing:
    boxes: tuple[Box, ...]
    wires: tuple[Wire, ...]
    tips: tuple[float, ...]  # arrowheads at the boxes' right edge, one per target
    box_r: float
    height: float


def _lanes(graph: Graph) -> dict[str, int]:
    """A lane per target, shortest spans first, reusing a lane where spans do not meet."""
    seq: dict[str | Edge, int] = {}  # each header, then its rows, in drawing order
    for n in graph.nodes:
        seq[n.id] = len(seq)
        seq.update({e: len(seq) + k for k, e in enumerate(graph.edges_from(n.id))})
    spans = {
        e.target: (min(seq[x] for x in graph.edges if x.target == e.target), seq[e.target])
        for e in graph.edges
    }
    lanes: list[list[tuple[int, int]]] = []
    out: dict[str, int] = {}
    for t, (a, b) in sorted(spans.items(), key=lambda s: (s[1][1] - s[1][0], s[1][1])):
        k = next((i for i, lane in enumerate(lanes) if all(b < x or y < a for x, y in lane)), None)
        if k is None:
            k = len(lanes)
            lanes.append([])
        lanes[k].append((a, b))
        out[t] = k
    return out


def layout(graph: Graph) -> Drawing:
    lane = _lanes(graph)
    box_r = W - MARGIN - ARROW - LANE0 - LANE_GAP * max(lane.values(), default=0)
    inner = box_r - MARGIN - 2 * PAD
    boxes: list[Box] = []
    y = float(MARGIN)
    for n in graph.nodes:
        head = _wrap(
            _("結果：{text}").format(text=n.text)
            if n.outcome
            else _("{label}　{text}").format(label=n.label, text=_short(n.text)),
            inner,
        )
        rows, top = [], y + 8 + LINE * len(head) + ROW_PAD
        labels = [] if n.outcome else [_short(c.text()) for c in FLOW.question(n.id).choices]
        for e in graph.edges_from(n.id):
            t = graph.node(e.target)
            goes_to = "→ " + (_("結果：{text}").format(text=t.text) if t.outcome else t.label)
            text = _("／").join(
                (_short(a.label) if labels.count(_short(a.label)) < 2 else a.label)
                + ("" if a.days == graph.days else "※")
                for a in e.answers
            )
            lines = _wrap(text, inner - _width(goes_to) - PAD)
            rows.append(Row(e, top, lines, goes_to, top + ROW_PAD / 2 + LINE / 2))
            top += LINE * len(lines) + ROW_PAD
        height = top - y + (ROW_PAD if n.outcome else 0)
        boxes.append(Box(n, y, height, head, tuple(rows), y + 8 + LINE / 2))
        y += height + BOX_GAP
    entry = {b.node.id: b.entry_y for b in boxes}
    wires, lane_top = [], set()
    for row in (r for b in boxes for r in b.rows):
        x = box_r + LANE0 + LANE_GAP * lane[row.edge.target]
        path = f"M{box_r},{row.wire_y:.1f} H{x} V{entry[row.edge.target]:.1f} H{box_r + ARROW}"
        joins = row.edge.target in lane_top
        lane_top.add(row.edge.target)
        wires.append(Wire(row.edge, path, (x, row.wire_y) if joins else None))
    tips = tuple(sorted(entry[t] for t in lane_top))
    return Drawing(tuple(boxes), tuple(wires), tips, box_r, y - BOX_GAP + MARGIN)


def flow_diagram_html(days: tuple[dt.date, ...] = DAYS) -> str:
    """A ``<figure>``: caption, the inline SVG, and the same flow as a list."""
    graph = flow_graph(days)
    return render(
        "flow_diagram.html.j2",
        drawing=layout(graph),
        graph=graph,
        questions=[n for n in graph.nodes if not n.outcome],
        day_list=_("、").join(map(wareki_short, graph.days)),
        short_day=wareki_short,
        **GEOMETRY,
    )
