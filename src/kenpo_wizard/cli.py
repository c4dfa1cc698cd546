"""The ``kenpo-wizard`` command: ``assess`` for scripts and agents, a questionnaire without arguments.

Exit status: 0 with an answer, 2 on bad input (one Japanese line with its English code on
stderr, never a traceback; nothing on stdout, or with ``--json`` one ``{"errors": [...]}``
object), 1 if the questionnaire is left before its end.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import sys
from collections.abc import Callable, Sequence
from typing import NoReturn, TextIO

from . import reminders
from .dates import parse_date, today_in_japan
from .errors import InputError
from .facts import gather_facts, parse_facts
from .flow import FLOW, UNKNOWN, Outcome, Question, walk
from .i18n import _, current_language, language, languages, sep_alternatives
from .ics import uri_allowed
from .rules import assess
from .texts import Explanation, explain
from .wareki import both


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> NoReturn:
        raise InputError("usage", _("コマンドの指定が正しくありません（{m}）").format(m=message))


def _language_option() -> _Parser:
    """``--lang`` (main() reads it first: the help texts are in that language too)."""
    p = _Parser(add_help=False)
    p.add_argument(
        "--lang",
        choices=languages(),
        default=languages()[0],
        help=_("表示の言語（--json の出力は言語によらず同じです）"),
    )
    return p


def _parser() -> argparse.ArgumentParser:
    lang = _language_option()
    p = _Parser(
        prog="kenpo-wizard",
        parents=[lang],
        description=_(
            "保険証廃止後、受診のときに何を提示するかを答えます（千葉県医業健康保険組合）。"
        ),
    )
    sub = p.add_subparsers(dest="command")
    a = sub.add_parser("assess", parents=[lang], help=_("事実を指定して判定します"))
    a.add_argument(
        "--on", help=_("受診日・基準日（例：2025-12-02、R7.12.2）。省略時は日本時間の今日")
    )
    a.add_argument("--fact", action="append", default=[], metavar="NAME=VALUE")
    a.add_argument("--facts", metavar="FILE.json", help=_("事実を書いたJSONファイル"))
    a.add_argument("--json", action="store_true", help=_("JSONで出力します"))
    a.add_argument(
        "--ics",
        metavar="FILE",
        help=_(
            "今後の日付（資格確認書の有効期限、結果が変わる日）をカレンダー形式（.ics）で書き出します。"
            "「-」で標準出力（結果の表示の代わり）"
        ),
    )
    a.add_argument(
        "--ics-url", metavar="URL", help=_("カレンダーの各予定に載せる、結果のページのURL")
    )
    r = sub.add_parser(
        "roster",
        parents=[lang],
        help=_("名簿（CSV）の全員について、期間内にすることを日付順に出します"),
    )
    r.add_argument(
        "file", metavar="FILE", help=_("名簿のファイル（CSV・タブ区切り）。「-」で標準入力")
    )
    r.add_argument("--from", dest="start", metavar="DAY", help=_("期間の始まり（省略時は今月1日）"))
    r.add_argument("--to", dest="end", metavar="DAY", help=_("期間の終わり（省略時は来月末日）"))
    out = r.add_mutually_exclusive_group()
    out.add_argument(
        "--csv",
        metavar="FILE",
        help=_("CSV（Excel 用、BOM つき UTF-8）で書き出します。「-」で標準出力"),
    )
    out.add_argument(
        "--ics", metavar="FILE", help=_("カレンダー形式（.ics）で書き出します。「-」で標準出力")
    )
    out.add_argument("--json", action="store_true", help=_("JSONで出力します"))
    r.add_argument(
        "--ics-url", metavar="URL", help=_("カレンダーの各予定に載せる、ウィザードのページのURL")
    )
    q = sub.add_parser("ask", parents=[lang], help=_("質問に答えて判定します（引数なしと同じ）"))
    q.add_argument("--on", help=_("受診日・基準日"))
    return p


def _day(text: str | None) -> dt.date:
    if text is None:
        return today_in_japan(dt.datetime.now(dt.UTC))
    return parse_date(text, field="on")


def _load_facts(pairs: Sequence[str], path: str | None) -> dict[str, object]:
    """The file's facts and the options' (a name given twice must have one value: A9)."""
    given: list[tuple[str, object]] = []
    if path:
        try:
            with open(path, encoding="utf-8") as fh:
                data = json.load(fh, object_pairs_hook=_Pairs)
        except (OSError, ValueError, RecursionError) as err:
            raise InputError(
                "facts_file", _("事実のファイルを読めません：{p}").format(p=path)
            ) from err
        if not isinstance(data, _Pairs):
            raise InputError("facts_file", _("事実のファイルはJSONオブジェクトにしてください。"))
        given += data.pairs
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name:
            raise InputError(
                "bad_fact", _("--fact は 名前=値 の形で指定してください：{p}").format(p=pair[:40])
            )
        given.append((name.strip(), value.strip()))
    return gather_facts(given)


class _Pairs(dict[str, object]):
    """A JSON object that keeps every key as written (a name twice in the file is seen)."""

    def __init__(self, pairs: list[tuple[str, object]]) -> None:
        super().__init__(pairs)
        self.pairs = pairs


def render(e: Explanation, day: dt.date) -> str:
    """The readable summary in the current language (also the questionnaire's ending)."""
    lines = [
        _("【{headline}】").format(headline=e.headline),
        _("基準日：{d}　結果コード：{c}").format(d=both(day), c=e.code),
    ]
    for part in e.parts:
        lines += ["", f"■ {part.title}", *(_("・{item}").format(item=i) for i in part.items)]
    sources = sep_alternatives().join(t for _k, t in e.sources)
    lines += ["", _("根拠（リーフレット）：{sources}").format(sources=sources)]
    return "\n".join(lines)


def _write(path: str, text: str, out: TextIO, code: str, what: str, bom: bool = False) -> None:
    """``text`` into the file ``path`` (``-``: ``out``), line ends as they are (CRLF kept)."""
    if path == "-":
        out.write(("\ufeff" if bom else "") + text)
        return
    try:
        with open(path, "w", encoding="utf-8-sig" if bom else "utf-8", newline="") as fh:
            fh.write(text)
    except OSError as err:
        raise InputError(
            code, _("{what}のファイルを書けません：{p}").format(what=what, p=path)
        ) from err


def _check_ics_url(url: str | None) -> None:
    """The page address put into each calendar event: one line, no control characters."""
    if url is not None and not uri_allowed(url):
        raise InputError(
            "bad_url", _("--ics-url のURLに改行などの制御文字は使えません。"), "ics_url"
        )


def _write_calendar(path: str, text: str, out: TextIO, code: str = "ics_file") -> None:
    if not text:
        sys.stderr.write(_("カレンダーに登録する今後の日付はありません。") + "\n")
        return
    _write(path, text, out, code, _("カレンダー"))


def run_assess(args: argparse.Namespace, out: TextIO) -> int:
    _check_ics_url(args.ics_url)
    day = _day(args.on)
    facts = parse_facts(_load_facts(args.fact, args.facts))
    answer = assess(facts, day, _day(None))
    if args.ics:
        _write_calendar(args.ics, reminders.ics(answer, facts, url=args.ics_url), out)
        if args.ics == "-":
            return 0
    if args.json:
        out.write(json.dumps(answer.to_dict(), ensure_ascii=False) + "\n")
    else:
        out.write(render(explain(answer), day) + "\n")
    return 0


def run_roster(args: argparse.Namespace, stdin: TextIO, out: TextIO) -> int:
    """``roster FILE``: every row's tasks for the period; rows with problems are listed, the
    others still checked (exit 0); a file that cannot be read or a bad period is exit 2."""
    from . import roster

    _check_ics_url(args.ics_url)
    today = _day(None)
    first, last = roster.default_period(today)
    start = parse_date(args.start, field="from") if args.start else first
    end = parse_date(args.end, field="to") if args.end else last
    if start > end:
        raise InputError(
            "period_reversed",
            _("期間の始まり（{start}）が終わり（{end}）より後になっています。").format(
                start=both(start), end=both(end)
            ),
            "from",
        )
    data: bytes
    try:
        if args.file == "-":
            buffer = getattr(stdin, "buffer", None)
            data = buffer.read() if buffer is not None else stdin.read().encode("utf-8")
        else:
            with open(args.file, "rb") as fh:
                data = fh.read()
    except OSError as err:
        raise InputError(
            "roster_file", _("名簿のファイルを読めません：{p}").format(p=args.file), "file"
        ) from err
    lang = current_language()
    listed = roster.read_roster(data, lang)
    if not listed.readable:
        fatal = next(p for p in listed.problems if p.get("fatal"))
        raise InputError(fatal["code"], fatal["message"], "file")
    results = [roster.check_row(row, start, end, today, lang) for row in listed.rows]
    report = roster.report(listed, results, start, end)
    if args.csv:
        _write(args.csv, roster.to_csv(report, lang), out, "output_file", _("CSV"), bom=True)
    elif args.ics:
        text = roster.to_ics(report, today, lang, args.ics_url)
        _write_calendar(args.ics, text, out, "output_file")
    elif args.json:
        out.write(json.dumps(report, ensure_ascii=False) + "\n")
    if (args.csv or args.ics) not in (None, "-") or not (args.csv or args.ics or args.json):
        out.write(roster.summary(report, lang))
    return 0


BACK_WORDS = {"戻る", "もどる", "b", "back", "0"}  # typed by the member, in any language


def run_questionnaire(day_text: str | None, ask: Callable[[str], str], out: TextIO) -> int:
    """Plain numbered prompts an agent can read out; 「戻る」 (or 0) goes back one question."""
    out.write(_("受診日・基準日を入力してください（空欄で今日）。") + "\n")
    while True:
        text = ask("> ").strip()
        try:
            day = _day(text or day_text)
            break
        except InputError as err:
            out.write(err.message + "\n")
    out.write(_("基準日：{d}").format(d=both(day)) + "\n")
    answers: dict[str, str] = {}
    order: list[str] = []
    while True:
        state = walk(FLOW, answers, day)
        if isinstance(state.node, Outcome):
            answer = assess(state.facts, day, _day(None))
            out.write("\n" + render(explain(answer), day) + "\n")
            return 0
        q: Question = state.node
        if state.error:
            out.write(state.error.message + "\n")
            answers.pop(q.id, None)
        out.write(f"\n{_(q.text)}\n")
        if q.hint:
            out.write(_("（{hint}）").format(hint=_(q.hint)) + "\n")
        offered = q.offered(state.facts)
        if q.kind == "choice":
            for i, c in enumerate(offered, 1):
                out.write(f"  {i}. {c.text()}\n")
        if order:
            out.write(_("  （0 または「戻る」で前の質問へ）") + "\n")
        reply = ask("> ").strip()
        if reply in BACK_WORDS and order:
            answers.pop(order.pop(), None)
            continue
        if q.kind == "choice":
            if not (reply.isdigit() and 1 <= int(reply) <= len(offered)):
                out.write(_("1から{n}の番号で答えてください。").format(n=len(offered)) + "\n")
                continue
            reply = offered[int(reply) - 1].value
        answers[q.id] = reply
        if q.id not in order:
            order.append(q.id)


def main(argv: Sequence[str] | None = None) -> int:
    args_list = list(sys.argv[1:] if argv is None else argv)
    # The language is read first, leniently: a wrong one is reported by the full parser.
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", default=languages()[0])
    chosen, _rest = pre.parse_known_args(args_list)
    with language(chosen.lang if chosen.lang in languages() else languages()[0]):
        return _main(args_list)


def _main(args_list: list[str]) -> int:
    wants_json = False
    try:
        # --json asks for the errors in JSON too, even when the rest cannot be parsed.
        wants_json = _wants_json(args_list)
        args = _parser().parse_args(args_list)
        if args.command == "assess":
            wants_json = bool(args.json)
            return run_assess(args, sys.stdout)
        if args.command == "roster":
            wants_json = bool(args.json)
            return run_roster(args, sys.stdin, sys.stdout)
        return run_questionnaire(getattr(args, "on", None), input, sys.stdout)
    except InputError as err:
        _refuse(err, sys.stdout if wants_json else None)
        return 2
    except (EOFError, KeyboardInterrupt):
        sys.stderr.write("\n" + _("中断しました。") + "\n")
        return 1


def _wants_json(args_list: list[str]) -> bool:
    """Whether ``assess --json`` was asked for (``--js`` too: argparse takes a prefix)."""
    flags = [a for a in args_list if a.startswith("--j") and "--json".startswith(a)]
    return bool(flags) and ("assess" in args_list or "roster" in args_list)


def _refuse(err: InputError, out: TextIO | None) -> None:
    """Bad input (contract A9): one line on stderr and, for ``--json``, the errors on stdout."""
    message = " ".join(err.message.splitlines())  # a typed value never breaks the one line
    sys.stderr.write(_("エラー：{message} [{code}]").format(message=message, code=err.code))
    sys.stderr.write("\n")
    if out is not None:
        error = {**err.to_dict(), "message": message}
        out.write(json.dumps({"errors": [error]}, ensure_ascii=False) + "\n")


__all__ = ["UNKNOWN", "main", "render"]
