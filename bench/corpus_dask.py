"""Corpus run of the dev corpus (../shared/data/dev, ~350 documents): local processes (-j 2)
against a Dask scheduler with two single-thread workers on this machine, documents per second
for each, and whether every per-document JSON is byte-identical.

    python bench/corpus_dask.py

The documents are linked (not copied) into a temporary directory as NAME.zh.txt / NAME.en.txt.
"""
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from _common import DEV, DEV_FOLDERS


def run(args) -> float:
    t = time.perf_counter()
    subprocess.run([sys.executable, "-m", "qa", "check", *args, "-q"], check=False)
    return time.perf_counter() - t


def main() -> int:
    dask = str(Path(sys.executable).with_name("dask"))
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        docs = tmp / "docs"
        docs.mkdir()
        n = 0
        for folder in DEV_FOLDERS:
            for zh in sorted((DEV / folder).glob("*.zh")):
                name = f"{folder}--{zh.stem}"
                os.symlink(zh, docs / f"{name}.zh.txt")
                os.symlink(zh.with_suffix(".en"), docs / f"{name}.en.txt")
                n += 1
        local = run([str(docs), "--out-dir", str(tmp / "local"), "-j", "2"])
        info = tmp / "scheduler.json"
        log = open(tmp / "dask.log", "wb")
        procs = [subprocess.Popen([dask, "scheduler", "--host", "127.0.0.1", "--port", "0", "--dashboard-address",
                                   "127.0.0.1:0", "--scheduler-file", str(info)], stdout=log, stderr=log)]
        try:
            while not info.exists():
                time.sleep(0.2)
            address = json.loads(info.read_text())["address"]
            procs += [subprocess.Popen([dask, "worker", address, "--nthreads", "1", "--no-dashboard", "--host", "127.0.0.1"],
                                       stdout=log, stderr=log) for _ in range(2)]
            from distributed import Client
            with Client(address) as client:
                client.wait_for_workers(2, timeout=60)
            remote = run([str(docs), "--out-dir", str(tmp / "remote"), "--scheduler", address])
        finally:
            for p in procs:
                p.terminate()
                p.wait()
        names = sorted(p.name for p in (tmp / "local").glob("*.json"))
        same = sum((tmp / "remote" / x).read_bytes() == (tmp / "local" / x).read_bytes() for x in names
                   if (tmp / "remote" / x).exists())
        print(f"{n} documents (load {os.getloadavg()[0]:.2f})")
        print(f"local -j 2:            {local:6.1f} s  {n / local:5.1f} documents/s")
        print(f"Dask, 2 workers:       {remote:6.1f} s  {n / remote:5.1f} documents/s")
        print(f"identical JSON reports: {same} of {len(names)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
