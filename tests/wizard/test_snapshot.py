"""Warm start: the worker keeps a memory snapshot of the interpreter (Cache Storage) after its
first boot and boots from it next time; a broken or stale one means a normal boot."""

from __future__ import annotations

import time

from playwright.sync_api import Page
from wizkit import expected_screen, load, one_per_outcome, open_in_page, wait_ready

STORE = "kenpo.snapshots"
KEYS = f"caches.open('{STORE}').then((c) => c.keys()).then((k) => k.map((r) => r.url))"


def ready_from(page: Page) -> str:
    return page.get_attribute("#kenpo-wizard", "data-ready-from") or ""


def stored(page: Page, count: int = 1) -> list[str]:
    """The snapshot keys, once the worker has stored ``count`` (it stores after "ready")."""
    deadline = time.monotonic() + 60
    keys: list[str] = []
    while len(keys := page.evaluate(KEYS)) < count or not all("/snapshot?" in k for k in keys):
        assert time.monotonic() < deadline, f"no snapshot stored: {keys}"
        time.sleep(0.3)
    return keys


def visit(page: Page, base_url: str) -> str:
    page.goto(f"{base_url}/wizard/")
    wait_ready(page)
    return ready_from(page)


def test_the_second_visit_boots_from_the_snapshot_and_answers_right(
    page: Page, base_url: str
) -> None:
    assert visit(page, base_url) == "cold"
    [key] = stored(page)
    assert "/pyodide/kenpo-" in key and "runtime=" in key  # keyed by both versioned paths
    assert visit(page, base_url) == "snapshot"
    # The restored interpreter gives the same screens as the engine here (a sample of outcomes,
    # the wizard's catalogs and templates read from the re-unpacked wheel).
    for g in one_per_outcome(load())[::25]:
        shown = open_in_page(page, f"{g.query}&on={g.day.isoformat()}")
        want = expected_screen(g)
        assert {k: shown[k] for k in want} == want, g.query


def test_a_broken_snapshot_is_dropped_for_a_normal_boot(page: Page, base_url: str) -> None:
    visit(page, base_url)
    [key] = stored(page)
    page.evaluate(
        "async (key) => { const c = await caches.open('" + STORE + "');"
        " const junk = new Blob([new Uint8Array(64)]).stream()"
        ".pipeThrough(new CompressionStream('gzip'));"
        " await c.put(key, new Response(junk)); }",
        key,
    )
    assert visit(page, base_url) == "cold"
    open_in_page(page, "since=before")  # and the engine answers
    assert stored(page) == [key]
    assert visit(page, base_url) == "snapshot"  # the broken one was replaced by a good one


def test_another_builds_snapshot_is_not_used_and_is_removed(page: Page, base_url: str) -> None:
    page.goto(f"{base_url}/wizard/")
    old = f"{base_url}/pyodide/kenpo-000000000000/snapshot?runtime=old"
    page.evaluate(
        "async (key) => { const c = await caches.open('" + STORE + "');"
        " await c.put(key, new Response('stale')); }",
        old,
    )
    assert visit(page, base_url) == "cold"
    keys = stored(page)
    deadline = time.monotonic() + 30
    while old in keys:  # the stale entry goes once this build's snapshot is stored
        assert time.monotonic() < deadline, keys
        time.sleep(0.3)
        keys = page.evaluate(KEYS)
    assert len(keys) == 1 and old not in keys
