"""Print the conformance table when the suite ran in this session."""

from __future__ import annotations


def pytest_terminal_summary(terminalreporter, exitstatus, config):  # noqa: ARG001
    from . import test_conformance as tc

    if not tc.PATHS or tc.outcomes.cache_info().currsize == 0:
        return
    totals, wins = tc.summary()
    write = terminalreporter.write_line
    terminalreporter.section("CSL test suite")
    write(f"{'category':16}{'passed':>8}{'total':>8}")
    for cat in sorted(totals):
        write(f"{cat:16}{wins[cat]:>8}{totals[cat]:>8}")
    passed = sum(wins.values())
    write(f"CSL suite: {passed} passed, {sum(totals.values()) - passed} failed")
