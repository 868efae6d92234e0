"""The parsed-TOML cache: used when files are unchanged, never trusted past validation."""

from __future__ import annotations

import json
import os

import pytest

from careerfit import parse_cache
from careerfit.bank import load_bank
from careerfit.errors import BankError

QUESTION = '[[question]]\nid = "analysis.q1"\nskill = "analysis"\ntext = "{text}"\n'


def _bank(tmp_path, text="First?"):
    folder = tmp_path / "bank"
    folder.mkdir(exist_ok=True)
    (folder / "q.toml").write_text(QUESTION.format(text=text))
    return folder


def _cache_files(isolated_home):
    return list((isolated_home / "cache").glob("bank-*.json"))


def test_second_load_reads_the_cache_not_the_toml(tmp_path, isolated_home, monkeypatch):
    folder = _bank(tmp_path)
    assert load_bank(folder).question("analysis.q1").text == "First?"
    assert parse_cache._cache_file(folder).exists()

    def no_parsing(*_a, **_k):
        raise AssertionError("parsed again")

    monkeypatch.setattr(parse_cache, "read_toml", no_parsing)
    assert load_bank(folder).question("analysis.q1").text == "First?"


def test_a_changed_file_is_parsed_again(tmp_path):
    folder = _bank(tmp_path)
    load_bank(folder)
    path = folder / "q.toml"
    path.write_text(QUESTION.format(text="Second, longer?"))
    assert load_bank(folder).question("analysis.q1").text == "Second, longer?"


def test_same_size_edit_with_new_mtime_is_parsed_again(tmp_path):
    folder = _bank(tmp_path, "AAAA?")
    load_bank(folder)
    path = folder / "q.toml"
    st = path.stat()
    path.write_text(QUESTION.format(text="BBBB?"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns + 1_000_000))
    assert load_bank(folder).question("analysis.q1").text == "BBBB?"


def test_a_corrupt_cache_is_ignored(tmp_path, isolated_home):
    folder = _bank(tmp_path)
    load_bank(folder)
    parse_cache._cache_file(folder).write_bytes(b"\xff not json")
    assert load_bank(folder).question("analysis.q1").text == "First?"


def test_tampered_cache_data_is_still_validated(tmp_path, isolated_home):
    folder = _bank(tmp_path)
    load_bank(folder)
    cache = parse_cache._cache_file(folder)
    data = json.loads(cache.read_text())
    data["files"]["q.toml"]["data"]["question"][0]["skill"] = "nowhere"
    cache.write_text(json.dumps(data))
    with pytest.raises(BankError, match="unknown area 'nowhere'"):
        load_bank(folder)


def test_broken_files_are_not_cached(tmp_path):
    folder = _bank(tmp_path)
    (folder / "bad.toml").write_text("[[question]\n")
    for _ in range(2):
        with pytest.raises(BankError, match="invalid TOML"):
            load_bank(folder)


def test_cache_can_be_turned_off(tmp_path, isolated_home, monkeypatch):
    monkeypatch.setenv("CAREERFIT_NO_CACHE", "1")
    load_bank(_bank(tmp_path))
    assert _cache_files(isolated_home) == []


def test_bank_and_lexicon_caches_of_one_folder_do_not_evict_each_other(tmp_path, monkeypatch):
    from careerfit.lexicon import load_lexicon

    folder = _bank(tmp_path)
    (folder / "lexicon.toml").write_text('[lexicon.analysis]\nterms = [{ term = "window functions" }]\n')
    load_bank(folder)
    assert [h.term for h in load_lexicon(folder).find_terms("SQL window functions")] == ["window functions"]

    def no_parsing(*_a, **_k):
        raise AssertionError("parsed again")

    monkeypatch.setattr(parse_cache, "read_toml", no_parsing)
    load_bank(folder)
    load_lexicon(folder)
