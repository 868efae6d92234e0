"""The validated cache: unchanged files skip parsing and pydantic; anything else is read afresh."""

from __future__ import annotations

import os
import subprocess
import sys
import zlib

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from careerfit.core.errors import BankError, ProfileError
from careerfit.formats import bank as bank_module
from careerfit.formats import cache, profile_io
from careerfit.formats.bank import load_bank
from careerfit.formats.profile_io import load_profile, profile_from_dict, save_profile

#: Examples per property test; raise it for a release (see README, "Run the tests").
FUZZ_EXAMPLES = int(os.environ.get("CAREERFIT_FUZZ_EXAMPLES", "10"))
QUESTION = '[[question]]\nid = "analysis.q1"\nskill = "analysis"\ntext = "{text}"\n'


def _bank(tmp_path, text="First?"):
    folder = tmp_path / "bank"
    folder.mkdir(exist_ok=True)
    (folder / "q.toml").write_text(QUESTION.format(text=text))
    return folder


def _cache_files(isolated_home):
    return list((isolated_home / "cache").glob("bank-*.json"))


def _no_validation(*_a, **_k):
    raise AssertionError("validated again")


def test_second_load_neither_parses_nor_validates(tmp_path, isolated_home, monkeypatch):
    folder = _bank(tmp_path)
    assert load_bank(folder).question("analysis.q1").text == "First?"
    assert cache._cache_file(folder).exists()
    monkeypatch.setattr(bank_module, "_validate_file", _no_validation)
    assert load_bank(folder).question("analysis.q1").text == "First?"


def test_a_changed_file_is_read_again(tmp_path):
    folder = _bank(tmp_path)
    load_bank(folder)
    path = folder / "q.toml"
    path.write_text(QUESTION.format(text="Second, longer?"))
    assert load_bank(folder).question("analysis.q1").text == "Second, longer?"


def test_same_size_edit_with_the_old_mtime_put_back_is_read_again(tmp_path):
    """As ``cp -p``, ``tar x`` or ``touch -r`` leave it: the cache goes by content, not stamps."""
    folder = _bank(tmp_path, "AAAA?")
    load_bank(folder)
    path = folder / "q.toml"
    st = path.stat()
    path.write_text(QUESTION.format(text="BBBB?"))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    assert load_bank(folder).question("analysis.q1").text == "BBBB?"
    path.write_text(QUESTION.format(text="CCCC?").replace('skill = "analysis"', 'skill = "analysi!"'))
    os.utime(path, ns=(st.st_atime_ns, st.st_mtime_ns))
    with pytest.raises(BankError, match="skill"):
        load_bank(folder)


def test_a_file_name_that_is_not_utf8_is_cached_without_error(tmp_path, monkeypatch):
    folder = _bank(tmp_path)
    odd = os.fsdecode(b"\xff-extra.toml")
    (folder / odd).write_text(QUESTION.format(text="Second?").replace("analysis.q1", "analysis.q2"))
    assert load_bank(folder).question("analysis.q2").text == "Second?"
    monkeypatch.setattr(bank_module, "_validate_file", _no_validation)
    assert load_bank(folder).question("analysis.q2").text == "Second?"  # from the cache


def test_a_corrupt_cache_is_ignored(tmp_path, isolated_home):
    folder = _bank(tmp_path)
    load_bank(folder)
    cache._cache_file(folder).write_bytes(b"\xff not json")
    assert load_bank(folder).question("analysis.q1").text == "First?"


def _edit_cached_question(folder, edit):
    """Change a cached entry and sign the file again, as only careerfit itself could."""
    path = cache._cache_file(folder)
    entries = cache._load(path, "files")
    edit(entries["q.toml"]["data"]["entries"]["question"][0])
    cache._save(path, "files", entries)


def test_cached_entries_are_still_cross_checked(tmp_path, isolated_home):
    folder = _bank(tmp_path)
    load_bank(folder)
    _edit_cached_question(folder, lambda q: q.update(skill="nowhere"))
    with pytest.raises(BankError, match="unknown area 'nowhere'"):
        load_bank(folder)


def test_a_malformed_cache_entry_is_read_from_the_file(tmp_path, isolated_home):
    folder = _bank(tmp_path)
    load_bank(folder)
    _edit_cached_question(folder, lambda q: q.pop("text"))
    assert load_bank(folder).question("analysis.q1").text == "First?"


def test_another_careerfit_version_does_not_read_the_cache(tmp_path, isolated_home, monkeypatch):
    folder = _bank(tmp_path)
    load_bank(folder)
    monkeypatch.setattr(cache, "__version__", "99.0")
    cache._fingerprint.cache_clear()
    monkeypatch.setattr(cache, "_fingerprint", cache._fingerprint.__wrapped__)
    calls = []
    real = bank_module._validate_file
    monkeypatch.setattr(bank_module, "_validate_file", lambda p, raw: calls.append(p) or real(p, raw))
    load_bank(folder)
    assert calls == [folder / "q.toml"]


def test_broken_files_are_not_cached(tmp_path):
    folder = _bank(tmp_path)
    (folder / "bad.toml").write_text("[[question]\n")
    (folder / "invalid.toml").write_text('[[question]]\nid = "analysis.q2"\nskill = "analysis"\ntext = ""\n')
    for _ in range(2):
        with pytest.raises(BankError, match="invalid TOML") as exc:
            load_bank(folder)
        assert any("analysis.q2" in p for p in exc.value.problems)


def test_cache_can_be_turned_off(tmp_path, isolated_home, monkeypatch):
    monkeypatch.setenv("CAREERFIT_NO_CACHE", "1")
    load_bank(_bank(tmp_path))
    assert _cache_files(isolated_home) == []


def test_bank_and_lexicon_caches_of_one_folder_do_not_evict_each_other(tmp_path, monkeypatch):
    from careerfit.formats import lexicon_file as lexicon

    folder = _bank(tmp_path)
    (folder / "lexicon.toml").write_text('[lexicon.analysis]\nterms = [{ term = "window functions" }]\n')
    load_bank(folder)
    assert [h.term for h in lexicon.load_lexicon(folder).find_terms("SQL window functions")] == ["window functions"]
    monkeypatch.setattr(bank_module, "_validate_file", _no_validation)
    monkeypatch.setattr(lexicon, "toml_from_bytes", _no_validation)
    load_bank(folder)
    lexicon.load_lexicon(folder)


# --- profiles ------------------------------------------------------------------------------


def test_a_profile_careerfit_wrote_is_reopened_without_validation(tmp_path, isolated_home, monkeypatch):
    path = tmp_path / "p.toml"
    profile = profile_from_dict({"name": "Ann", "answers": {"ml.a": 3}, "mode": "quick"})
    save_profile(profile, path)
    monkeypatch.setattr(profile_io, "validated_document", _no_validation)
    assert load_profile(path) == profile


def test_a_profile_edited_by_hand_is_validated_again(tmp_path, isolated_home):
    path = tmp_path / "p.toml"
    save_profile(profile_from_dict({"name": "Ann", "answers": {"ml.a": 3}}), path)
    path.write_text(path.read_text().replace('"ml.a" = 3', '"ml.a" = 7'))
    with pytest.raises(ProfileError, match=r"ml\.a"):
        load_profile(path)


def test_profiles_are_cached_by_path_not_just_text(tmp_path, isolated_home, monkeypatch):
    text = 'schema = 1\nname = "Ann"\n'
    first, second = tmp_path / "a.toml", tmp_path / "b.toml"
    first.write_text(text)
    second.write_text(text)
    load_profile(first)
    calls = []
    real = profile_io.validated_document
    monkeypatch.setattr(profile_io, "validated_document", lambda *a: calls.append(a) or real(*a))
    load_profile(first)
    load_profile(second)
    assert len(calls) == 1


def test_only_the_latest_profiles_are_kept(tmp_path, isolated_home):
    for i in range(cache.MAX_PROFILES + 3):
        save_profile(profile_from_dict({"name": f"P{i}"}), tmp_path / f"p{i}.toml")
    save_profile(profile_from_dict({"name": "again"}), tmp_path / "p0.toml")
    assert not (isolated_home / "cache" / cache.PROFILES_FILE).exists()  # written once, at exit
    cache.flush()
    kept = list(cache._load(isolated_home / "cache" / cache.PROFILES_FILE, "profiles"))
    assert len(kept) == cache.MAX_PROFILES
    assert kept[:2] == [str((tmp_path / name).resolve()) for name in ("p0.toml", f"p{cache.MAX_PROFILES + 2}.toml")]


def test_a_warm_start_imports_neither_pydantic_nor_tomllib(tmp_path, isolated_home):
    """What the cache is for: opening the app on a profile loads only plain objects.

    The first run validates (bank and profile) and writes the cache as it exits."""
    path = tmp_path / "p.toml"
    save_profile(profile_from_dict({"name": "Ann", "answers": {"ml.a": 3}}), path)
    code = (
        "import sys; from careerfit.formats.bank import load_bank; from careerfit.session.state import Session;"
        f"s = Session.resume(load_bank(), __import__('pathlib').Path({str(path)!r}));"
        "s.set_answer(s.questions[0].id, 2); assert s.profile.name == 'Ann';"
        "print(sorted(m for m in ('pydantic', 'tomllib') if m in sys.modules))"
    )
    env = dict(os.environ, CAREERFIT_HOME=str(isolated_home))
    run = [sys.executable, "-c", code]
    cold = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert cold.stdout.strip() == "['pydantic', 'tomllib']", cold.stderr  # the bank is validated once
    warm = subprocess.run(run, env=env, capture_output=True, text=True, check=True)
    assert warm.stdout.strip() == "[]", warm.stderr


def test_the_built_in_bank_from_the_cache_equals_the_bank_validated_afresh(isolated_home, monkeypatch):
    from careerfit.formats.bank import _load
    from careerfit.formats.locations import builtin_bank

    _load(builtin_bank(), use_builtin_defaults=False)  # fills the cache
    with monkeypatch.context() as m:
        m.setattr(bank_module, "_validate_file", _no_validation)
        cached = _load(builtin_bank(), use_builtin_defaults=False)
    monkeypatch.setenv("CAREERFIT_NO_CACHE", "1")
    fresh = _load(builtin_bank(), use_builtin_defaults=False)
    assert (cached.areas, cached.questions, cached.roles, cached.scoring) == (
        fresh.areas, fresh.questions, fresh.roles, fresh.scoring)
    assert [type(r.level) for role in cached.roles for r in role.requires.values()] == [
        type(r.level) for role in fresh.roles for r in role.requires.values()]


def test_profiles_remembered_under_a_removed_home_are_not_written_back(tmp_path, monkeypatch):
    import shutil

    home = tmp_path / "home"
    monkeypatch.setenv("CAREERFIT_HOME", str(home))
    save_profile(profile_from_dict({"name": "Ann"}), tmp_path / "p.toml")
    shutil.rmtree(home, ignore_errors=True)
    cache.flush()
    assert not home.exists()


def test_a_profile_path_that_is_not_utf8_is_remembered_without_error(tmp_path, isolated_home, monkeypatch):
    folder = tmp_path / os.fsdecode(b"dir\xff")
    folder.mkdir()
    path = folder / "p.toml"
    save_profile(profile_from_dict({"name": "Ann"}), path)
    cache.flush()
    monkeypatch.setattr(profile_io, "validated_document", _no_validation)
    assert load_profile(path).name == "Ann"


# --- a cache as trustworthy as the files: every alteration is a miss -------------------------

SMALL_BANK = (
    '[[area]]\nid = "analysis"\nname = "Analysis"\nshort = "Ana"\neffort_hours = 40\neffort_rationale = "r"\n'
    '[[question]]\nid = "analysis.q1"\nskill = "analysis"\ntext = "First?"\n'
    '[[role]]\nid = "analyst"\nname = "Analyst"\ndescription = "d"\n'
    '[role.requires.analysis]\nlevel = 3\nimportance = 4\n'
)


def _small_bank(tmp_path):
    folder = tmp_path / "small"
    folder.mkdir(exist_ok=True)
    (folder / "b.toml").write_text(SMALL_BANK)
    return folder


def _parts(bank):
    return (bank.areas, bank.questions, bank.roles, bank.scoring)


def _fresh(folder, monkeypatch):
    with monkeypatch.context() as m:
        m.setenv("CAREERFIT_NO_CACHE", "1")
        return _parts(load_bank(folder))


def test_every_flipped_bit_of_a_bank_cache_file_is_a_miss(tmp_path, isolated_home):
    """Each of the file's bits flipped in turn: the cache serves nothing (the MAC fails)."""
    folder = _small_bank(tmp_path)
    load_bank(folder)
    path = cache._cache_file(folder)
    good = path.read_bytes()
    secret = (isolated_home / "cache" / cache.KEY_FILE).read_bytes()
    assert cache._load(path, "files") == cache._unsealed(good, "files", secret) != {}
    for i in range(len(good) * 8):
        bad = bytearray(good)
        bad[i // 8] ^= 1 << (i % 8)
        assert cache._unsealed(bytes(bad), "files", secret) == {}, i
    assert cache._unsealed(good, "profiles", secret) == {}  # a bank's file is not a profile's


@settings(max_examples=FUZZ_EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(position=st.floats(0, 1, exclude_max=True), bit=st.integers(0, 7))
def test_a_flipped_bit_in_the_built_in_bank_cache_loads_the_validated_bank(tmp_path, monkeypatch, position, bit):
    """Through the whole load: the bank from a damaged cache equals the bank validated afresh."""
    from careerfit.formats.bank import _load
    from careerfit.formats.locations import builtin_bank

    monkeypatch.setenv("CAREERFIT_HOME", str(tmp_path / "home"))
    _load(builtin_bank(), use_builtin_defaults=False)
    path = cache._cache_file(builtin_bank())
    data = bytearray(path.read_bytes())
    data[int(position * len(data))] ^= 1 << bit
    path.write_bytes(bytes(data))
    damaged = _parts(_load(builtin_bank(), use_builtin_defaults=False))
    assert damaged == _fresh(builtin_bank(), monkeypatch)
    assert path.read_bytes().startswith(cache._MAGIC)


def test_every_flipped_bit_of_a_profile_cache_is_a_miss(tmp_path, isolated_home, monkeypatch):
    path = tmp_path / "p.toml"
    path.write_text('schema = 1\nname = "Ann"\nhours_per_week = 6\n[answers]\n"ml.a" = 3\n')
    expected = load_profile(path)
    cache.flush()
    store = isolated_home / "cache" / cache.PROFILES_FILE
    good = store.read_bytes()
    secret = (isolated_home / "cache" / cache.KEY_FILE).read_bytes()
    assert cache._unsealed(good, "profiles", secret)
    for i in range(len(good) * 8):
        bad = bytearray(good)
        bad[i // 8] ^= 1 << (i % 8)
        assert cache._unsealed(bytes(bad), "profiles", secret) == {}, i
    for i in range(0, len(good), 7):  # and through the loader, a byte in every seven
        bad = bytearray(good)
        bad[i] ^= 1 << (i % 8)
        store.write_bytes(bytes(bad))
        assert load_profile(path) == expected
        cache._pending.clear()


def _unsigned_edit(path, old, new):
    data = path.read_bytes()
    assert old in data
    path.write_bytes(data.replace(old, new, 1))


@pytest.mark.parametrize(("old", "new"), [
    (b'"level": 3', b'"level": 7'),  # made every report spin forever in step_cost
    (b'"level": 3', b'"level": "3"'),
    (b'"level": 3', b'"level": null'),
    (b'"importance": 4', b'"importance": -5'),
    (b'"effort_hours": 40.0', b'"effort_hours": "x"'),
    (b'"name": "Analyst"', b'"name": "\\u001b]52;c;ZXZpbA==\\u0007"'),
])
def test_a_hand_edited_bank_cache_is_a_miss(tmp_path, isolated_home, monkeypatch, old, new):
    folder = _small_bank(tmp_path)
    load_bank(folder)
    _unsigned_edit(cache._cache_file(folder), old, new)
    assert _parts(load_bank(folder)) == _fresh(folder, monkeypatch)


@pytest.mark.parametrize(("old", "new"), [
    (b'"ml.a": 3', b'"ml.a": 99'),  # an answer of 99 also spun forever
    (b'"hours_per_week": 6', b'"hours_per_week": 0'),  # ZeroDivisionError
])
def test_a_hand_edited_profile_cache_is_a_miss(tmp_path, isolated_home, old, new):
    path = tmp_path / "p.toml"
    path.write_text('schema = 1\nname = "Ann"\nhours_per_week = 6\n[answers]\n"ml.a" = 3\n')
    expected = load_profile(path)
    cache.flush()
    _unsigned_edit(isolated_home / "cache" / cache.PROFILES_FILE, old, new)
    assert load_profile(path) == expected


def test_a_report_on_a_hand_edited_cache_is_right_and_ends(tmp_path, isolated_home):
    """The issue's reproduction, through the command: level 3 -> 7 in the cached bank."""
    from cli_helpers import run

    profile = tmp_path / "p.toml"
    profile.write_text('schema = 1\nname = "Ann"\n[answers]\n"ml.train_validate" = 3\n')
    env = {"CAREERFIT_HOME": str(isolated_home)}
    first = run("report", str(profile), "--format", "json", env=env)
    (bank_cache,) = (isolated_home / "cache").glob("bank-*.json")
    _unsigned_edit(bank_cache, b'"level": 3', b'"level": 7')
    again = run("report", str(profile), "--format", "json", env=env)
    assert (again.returncode, again.stdout, again.stderr) == (0, first.stdout, "")


def _crc_forgery(data: bytes, wanted: int, region: range) -> bytes:
    """``data`` with low bits of the bytes in ``region`` flipped so that its CRC-32 is ``wanted``.

    CRC-32 is affine over GF(2): flipping a set of bits changes the CRC by the XOR of each
    bit's own effect, so the bits to flip are the solution of 32 linear equations. Only the
    four low bits of letters are used, so a comment of letters stays printable ASCII.
    """
    base = zlib.crc32(data)
    basis: dict[int, tuple[int, int]] = {}  # highest set bit of an effect -> (effect, bits)
    for i in region:
        for b in range(4):
            flipped = bytearray(data)
            flipped[i] ^= 1 << b
            effect, bits = zlib.crc32(bytes(flipped)) ^ base, 1 << (8 * i + b)
            while effect:
                top = effect.bit_length() - 1
                if top not in basis:
                    basis[top] = (effect, bits)
                    break
                effect, bits = effect ^ basis[top][0], bits ^ basis[top][1]
    need, chosen = base ^ wanted, 0
    while need:
        effect, bits = basis[need.bit_length() - 1]
        need, chosen = need ^ effect, chosen ^ bits
    out = bytearray(data)
    for bit in range(8 * len(data)):
        if chosen >> bit & 1:
            out[bit // 8] ^= 1 << (bit % 8)
    return bytes(out)


def test_an_edit_forged_to_keep_size_and_crc32_is_read_again(tmp_path, isolated_home):
    """CRC-32 keyed the cache: an invalid edit with comment letters changed to keep the size
    and CRC was served as the old, valid file (``check`` said ok). A digest is not fooled."""
    folder = _small_bank(tmp_path)
    path = folder / "b.toml"
    text = SMALL_BANK.replace("level = 3\n", "level = 3\n# abcdefghijklmnop\n")
    path.write_text(text)
    load_bank(folder)
    data = text.encode()
    edited = data.replace(b"level = 3", b"level = 9")
    start = edited.index(b"abcdefghijklmnop")
    forged = _crc_forgery(edited, zlib.crc32(data), range(start, start + 16))
    assert (len(forged), zlib.crc32(forged)) == (len(data), zlib.crc32(data)) and forged != data
    path.write_bytes(forged)
    with pytest.raises(BankError, match="level"):
        load_bank(folder)


def test_a_file_replaced_during_a_load_is_cached_under_the_bytes_that_were_parsed(tmp_path, monkeypatch):
    """Keyed and parsed from one read: a file broken mid-load is reported on the next load."""
    folder = _bank(tmp_path)
    path = folder / "q.toml"
    real = bank_module._validate_file

    def replaced_meanwhile(p, raw):
        path.write_text(QUESTION.format(text="").replace('text = ""', 'text = 1'))
        return real(p, raw)

    with monkeypatch.context() as m:
        m.setattr(bank_module, "_validate_file", replaced_meanwhile)
        assert load_bank(folder).question("analysis.q1").text == "First?"  # what was read
    with pytest.raises(BankError, match="text"):
        load_bank(folder)


@pytest.mark.parametrize("kind", ["missing", "short", "fifo"])
def test_a_missing_or_broken_key_is_a_miss_and_is_made_again(tmp_path, isolated_home, monkeypatch, kind):
    folder = _small_bank(tmp_path)
    load_bank(folder)
    key = isolated_home / "cache" / cache.KEY_FILE
    assert key.stat().st_mode & 0o777 == 0o600 and len(key.read_bytes()) == cache.KEY_BYTES
    old = key.read_bytes()
    key.unlink()
    if kind == "short":
        key.write_bytes(b"x")
    elif kind == "fifo":
        os.mkfifo(key)
    assert cache._load(cache._cache_file(folder), "files") == {}
    assert _parts(load_bank(folder)) == _fresh(folder, monkeypatch)
    assert key.is_file() and len(key.read_bytes()) == cache.KEY_BYTES and key.read_bytes() != old
    assert cache._load(cache._cache_file(folder), "files")  # written again, under the new key


def test_a_lexicon_validated_before_is_read_without_pydantic(tmp_path):
    """``careerfit posting`` and ``postings`` pay for pydantic only when the lexicon changed."""
    import subprocess
    import sys

    code = ("import sys; from careerfit.formats.lexicon_file import load_lexicon; "
            "lex = load_lexicon(); print(len(lex.areas), 'pydantic' in sys.modules)")
    env = {"CAREERFIT_HOME": str(tmp_path), "PATH": ""}
    first = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    second = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True, env=env).stdout
    assert first.split()[1] == "True" and second.split() == [first.split()[0], "False"]
