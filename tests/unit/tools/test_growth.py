"""The length-growth figures: percentiles and Rasa's CPU per turn of two windows of one conversation."""

from __future__ import annotations

import os

from tools.bench.growth import cpu_seconds, window_figures


def test_window_figures_leave_out_failed_turns_and_divide_cpu_by_turns():
    latencies = [0.010] * 50 + [float("nan")] + [0.100] * 9
    figures = window_figures(latencies, {0: 1.0, 60: 1.6}, 0, 60)
    assert figures == {"p50_ms": 10.0, "p95_ms": 100.0, "rasa_cpu_ms_per_turn": 10.0}
    assert "rasa_cpu_ms_per_turn" not in window_figures(latencies, {}, 0, 60)


def test_cpu_seconds_reads_this_process_and_ignores_gone_ones():
    before = cpu_seconds([os.getpid()])
    sum(i * i for i in range(300_000))
    assert cpu_seconds([os.getpid()]) > before
    assert cpu_seconds([2**22 + 12345]) == 0.0
