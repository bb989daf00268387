"""The scale benchmark counts the memory of forked workers, not only of the process it measures."""

from __future__ import annotations

import os
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from benchmarks.bench import _tree_pss_mb  # noqa: E402

#: A child that holds 160 MB, says "ready", and waits to be killed.
HOLDING_160_MB = [sys.executable, "-c", "import time; held = b'x' * (160 * 2**20); print('ready', flush=True); time.sleep(30)"]

pytestmark = pytest.mark.skipif(
    not Path(f"/proc/{os.getpid()}/smaps_rollup").exists(), reason="needs Linux's /proc smaps_rollup"
)


def test_a_child_process_s_memory_counts_in_its_parent_s_tree() -> None:
    alone = _tree_pss_mb(os.getpid())
    child = subprocess.Popen(
        HOLDING_160_MB,
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        time.sleep(0.1)
        with_child = _tree_pss_mb(os.getpid())
        child_alone = _tree_pss_mb(child.pid)
    finally:
        child.kill()
        child.wait()
    assert alone is not None and with_child is not None and child_alone is not None
    assert child_alone >= 150
    assert with_child - alone >= 150


def test_a_process_that_does_not_exist_has_no_figure() -> None:
    assert _tree_pss_mb(2**22 + 12345) is None  # above Linux's largest process id


def test_a_child_started_from_another_thread_counts_too() -> None:
    """The reader starts its matching process from a worker thread: while that thread
    lives, Linux lists the child under it, not under the process's main thread."""
    alone = _tree_pss_mb(os.getpid())
    started: list[subprocess.Popen[str]] = []
    measured = threading.Event()

    def start_and_wait() -> None:
        started.append(subprocess.Popen(
            HOLDING_160_MB,
            stdout=subprocess.PIPE, text=True,
        ))
        measured.wait(30)

    thread = threading.Thread(target=start_and_wait)
    thread.start()
    try:
        while not started:
            time.sleep(0.01)
        (child,) = started
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
        with_child = _tree_pss_mb(os.getpid())
    finally:
        measured.set()
        thread.join()
        for process in started:
            process.kill()
            process.wait()
    assert alone is not None and with_child is not None
    assert with_child - alone >= 150
