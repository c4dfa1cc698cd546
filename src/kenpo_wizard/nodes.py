"""What a question flow is made of, and how answers walk it (the questions are in flow.py).

Each question has an id (its URL key), Japanese text, and either choices that each name
the next node, or one ``next``. Where the next node depends on what is already known, a
:class:`Branch` lists every node it may lead to and a rule picks one, so the graph can be
checked without running it: building a :class:`Flow` fails on a dangling or unreachable node.

Answers are plain strings keyed by question id (as in a URL). ``walk`` replays them from
the start and returns the facts gathered, the answered path and the node to show next.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field

from .dates import parse_date
from .errors import InputError
from .facts import Facts, check_consistent, read_whole_number
from .i18n import _
from .wareki import both

UNKNOWN = "unknown"  # the 「わからない」 choice: sets no fact, or the one it is answered as


@dataclass(frozen=True)
class Branch:
    """A next node chosen from ``options`` by ``rule`` (facts so far, the day)."""

    name: str
    options: tuple[str, ...]
    rule: Callable[[Facts, dt.date], str]


@dataclass(frozen=True)
class Choice:
    value: str
    label: str  # the msgid; ``{day}`` in it is filled with ``day`` (see :meth:`text`)
    next: str | Branch
    hint: str = ""
    facts: Mapping[str, object] = field(default_factory=dict)
    day: dt.date | None = None

    def text(self) -> str:
        """The label as shown, in the current language."""
        label = _(self.label)
        return label.format(day=both(self.day)) if self.day else label


@dataclass(frozen=True)
class Question:
    id: str
    kind: str  # "choice", "date" or "number"
    text: str
    hint: str = ""
    choices: tuple[Choice, ...] = ()
    fact: str | None = None  # for date and number questions
    next: str | Branch | None = None  # for date and number questions
    examples: tuple[str, ...] = ()  # typical answers, for enumerating paths
    legend_note: str = ""  # why we ask (shown under the question)
    band_hint: str = ""  # the hint over ranges to choose from (static pages), if not ``hint``
    minimum: int | None = None
    maximum: int | None = None

    def choice(self, value: str) -> Choice | None:
        return next((c for c in self.choices if c.value == value), None)

    def offered(self, facts: Facts) -> tuple[Choice, ...]:
        """The choices that can be true of someone with ``facts`` (no rule here: a choice is
        left out when :func:`check_consistent` refuses its facts, e.g. a child's companion
        for an adult, contract A9). The walk refuses the others if a URL names them."""
        return tuple(c for c in self.choices if _consistent(facts, c.facts))


def _consistent(facts: Facts, more: Mapping[str, object]) -> bool:
    try:
        check_consistent(dataclasses.replace(facts, **more))  # type: ignore[arg-type]
    except InputError:
        return False
    return True


@dataclass(frozen=True)
class Outcome:
    id: str
    title: str


Node = Question | Outcome


class FlowError(Exception):
    """The flow's graph is broken (a programming error, found when the flow is built)."""


class Flow:
    def __init__(self, start: str, nodes: list[Node]) -> None:
        self.start = start
        self.nodes: dict[str, Node] = {}
        for node in nodes:
            if node.id in self.nodes:
                raise FlowError(f"duplicate node {node.id!r}")
            self.nodes[node.id] = node
        self._check()

    def successors(self, node: Node) -> tuple[str, ...]:
        if isinstance(node, Outcome):
            return ()
        targets: list[str] = []
        for nxt in [c.next for c in node.choices] + [node.next]:
            if isinstance(nxt, Branch):
                targets.extend(nxt.options)
            elif nxt is not None:
                targets.append(nxt)
        return tuple(dict.fromkeys(targets))

    def _check(self) -> None:
        if self.start not in self.nodes:
            raise FlowError(f"start node {self.start!r} does not exist")
        for node in self.nodes.values():
            if isinstance(node, Question):
                if node.kind == "choice" and (not node.choices or node.next is not None):
                    raise FlowError(f"{node.id}: a choice question names its next per choice")
                if node.kind != "choice" and (node.choices or node.next is None or not node.fact):
                    raise FlowError(f"{node.id}: a {node.kind} question needs a fact and a next")
            for target in self.successors(node):
                if target not in self.nodes:
                    raise FlowError(f"{node.id} leads to missing node {target!r}")
        seen, todo = {self.start}, [self.start]
        while todo:
            for target in self.successors(self.nodes[todo.pop()]):
                if target not in seen:
                    seen.add(target)
                    todo.append(target)
        unreachable = sorted(set(self.nodes) - seen)
        if unreachable:
            raise FlowError(f"unreachable nodes: {', '.join(unreachable)}")

    def question(self, qid: str) -> Question:
        node = self.nodes[qid]
        assert isinstance(node, Question)
        return node

    @property
    def questions(self) -> list[Question]:
        return [n for n in self.nodes.values() if isinstance(n, Question)]

    @property
    def outcomes(self) -> list[Outcome]:
        return [n for n in self.nodes.values() if isinstance(n, Outcome)]


@dataclass(frozen=True)
class Step:
    question: Question
    answer: str


@dataclass(frozen=True)
class State:
    """Where a set of answers leads: the answered path, the facts, and the current node."""

    path: tuple[Step, ...]
    facts: Facts
    node: Node
    error: InputError | None = None  # the answer to ``node`` was rejected

    @property
    def done(self) -> bool:
        return isinstance(self.node, Outcome)

    def answers(self) -> dict[str, str]:
        """Only the answers on the path: what a canonical URL holds (unknown keys dropped)."""
        return {s.question.id: s.answer for s in self.path}


def walk(flow: Flow, answers: Mapping[str, str], on: dt.date) -> State:
    """Replay ``answers`` from the start; stop at the first question unanswered or invalid."""
    facts: dict[str, object] = {}
    path: list[Step] = []
    node: Node = flow.nodes[flow.start]
    while isinstance(node, Question):
        raw = answers.get(node.id)
        if raw is None or raw == "":
            break
        try:
            target, new_facts = _apply(node, raw)
            trial = {**facts, **new_facts}
            current = Facts(**trial)  # type: ignore[arg-type]
            check_consistent(current)
        except InputError as err:
            return State(tuple(path), Facts(**facts), node, err)  # type: ignore[arg-type]
        facts = trial
        path.append(Step(node, raw))
        nxt = target if target is not None else node.next
        assert nxt is not None
        if isinstance(nxt, Branch):
            chosen = nxt.rule(current, on)
            if chosen not in nxt.options:
                raise FlowError(f"{nxt.name} chose {chosen!r}, not among its options")
            nxt = chosen
        node = flow.nodes[nxt]
    return State(tuple(path), Facts(**facts), node)  # type: ignore[arg-type]


def _apply(q: Question, raw: str) -> tuple[str | Branch | None, dict[str, object]]:
    if q.kind == "choice":
        c = q.choice(raw)
        if c is None:
            raise InputError(
                "bad_answer",
                _("「{text}」への回答「{value}」は選択肢にありません。").format(
                    text=_(q.text), value=raw[:40]
                ),
                q.id,
            )
        return c.next, dict(c.facts)
    assert q.fact is not None
    if q.kind == "date":
        return None, {q.fact: parse_date(raw, field=q.id)}
    number = read_whole_number(raw)
    lo, hi = q.minimum or 0, q.maximum or 130
    if number is None or not lo <= number <= hi:
        raise InputError(
            "bad_number",
            _("{lo}から{hi}までの数字で入力してください。").format(lo=lo, hi=hi),
            q.id,
        )
    return None, {q.fact: number}


def enumerate_paths(flow: Flow, on: dt.date) -> list[State]:
    """Every path from the start to an outcome on day ``on`` (examples stand in for typed input)."""
    done: list[State] = []
    todo: list[dict[str, str]] = [{}]
    while todo:
        answers = todo.pop()
        state = walk(flow, answers, on)
        if state.error is not None:
            raise FlowError(f"example answer rejected at {state.node.id}: {state.error.message}")
        if isinstance(state.node, Outcome):
            done.append(state)
            continue
        q = state.node
        offered = q.offered(state.facts)
        values = [c.value for c in offered] if q.kind == "choice" else list(q.examples)
        todo.extend({**answers, q.id: v} for v in reversed(values))
    return done
