"""`make bench`: this assistant against vanilla Rasa 3.6 (default config, same data), one JSON object.

Both models are trained on the same domain and data (cached by content hash in models/), served
the same way (`start_stack`: action server + Rasa, SQL tracker store on a fresh SQLite file), one
after the other so they never share the two cores, and measured with the same load generator.
Vanilla runs as it comes (the plain `rasa` command, Rasa's own SQL tracker store, one worker);
this assistant through `servator.rasa_runtime.server` (servator.rasa_runtime.patches, the tuned tracker store)
with the workers `servator run` starts with no settings (`servator.runner.workers.default_workers`: a
Rasa worker per core sharing a Redis lock store when Redis answers, else one), said in
`serve_env`. This assistant also gets the length growth of one long conversation
(`length_growth`), a 64-user run (`concurrent_64`), and, as `servator_one_worker`, the figures of
the one-worker configuration `servator run` falls back to without Redis. The `linking` section
(linked reports: precision, recall, speed against 100,000 stored reports) is
tools/bench/linking.py, also runnable alone; the `dashboard` section (the officer dashboard's queue,
report page and map data over 100,000 reports, SQLite and PostgreSQL) is tools/bench/dashboard.py,
also runnable alone (`python -m tools.bench.dashboard`). `BENCH_SYSTEMS` picks the parts
(`servator,servator_one_worker,vanilla,linking,dashboard` by default; `servator` alone for a quick check).
"""

from __future__ import annotations

import asyncio
import json
import os
import platform
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Any

from servator.config.constants import ROOT
from servator.config.settings import Settings
from servator.rasa_runtime.training import train_if_needed
from servator.runner.workers import default_workers
from tools.bench.growth import length_growth
from tools.bench.understanding import language_figures, nlu_figures
from tools.loadgen import run_load

VANILLA_CONFIG = str((Path(__file__).parent / "vanilla-config.yml").relative_to(ROOT))
SINGLE_SECONDS = float(os.environ.get("BENCH_SINGLE_SECONDS", "20"))
CONCURRENT_SECONDS = float(os.environ.get("BENCH_CONCURRENT_SECONDS", "40"))
CONCURRENT_USERS = int(os.environ.get("BENCH_USERS", "16"))
MANY_USERS = int(os.environ.get("BENCH_MANY_USERS", "64"))
# Rasa on BASE+5 (+105 for the one-worker run, +1005 for vanilla), its action server 50 above.
PORT_BASE = int(os.environ.get("BENCH_PORT_BASE", "25000"))
BENCH_REDIS_URL = os.environ.get("BENCH_REDIS_URL", "redis://127.0.0.1:6379/5")


def process_tree(pid: int) -> list[int]:
    """pid and every descendant, from /proc."""
    children: dict[int, list[int]] = {}
    for stat in Path("/proc").glob("[0-9]*/stat"):
        try:
            fields = stat.read_text().rsplit(")", 1)[1].split()
        except OSError:
            continue
        children.setdefault(int(fields[1]), []).append(int(stat.parent.name))
    found, queue = [], [pid]
    while queue:
        current = queue.pop()
        found.append(current)
        queue.extend(children.get(current, []))
    return found


def peak_rss_mb(pid: int) -> float:
    """Sum of VmHWM (peak resident memory) over a process tree, in MB."""
    total_kb = 0
    for member in process_tree(pid):
        try:
            status = Path(f"/proc/{member}/status").read_text()
        except OSError:
            continue
        total_kb += next(
            (int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:")), 0
        )
    return round(total_kb / 1024, 1)


def first_answer_seconds(url: str, started: float, limit: float = 600) -> float:
    """Seconds from process start until the REST channel answers a real message."""
    body = json.dumps({"sender": "bench-warmup", "message": "hello"}).encode()
    while time.monotonic() - started < limit:
        request = urllib.request.Request(
            f"{url}/webhooks/rest/webhook", data=body, headers={"Content-Type": "application/json"}
        )
        try:
            with urllib.request.urlopen(request, timeout=30) as response:
                if response.status == 200 and json.loads(response.read()):
                    return round(time.monotonic() - started, 2)
        except OSError:
            time.sleep(0.2)
    raise RuntimeError("the server never answered")


def default_serve_env() -> dict[str, str]:
    """What `servator run` starts with no settings (servator.runner.workers), with the bench's own Redis
    database (BENCH_REDIS_URL, emptied first: no stale locks from an earlier run)."""
    env = default_workers(Settings({}), redis_url=BENCH_REDIS_URL)
    if env:
        import redis

        redis.Redis.from_url(BENCH_REDIS_URL, socket_connect_timeout=2).flushdb()
    return env


@dataclass(frozen=True)
class Serving:
    """How one system is served for the bench: its ports, its environment (`serve_env`), whether
    this assistant's speed-ups are on, and whether the extra figures (`extras`: the 64-user run and
    the length growth of one long conversation) are measured."""

    rasa_port: int
    actions_port: int
    serve_env: dict[str, str]
    speedups: bool = True
    extras: bool = False


def serve_and_measure(model: Path, serving: Serving) -> dict[str, Any]:
    """Start the stack on a fresh database, then latency, throughput and memory (and the extras)."""
    from servator.runner.stack import start_stack

    rasa_port, actions_port = serving.rasa_port, serving.actions_port

    folder = Path(tempfile.mkdtemp(prefix="servator-bench-"))
    url = f"http://127.0.0.1:{rasa_port}"
    started = time.monotonic()
    supervisor = start_stack(
        model,
        f"sqlite:///{folder / 'bench.db'}",
        rasa_port,
        actions_port,
        env_overrides={
            "SERVATOR_VAR_DIR": str(folder),
            "SERVATOR_OUTBOX_DIR": str(folder / "outbox"),
            "OFFICER_CHAT_IDS": "",
            "SANIC_WORKERS": "1",
            "ACTION_SERVER_SANIC_WORKERS": "1",
            "REDIS_URL": "",
            **serving.serve_env,
        },
        speedups=serving.speedups,
    )
    try:
        startup = first_answer_seconds(url, started)
        asyncio.run(run_load(url, 2, 5))  # warm-up: every code path once
        single = asyncio.run(run_load(url, 1, SINGLE_SECONDS)).summary()
        concurrent = asyncio.run(run_load(url, CONCURRENT_USERS, CONCURRENT_SECONDS)).summary()
        rasa_process = supervisor.children[-1]
        figures: dict[str, Any] = {
            "start_to_first_answer_s": startup,
            "single_client": single,
            f"concurrent_{CONCURRENT_USERS}": concurrent,
        }
        if serving.extras:
            figures[f"concurrent_{MANY_USERS}"] = asyncio.run(
                run_load(url, MANY_USERS, CONCURRENT_SECONDS)
            ).summary()
            figures["length_growth"] = length_growth(url, process_tree(rasa_process.pid))
        figures["rasa_peak_rss_mb"] = peak_rss_mb(rasa_process.pid)
        return figures
    finally:
        supervisor.stop()


def measure(config: str, name: str, serving: Serving) -> dict[str, Any]:
    started = time.monotonic()
    model = train_if_needed(config=config, name=name)
    figures: dict[str, Any] = {
        "model": model.name,
        "train_or_cache_s": round(time.monotonic() - started, 1),
        "serve_env": serving.serve_env,
        "speedups": serving.speedups,
    }
    figures.update(nlu_figures(model))
    figures.update(serve_and_measure(model, serving))
    return figures


def ratios(ours: dict[str, Any], vanilla: dict[str, Any]) -> dict[str, float]:
    """Above 1 means this assistant is better (faster, lighter, more throughput)."""
    key = f"concurrent_{CONCURRENT_USERS}"

    def div(a: float, b: float) -> float:
        return round(a / b, 2) if b else float("inf")

    return {
        "throughput_x": div(ours[key]["throughput_msg_s"], vanilla[key]["throughput_msg_s"]),
        "single_p50_speedup_x": div(vanilla["single_client"]["p50_ms"], ours["single_client"]["p50_ms"]),
        "single_p95_speedup_x": div(vanilla["single_client"]["p95_ms"], ours["single_client"]["p95_ms"]),
        "concurrent_p95_speedup_x": div(vanilla[key]["p95_ms"], ours[key]["p95_ms"]),
        "start_to_first_answer_speedup_x": div(
            vanilla["start_to_first_answer_s"], ours["start_to_first_answer_s"]
        ),
        "peak_rss_reduction_x": div(vanilla["rasa_peak_rss_mb"], ours["rasa_peak_rss_mb"]),
        "macro_f1_difference": round(ours["heldout_intent_macro_f1"] - vanilla["heldout_intent_macro_f1"], 4),
    }


def linking_figures() -> dict[str, Any]:
    """Linked reports: precision and recall on the evaluation set, speed against 100,000 stored reports."""
    from tools.bench.linking import measure as measure_linking

    return measure_linking()


def dashboard_figures() -> dict[str, Any]:
    """The officer dashboard over 100,000 reports: queue, report page, map data (tools/bench/dashboard.py)."""
    from tools.bench.dashboard import measure as measure_dashboard

    return measure_dashboard()


def main() -> int:
    # Training and server logs go to stderr, children included, so stdout is the JSON alone.
    stdout = os.dup(1)
    os.dup2(2, 1)
    try:
        systems = os.environ.get(
            "BENCH_SYSTEMS", "servator,servator_one_worker,vanilla,linking,dashboard"
        ).split(",")
        ours = (
            measure(
                "config.yml",
                "servator",
                Serving(PORT_BASE + 5, PORT_BASE + 55, default_serve_env(), extras=True),
            )
            if "servator" in systems
            else None
        )
        one_worker = (
            measure("config.yml", "servator", Serving(PORT_BASE + 105, PORT_BASE + 155, {}))
            if "servator_one_worker" in systems
            else None
        )
        vanilla = (
            measure(
                VANILLA_CONFIG, "vanilla", Serving(PORT_BASE + 1005, PORT_BASE + 1055, {}, speedups=False)
            )
            if "vanilla" in systems
            else None
        )
        linking = linking_figures() if "linking" in systems else None
        dashboard = dashboard_figures() if "dashboard" in systems else None
    finally:
        sys.stdout.flush()
        os.dup2(stdout, 1)
    report: dict[str, Any] = {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%d %H:%M UTC"),
        "machine": {
            "cores": os.cpu_count(),
            "memory_gb": round(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30, 1),
            "python": platform.python_version(),
        },
        "servator": ours,
        "servator_one_worker": one_worker,
        "vanilla": vanilla,
        "linking": linking,
        "dashboard": dashboard,
        "languages": language_figures(),
    }
    if ours and vanilla:
        report["ratios"] = ratios(ours, vanilla)
    if one_worker and vanilla:
        report["ratios_one_worker"] = ratios(one_worker, vanilla)
    print(json.dumps(report, indent=2))
    return 0
