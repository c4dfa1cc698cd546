"""Independent build steps on the machine's cores: forked workers, results back by pipe.

The no-JS pages of each language and the compression of the large files share nothing but
what is computed before (the answer graph, the built pages), so each runs in a forked copy
of the build process. Where ``fork`` is missing (Windows) or there is one core, the steps
run one after another here, with the same results.
"""

from __future__ import annotations

import multiprocessing as mp
import os
import traceback
from collections.abc import Callable, Sequence
from typing import Any, TypeVar

T = TypeVar("T")


def _child(task: Callable[[], Any], conn: Any) -> None:
    try:
        conn.send((True, task()))
    except BaseException:  # the parent raises it, with the child's traceback
        conn.send((False, traceback.format_exc()))
    finally:
        conn.close()


def start(task: Callable[[], object]) -> Callable[[], None]:
    """Run ``task`` in a forked child from now on (here, at once, without ``fork``); returns
    the wait for it. For work whose result lands in a cache on disk."""
    if (os.cpu_count() or 1) < 2 or "fork" not in mp.get_all_start_methods():
        task()
        return lambda: None
    process = mp.get_context("fork").Process(target=task, daemon=True)
    process.start()
    return process.join


def run_all(tasks: Sequence[Callable[[], T]]) -> list[T]:
    """Each task's result, in order. The first task runs here; the others in forked children,
    all at once (a build has a few steps, not hundreds)."""
    cores = os.cpu_count() or 1
    if cores < 2 or len(tasks) < 2 or "fork" not in mp.get_all_start_methods():
        return [task() for task in tasks]
    ctx = mp.get_context("fork")
    started = []
    for task in tasks[1:]:
        receive, send = ctx.Pipe(duplex=False)
        process = ctx.Process(target=_child, args=(task, send), daemon=True)
        process.start()
        send.close()
        started.append((process, receive))
    results = [tasks[0]()]
    for process, receive in started:
        ok, value = receive.recv()
        process.join()
        if not ok:
            raise RuntimeError(f"a parallel build step failed:\n{value}")
        results.append(value)
    return results
