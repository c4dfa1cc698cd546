"""The question-flow diagram (kenpo:flow-diagram): drawn from the golden paths, valid SVG with
a text version, the same bytes every time. No build and no browser."""

from __future__ import annotations

import itertools
import os
import re
import subprocess
import sys
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from kenpo_site.blocks import flow_diagram as fd
from kenpo_site.paths import paths_on
from kenpo_wizard.flow import FLOW, Outcome

ROOT = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="module")
def html() -> str:
    return fd.flow_diagram_html()


@pytest.fixture(scope="module")
def page(html: str) -> ET.Element:
    """The whole block as XML: the <figure> and the text version after it."""
    return ET.fromstring(f"<root>{html}</root>")


@pytest.fixture(scope="module")
def svg(page: ET.Element) -> ET.Element:
    found = page.find("figure/svg")
    assert found is not None
    return found


@pytest.fixture(scope="module")
def golden_edges() -> set[tuple[str, str]]:
    """(question, next node) for every step of every path on the golden days, read here from
    the paths themselves (not from the diagram's graph)."""
    edges: set[tuple[str, str]] = set()
    for day in fd.DAYS:
        for state in paths_on(day):
            ids = [s.question.id for s in state.path] + [state.node.id]
            edges.update(itertools.pairwise(ids))
    return edges


@pytest.mark.slow
def test_every_node_of_the_flow_is_a_node_in_topological_order() -> None:
    graph = fd.flow_graph()
    ids = [n.id for n in graph.nodes]
    assert sorted(ids) == sorted(FLOW.nodes)
    for e in graph.edges:
        assert ids.index(e.source) < ids.index(e.target), e
    assert [n.label for n in graph.nodes if not n.outcome] == [
        f"Q{i}" for i in range(1, len(FLOW.questions) + 1)
    ]


def test_every_question_and_outcome_is_drawn(svg: ET.Element) -> None:
    drawn = {g.get("data-node", ""): g for g in svg.iter("g") if g.get("data-node")}
    assert set(drawn) == set(FLOW.nodes)
    for node_id, g in drawn.items():
        texts = "".join(t.text or "" for t in g.iter("text"))
        if isinstance(FLOW.nodes[node_id], Outcome):
            # an outcome says so in words and has a double border, not just another colour
            assert texts.startswith("結果："), texts
            assert len(g.findall("rect")) == 2
            assert "outcome" in (g.get("class") or "")
        else:
            assert re.match(r"Q\d+　", texts), texts
            assert len(g.findall("rect")) == 1


def test_the_graph_has_exactly_the_golden_edges(golden_edges: set[tuple[str, str]]) -> None:
    assert {(e.source, e.target) for e in fd.flow_graph().edges} == golden_edges


def test_every_golden_edge_is_drawn_as_an_arrow(
    svg: ET.Element, golden_edges: set[tuple[str, str]]
) -> None:
    wires = [p for p in svg.iter("path") if p.get("data-from")]
    drawn = {(p.get("data-from"), p.get("data-to")) for p in wires}
    assert drawn == golden_edges
    assert len(wires) == len(golden_edges)  # one wire per edge, however many answers
    heads = [p for p in svg.iter("path") if not p.get("data-from")]
    assert len(heads) == len({t for _, t in golden_edges})  # one arrowhead per target


def test_each_edge_is_labelled_with_its_answers() -> None:
    graph = fd.flow_graph()
    since = {e.target: [a.value for a in e.answers] for e in graph.edges_from("since")}
    assert since == {"member_type": ["before", "unknown"], "joined_on": ["later"]}
    ages = {e.target: [a.label for a in e.answers] for e in graph.edges_from("age")}
    assert ages == {"leaving": ["0〜74"], "over_75": ["75〜130"]}  # every age tried, not examples
    for e in graph.edges:
        question = FLOW.question(e.source)
        if question.kind == "choice":
            assert [a.value for a in e.answers] == [
                c.value for c in question.choices if c.value in {a.value for a in e.answers}
            ]


def test_edges_seen_on_some_days_only_are_marked(svg: ET.Element) -> None:
    graph = fd.flow_graph()
    partial = {(e.source, e.target) for e in graph.edges if e.partial}
    assert ("mynumber_card", "result") in partial  # on some days the documents are not asked
    assert ("since", "member_type") not in partial
    dashed = {
        (p.get("data-from"), p.get("data-to"))
        for p in svg.iter("path")
        if p.get("stroke-dasharray")
    }
    assert dashed == partial
    for e in graph.edges:
        assert e.partial == ({d for a in e.answers for d in a.days} != set(graph.days))


def test_svg_is_accessible_and_fits_the_column(svg: ET.Element) -> None:
    assert svg.get("role") == "img"
    title, desc = svg.find("title"), svg.find("desc")
    assert title is not None and title.text and title.get("id") == svg.get("aria-labelledby")
    assert desc is not None and desc.text and desc.get("id") == svg.get("aria-describedby")
    _, _, width, height = map(float, (svg.get("viewBox") or "").split())
    assert width == 720 and svg.get("font-size") == "16"
    for rect in svg.iter("rect"):
        assert float(rect.get("x", "0")) >= 0
        assert float(rect.get("x", "0")) + float(rect.get("width", "0")) <= width
        assert float(rect.get("y", "0")) + float(rect.get("height", "0")) <= height
    for path in svg.iter("path"):
        xs = [float(x) for x in re.findall(r"[MH](-?[\d.]+)", path.get("d", ""))]
        assert all(0 <= x <= width for x in xs), path.get("d")


def test_text_version_lists_every_question_and_where_each_answer_leads(page: ET.Element) -> None:
    graph = fd.flow_graph()
    items = {li.get("id"): li for li in page.iterfind("div/ol/li")}
    assert list(items) == [f"kenpo-flow-{q.id}" for q in FLOW.questions]
    for q in FLOW.questions:
        li = items[f"kenpo-flow-{q.id}"]
        assert q.text in "".join(li.itertext())
        lines = ["".join(x.itertext()) for x in li.iterfind("ul/li")]
        assert len(lines) == len(graph.edges_from(q.id))
        for line, e in zip(lines, graph.edges_from(q.id), strict=True):
            target = graph.node(e.target)
            assert line.endswith(target.text), line
            assert all(a.label in line for a in e.answers), line
            if not target.outcome:
                assert f"→ {target.label} " in line


def test_output_is_deterministic(html: str) -> None:
    assert fd.flow_diagram_html() == html
    # a fresh process with another hash seed: no set or dict order leaks into the bytes
    # (one sample day keeps it quick; the drawing code is the same for every day)
    day = fd.DAYS[2]
    code = (
        "import sys, datetime as dt; from kenpo_site.blocks.flow_diagram import flow_diagram_html"
        f" as f; sys.stdout.buffer.write(f((dt.date.fromisoformat('{day}'),)).encode())"
    )
    env = dict(os.environ, PYTHONHASHSEED="12345", PYTHONPATH=str(ROOT / "src"))
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, check=True)
    assert out.stdout.decode() == fd.flow_diagram_html((day,))
