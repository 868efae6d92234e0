"""No control sequence reaches stdout from a posting or a bank (issue 8, item 3, the output side).

A posting's text is cleaned as it is read (``posting.normalise`` and ``clean_title``); these
tests prove it through the installed command, in Markdown and JSON. JSON is also escaped as
it is written (``careerfit.core.jsonout``): C1 controls such as U+009B, format characters such as
U+202E, separators and lone surrogates become ``\\uXXXX``, whatever text reaches the writer.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import unicodedata
from pathlib import Path

from cli_helpers import careerfit_cmd
from hypothesis import given, settings
from hypothesis import strategies as st

from careerfit.core.jsonout import dumps
from careerfit.formats.locations import builtin_bank
from careerfit.formats.profile_io import save_profile
from careerfit.session.state import Session

ESC, BEL, ST = "\x1b", "\x07", "\x1b\\"
OSC52 = f"{ESC}]52;c;ZWNobyBwd25lZA=={BEL}"
CSI = f"{ESC}[2J{ESC}[31m"
C1_CSI = "\x9b31m"
RLO = "\u202e"
HOSTILE = [OSC52, CSI, C1_CSI, RLO, f"{ESC}]0;title{ST}", "\x85", "\u200b", "\ufeff", "\u2028", "\x7f"]
#: What may not appear raw on stdout: controls (newline aside), format characters, separators.
BAD = frozenset({"Cc", "Cf", "Cs", "Zl", "Zp"})


def raw_controls(text: str) -> list[str]:
    return [f"U+{ord(c):04X}" for c in text if c not in "\n" and unicodedata.category(c) in BAD]


def visible(text: str) -> str:
    return "".join(c for c in text if unicodedata.category(c) not in BAD)


def careerfit(*args: str, cwd: Path) -> subprocess.CompletedProcess[bytes]:
    """The installed command, stdout as bytes: decoding must not hide what was written."""
    return subprocess.run([*careerfit_cmd(), *args], cwd=cwd, capture_output=True, timeout=60,
                          env={**os.environ, "NO_COLOR": "1"})


def hostile_posting() -> str:
    return (f"ML Engineer {OSC52}{RLO}{C1_CSI}\n\nRequirements\n"
            f"- PyTorch {CSI}and Docker in production{ESC}]0;pwned{BEL}\n"
            f"- Python, {C1_CSI}Kubernetes\x85 and CI/CD {RLO}pipelines\u2028\n"
            f"\nNice to have\n- Spark{ESC}[5m\u200b\ufeff\x7f\n")


def _profile(tmp_path: Path, bank) -> Path:
    s = Session.new(bank, name="Ada", current_role="data_scientist", mode="quick")
    s.profile.answers = {q.id: 2 for q in s.questions}
    path = tmp_path / "ada.toml"
    save_profile(s.profile, path)
    return path


def test_a_hostile_posting_reaches_stdout_cleaned_in_markdown_and_json(tmp_path: Path, bank) -> None:
    posting = tmp_path / "hostile.md"
    posting.write_text(hostile_posting(), encoding="utf-8")
    profile = _profile(tmp_path, bank)
    for extra in ((), ("--profile", str(profile))):
        md = careerfit("posting", str(posting), *extra, cwd=tmp_path)
        assert md.returncode == 0, md.stderr
        out = md.stdout.decode("utf-8")
        assert raw_controls(out) == [] and ESC not in out
        assert "# Job posting: ML Engineer" in out
        js = careerfit("posting", str(posting), "--format", "json", *extra, cwd=tmp_path)
        assert js.returncode == 0, js.stderr
        text = js.stdout.decode("utf-8")
        assert raw_controls(text) == []
        doc = json.loads(text)
        assert doc["posting"]["title"] == "ML Engineer ]52;c;ZWNobyBwd25lZA==31m"  # cleaned when read
        assert {"ml", "mlops", "software"} <= set(doc["posting"]["areas"])
        assert (doc["report"] is not None) == bool(extra)


def test_a_hostile_title_is_cleaned_in_both_formats(tmp_path: Path) -> None:
    title = f"Data {C1_CSI}Engineer{RLO}{OSC52}"
    for fmt in ("markdown", "json"):
        done = careerfit("title", title, "--format", fmt, cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        assert raw_controls(done.stdout.decode("utf-8")) == []


def test_report_json_escapes_controls_a_bank_holds(tmp_path: Path, bank) -> None:
    """A role name with C1 and format characters: escaped in JSON (or cleaned on load)."""
    folder = tmp_path / "bank"
    shutil.copytree(builtin_bank(), folder)
    roles = folder / "roles.toml"
    name = "Data scientist \\u009b31m\\u202e\\u2028\\u0085x"
    roles.write_text(roles.read_text(encoding="utf-8").replace('name = "Data scientist"', f'name = "{name}"', 1),
                     encoding="utf-8")
    profile = _profile(tmp_path, bank)
    for args in (("report", str(profile)), ("posting", str(tmp_path / "p.md"), "--profile", str(profile))):
        (tmp_path / "p.md").write_text("Data Scientist\n\nRequirements\n- Statistics, SQL and A/B testing\n")
        done = careerfit(*args, "--bank", str(folder), "--format", "json", cwd=tmp_path)
        assert done.returncode == 0, done.stderr
        text = done.stdout.decode("utf-8")
        assert raw_controls(text) == []
        report = json.loads(text)
        report = report.get("report") or report
        shown = [r["name"] for r in report["roles"] if r["id"] == "data_scientist"]
        # Escaped here, or cleaned on load: either way the same visible words.
        assert [visible(n).split() for n in shown] == [["Data", "scientist", "31mx"]]


HOSTILE_TEXT = st.lists(st.sampled_from([*"ab \n\t\"\\", *HOSTILE, "\ud800", "\U000e0001", "é", "中"]),
                        max_size=8).map("".join)
DOCS = st.recursive(st.none() | st.integers() | HOSTILE_TEXT,
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(HOSTILE_TEXT, inner, max_size=4),
                    max_leaves=12)


@settings(max_examples=100, deadline=None)
@given(DOCS)
def test_json_output_means_the_same_and_holds_no_raw_control(doc) -> None:
    text = dumps(doc)
    assert raw_controls(text) == []
    assert json.loads(text) == doc
    text.encode("utf-8")  # a lone surrogate is escaped, so the text can be written out


def test_json_escapes_each_kind() -> None:
    text = dumps({"s": "\x9b\u202e\u2028\x7f\ud800\U000e0001\n\té"})
    assert text == '{\n  "s": "\\u009b\\u202e\\u2028\\u007f\\ud800\\udb40\\udc01\\n\\té"\n}\n'
