"""Corpus runs on a real Dask cluster: a `dask scheduler` and two `dask worker` processes on
127.0.0.1 (free ports, torn down afterwards). Every document's JSON must be byte-identical to a
local run's, and a worker killed mid-run must not lose a document."""
import json
import os
import shutil
import subprocess
import sys
import threading
import time

import pytest
from conftest import SEEDS

from qa.cli import main

distributed = pytest.importorskip("distributed", reason="dask[distributed] is not installed")
DASK = shutil.which("dask", path=os.path.dirname(sys.executable)) or shutil.which("dask")


def _start(args, log):
    return subprocess.Popen([DASK, *args], stdout=log, stderr=subprocess.STDOUT, start_new_session=True)


@pytest.fixture(scope="module")
def cluster(tmp_path_factory):
    if DASK is None:
        pytest.fail("the dask command is not installed beside this Python")
    tmp = tmp_path_factory.mktemp("dask")
    info = tmp / "scheduler.json"
    log = open(tmp / "dask.log", "wb")
    procs = [_start(["scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address", "127.0.0.1:0",
                     "--scheduler-file", str(info)], log)]
    try:
        deadline = time.time() + 60
        while not info.exists() and time.time() < deadline:
            time.sleep(0.2)
        address = json.loads(info.read_text())["address"]
        workers = [_start(["worker", address, "--nthreads", "1", "--nworkers", "1", "--no-dashboard",
                           "--host", "127.0.0.1", "--name", f"w{k}"], log) for k in range(2)]
        procs += workers
        with distributed.Client(address, timeout="30s") as client:
            client.wait_for_workers(2, timeout=60)
        yield {"address": address, "workers": workers}
    finally:
        for p in reversed(procs):
            p.terminate()
        for p in procs:
            try:
                p.wait(timeout=20)
            except subprocess.TimeoutExpired:
                p.kill()
        log.close()


def _corpus(tmp_path, copies=1):
    docs = tmp_path / "docs"
    docs.mkdir()
    for k in range(copies):
        for s in SEEDS:
            shutil.copy(s, docs / f"{k}-{s.name}")
    (docs / "a.zh.txt").write_text("全省新增发明专利4.32万件。\n", encoding="utf-8")
    (docs / "a.en.txt").write_text("The province added 43,500 invention patents.\n", encoding="utf-8")
    return docs


def test_a_corpus_on_dask_gives_the_same_reports_as_a_local_run(cluster, tmp_path):
    docs = _corpus(tmp_path)
    local, remote = tmp_path / "local", tmp_path / "remote"
    assert main(["check", str(docs), "--out-dir", str(local), "-j", "2", "-q"]) == 1
    assert main(["check", str(docs), "--out-dir", str(remote), "--scheduler", cluster["address"], "-q"]) == 1
    reports = sorted(p.name for p in local.glob("*.json"))
    assert len(reports) == len(SEEDS) + 1
    assert sorted(p.name for p in remote.glob("*.json")) == reports
    for name in reports:
        assert (remote / name).read_bytes() == (local / name).read_bytes(), name


def test_a_worker_killed_mid_run_loses_no_document(cluster, tmp_path):
    docs = _corpus(tmp_path, copies=6)
    out = tmp_path / "out"
    killer = threading.Timer(1.0, lambda: os.killpg(cluster["workers"][0].pid, 9))
    killer.start()
    try:
        assert main(["check", str(docs), "--out-dir", str(out), "--scheduler", cluster["address"], "-q"]) == 1
    finally:
        killer.cancel()
    assert len(list(out.glob("*.json"))) == 6 * len(SEEDS) + 1
    assert cluster["workers"][0].wait(timeout=20) is not None  # it was killed, and the run still finished


def test_an_unreachable_scheduler_is_one_clear_error(tmp_path, capsys):
    docs = _corpus(tmp_path)
    assert main(["check", str(docs), "--out-dir", str(tmp_path / "o"), "--scheduler", "tcp://127.0.0.1:9"]) == 2
    err = capsys.readouterr().err
    assert err.count("\n") == 1 and "Dask scheduler" in err
