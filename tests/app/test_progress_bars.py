"""The results show how each area moved since the last earlier sitting, beside today's bars."""

from __future__ import annotations

from careerfit.app.widgets.role_detail import role_detail
from careerfit.core.domain import Sitting
from careerfit.core.progress import since
from careerfit.core.scoring import assess


def test_each_bar_says_how_its_area_moved_since_the_earlier_sitting(bank, make_profile):
    now = make_profile({a.id: 2 for a in bank.areas}, current_role="data_scientist")
    ml = [q.id for q in bank.questions_for("ml")]
    stats = [q.id for q in bank.questions_for("statistics")]
    then = {**now.answers, **dict.fromkeys(ml, 1), **dict.fromkeys(stats, 3)}
    now.sittings = (Sitting("2026-10-01", then), Sitting("2026-12-01", dict(now.answers)))
    progress = since(bank, now)
    assert progress is not None and progress.since == "2026-10-01"
    a = assess(bank, now)
    text = role_detail(bank, a, a.pivot, progress).plain
    assert "since 2026-10-01" in text
    lines = {ln.split()[0]: ln for ln in text.splitlines() if ln.startswith("  ") and "/" in ln}
    assert lines["ML"].endswith("▲1.0") and lines["Statistics"].endswith("▼1.0")
    assert "▲" not in lines["Software"] and "▼" not in lines["Software"]
    assert "since" not in role_detail(bank, a, a.pivot).plain  # no earlier sitting: no marks
