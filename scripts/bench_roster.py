"""``make bench-roster`` (and the roster part of ``make bench``): rows per second on the CLI path.

Writes a staff list of 1,000 varied rows (seeded: the same file every run) in CP932, as Excel
in Japan saves it, and runs ``kenpo-wizard roster`` on it in-process (the code the command and
the browser's worker share): read, every row checked for the default period, the report and
its CSV. Prints the best of ``KENPO_BENCH_RUNS`` runs (3), each in a fresh process so the
engine's caches start cold, wall and CPU time, and checks the target (1,000 rows in 3 s or
less) on the CPU time, which other work on a shared machine does not inflate.
"""

from __future__ import annotations

import datetime as dt
import json
import os
import random
import subprocess
import sys
import tempfile
from pathlib import Path

ROWS = int(os.environ.get("KENPO_BENCH_ROWS", "1000"))
RUNS = int(os.environ.get("KENPO_BENCH_RUNS", "3"))
TARGET_SECONDS = 3.0
TODAY = dt.date(2026, 12, 3)  # a fixed day: the same tasks every run

HEADER = (
    "番号,本人・家族,生年月日,年齢,資格取得日,資格喪失日,マイナンバーカード,利用登録,資格確認書"
)


def staff_list(rows: int, seed: int = 21) -> str:
    """A hospital's list: mostly long-standing staff, some joiners, leavers, 70s and 75s."""
    rng = random.Random(seed)
    lines = [HEADER]
    for n in range(rows):
        relation = rng.choices(["本人", "家族", "任意継続"], [70, 27, 3])[0]
        kind = rng.random()
        if kind < 0.08:  # around 70 or 75 within the period
            years = rng.choice([69, 70, 74, 75])
        else:
            years = rng.randint(0, 68) if relation == "家族" else rng.randint(20, 68)
        birth = TODAY - dt.timedelta(days=int(years * 365.25) + rng.randint(0, 364))
        birth_cell = birth.isoformat() if rng.random() < 0.9 else ""
        age_cell = "" if birth_cell else str(years)
        joined = ""
        if rng.random() < 0.1:
            joined = (TODAY + dt.timedelta(days=rng.randint(-60, 50))).isoformat()
        elif rng.random() < 0.6:
            joined = (TODAY - dt.timedelta(days=rng.randint(400, 9000))).isoformat()
        lost = ""
        if rng.random() < 0.08:
            lost = (TODAY + dt.timedelta(days=rng.randint(-10, 55))).strftime("%Y/%m/%d")
        card = rng.choices(["あり", "なし", "紛失", "更新中", ""], [70, 20, 3, 2, 5])[0]
        use = ""
        if card == "あり":
            use = rng.choices(["済", "未", "解除", ""], [80, 12, 2, 6])[0]
        cert = rng.choices(["", "あり", "なし", "紛失"], [60, 30, 8, 2])[0]
        if joined and joined > "2024-12-01" and lost and lost.replace("/", "-") <= joined:
            lost = ""
        lines.append(
            ",".join(
                [f"S{n + 1:04d}", relation, birth_cell, age_cell, joined, lost, card, use, cert]
            )
        )
    return "\r\n".join(lines) + "\r\n"


CHILD = """
import json, sys, time, datetime as dt
from kenpo_wizard import roster
path, today = sys.argv[1], dt.date.fromisoformat(sys.argv[2])
t0, c0 = time.perf_counter(), time.process_time()
data = open(path, "rb").read()
listed = roster.read_roster(data)
start, end = roster.default_period(today)
results = [roster.check_row(row, start, end, today) for row in listed.rows]
report = roster.report(listed, results, start, end)
roster.to_csv(report)
seconds, cpu = time.perf_counter() - t0, time.process_time() - c0
print(json.dumps({"rows": len(listed.rows), "seconds": seconds, "cpu": cpu, "tasks": len(report["tasks"]),
                  "problems": len(report["problems"]), "missing": len(report["missing"])}))
"""


def main() -> int:
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "staff.csv"
        path.write_bytes(staff_list(ROWS).encode("cp932"))
        runs = []
        for _ in range(RUNS):
            done = subprocess.run(
                [sys.executable, "-c", CHILD, str(path), TODAY.isoformat()],
                check=True,
                capture_output=True,
                text=True,
            )
            runs.append(json.loads(done.stdout))
    best = min(runs, key=lambda r: r["seconds"])
    rate = best["rows"] / best["seconds"]
    print(
        f"roster (CLI path, cold caches, best of {RUNS}): {best['rows']} rows in "
        f"{best['seconds']:.2f} s ({best['cpu']:.2f} s CPU) = {rate:.0f} rows/s; {best['tasks']} tasks, "
        f"{best['problems']} problems, {best['missing']} missing facts"
    )
    # The verdict is on CPU time: on a shared machine the wall time counts other work too.
    ok = best["cpu"] * 1000 / max(best["rows"], 1) <= TARGET_SECONDS
    print(f"target 1,000 rows in {TARGET_SECONDS:.0f} s (CPU): {'met' if ok else 'NOT met'}")
    return 0 if ok else 1


if __name__ == "__main__":
    sys.exit(main())
