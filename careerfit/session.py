"""The state of one assessment sitting, without any terminal: profile, path, mode, saving.

The Textual app is a thin shell over this module. Keeping the state rules here (what is
asked in a quick check, where an unsaved profile is autosaved, which profiles were opened
recently, what "save" and "export" write) means they are tested without Textual and the
app has no file or scoring logic of its own. The exported report is built exactly as
``careerfit report`` builds it, so the two are byte-identical.
"""

from __future__ import annotations

import contextlib
import dataclasses
import re
import time
import unicodedata
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from careerfit.domain import MAX_HOURS, MAX_NAME, MIN_HOURS, Area, Bank, Profile, Question, Role
from careerfit.errors import CareerfitError, ProfileError, SaveError
from careerfit.locations import user_data_dir
from careerfit.profile_io import carry_renamed, load_profile, open_for_bank, save_profile
from careerfit.text import clean_text
from careerfit.tomlio import atomic_write, clean_stale_temps, dump_toml, read_toml

if TYPE_CHECKING:  # scoring and reports load with the results screen, postings when first analysed
    from careerfit.posting import PostingAnalysis
    from careerfit.scoring import Assessment

Mode = Literal["quick", "full"]
MODES: tuple[Mode, ...] = ("quick", "full")
#: The profile key (an extra key, kept on round trips) remembering which set was asked.
MODE_KEY = "mode"
DRAFT_NAME = "draft.toml"
RECENT_NAME = "recent.toml"
MAX_RECENT = 8
#: Characters kept of a name in a suggested file name (at most 4 bytes each in UTF-8).
MAX_SLUG = 60
#: Where a pasted posting comes from, as ``posting_report`` names it (it shows in the report).
PASTED = "pasted posting"


# --- the question set of a mode -------------------------------------------------------------


def questions_for_mode(bank: Bank, mode: Mode) -> tuple[Question, ...]:
    """Quick check: the bank's ``quick = true`` questions (one or two per area); full: all.

    Both go area by area in the bank's area order (the order of the area list beside the
    questions), not file order. An area without any quick question still gets its first
    question, so the quick check never leaves an area unknown just because a user's bank
    forgot to flag one.
    """
    chosen: list[Question] = []
    for area in bank.areas:
        qs = bank.questions_for(area.id)
        if mode == "full":
            chosen.extend(qs)
        else:
            quick = [q for q in qs if q.quick]
            chosen.extend(quick or qs[:1])
    return tuple(chosen)


def mode_of(profile: Profile) -> Mode:
    value = profile.extra.get(MODE_KEY)
    return value if value in MODES else "full"


# --- files in the user data dir -------------------------------------------------------------


def data_dir(create: bool = False) -> Path:
    folder = user_data_dir()
    if create:
        try:
            folder.mkdir(parents=True, exist_ok=True)
        except OSError as exc:
            raise SaveError(f"cannot create the data folder: {exc.strerror or exc}", folder) from None
    return folder


def draft_path() -> Path:
    """Where a profile with no file of its own is autosaved after every answer."""
    return data_dir() / DRAFT_NAME


def _free_path(path: Path) -> Path:
    """``path``, or ``<stem>-2<suffix>``, ``-3``...: the first name not taken in its folder."""
    candidate, n = path, 2
    while candidate.exists() or candidate.is_symlink():
        candidate = path.with_name(f"{path.stem}-{n}{path.suffix}")
        n += 1
    return candidate


def profile_slug(name: str) -> str:
    """A file name stem from a person's name: letters and digits of any script, ``-`` between.

    ASCII-only slugs sent every Chinese, Greek or Arabic name (and the empty one) to the
    same ``profile.toml``. The name is NFC-normalised first so a decomposed "ë" stays one
    letter, lower-cased, and cut to ``MAX_SLUG`` characters so the name fits a file system's
    255-byte limit even at four UTF-8 bytes a character.
    """
    text = unicodedata.normalize("NFC", clean_text(name, single_line=True)).lower()
    slug = re.sub(r"-{2,}", "-", "".join(c if c.isalnum() or c in "_-" else "-" for c in text)).strip("-")
    return slug[:MAX_SLUG].strip("-")


def default_profile_path(name: str) -> Path:
    """The save path proposed the first time: ``<data dir>/profiles/<name>.toml``, not yet taken.

    "Ann" and "ann" (or two people with one name) get ``ann.toml`` and ``ann-2.toml``
    rather than one profile proposed over the other.
    """
    return _free_path(data_dir() / "profiles" / f"{profile_slug(name) or 'profile'}.toml")


def replaces_other_file(path: Path, own: Path | None) -> bool:
    """Whether writing ``path`` would replace an existing file other than ``own``.

    The app asks before doing that. A folder or a path that cannot be used is not "another
    file": writing it fails with its own message.
    """
    try:
        path = expand_path(path)
        if not path.exists() or path.is_dir():
            return False
    except (SaveError, OSError):
        return False
    return own is None or _resolved(path) != _resolved(own)


def expand_path(path: Path) -> Path:
    """``path`` with ``~`` expanded, or a ``SaveError`` saying why it cannot be used.

    ``Path.expanduser`` raises ``RuntimeError`` for ``~nosuchuser/...`` and ``resolve``
    raises for a symlink loop; typed into a dialog, either would end the app. The path is
    returned unresolved, so messages show it as typed.
    """
    try:
        expanded = path.expanduser()
        expanded.resolve()
    except RuntimeError as exc:
        raise SaveError(f"cannot use this path: {exc}", path) from None
    except OSError as exc:
        raise SaveError(f"cannot use this path: {exc.strerror or exc}", path) from None
    return expanded


def _resolved(path: Path) -> Path:
    """The file a path names (symlinks followed), or the path made absolute if that fails."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        return path.absolute()


def backup_of(path: Path) -> Path | None:
    """The ``.bak`` ``save_profile`` keeps beside a profile, if there is one."""
    bak = path.with_name(path.name + ".bak")
    return bak if bak.is_file() else None


@dataclass(frozen=True)
class DraftInfo:
    profile: Profile
    saved_at: float

    @property
    def answered(self) -> int:
        return len(self.profile.answers)


def load_draft() -> DraftInfo | None:
    """The autosave draft, or ``None`` when there is none or it cannot be read."""
    path = draft_path()
    if not path.is_file():
        return None
    clean_stale_temps(path.parent, path.name)
    try:
        profile = load_profile(path)
        return DraftInfo(profile, path.stat().st_mtime)
    except (CareerfitError, OSError):
        return None


def archive_draft() -> Path | None:
    """Move an answered draft aside as ``draft-<YYYYmmdd-HHMMSS>.toml``, before it is overwritten.

    Every profile without a file shares ``draft.toml``, so a new assessment would otherwise
    write over the previous one's answers. The archived copy is an ordinary profile file,
    named by when it was last saved and listed with the recent profiles; its ``.bak`` goes
    with it. A draft with no answers is left to be replaced. ``SaveError`` when the move
    fails, so the caller does not overwrite it either.
    """
    path = draft_path()
    if not path.is_file():
        return None
    info = load_draft()
    if info is not None and info.answered == 0:
        return None  # nothing to lose; an unreadable draft is kept, it may hold answers
    try:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(path.stat().st_mtime))
        target = _free_path(path.with_name(f"draft-{stamp}.toml"))
        path.rename(target)
    except OSError as exc:
        raise SaveError(f"cannot keep the previous draft: {exc.strerror or exc}", path) from None
    with contextlib.suppress(OSError):
        path.with_name(DRAFT_NAME + ".bak").rename(target.with_name(target.name + ".bak"))
    if info is not None:  # offered among the recent profiles on the welcome screen
        remember(target, info.profile)
    return target


def discard_draft() -> None:
    for path in (draft_path(), draft_path().with_name(DRAFT_NAME + ".bak")):
        with contextlib.suppress(OSError):
            path.unlink()


@dataclass(frozen=True)
class RecentEntry:
    path: Path
    name: str
    answered: int
    saved_at: float


def recent_profiles() -> list[RecentEntry]:
    """Profiles saved or opened lately, newest first; a broken list is treated as empty."""
    path = data_dir() / RECENT_NAME
    if not path.is_file():
        return []
    try:
        raw = read_toml(path, what="recent list").get("recent", [])
    except CareerfitError:
        return []
    out: list[RecentEntry] = []
    for item in raw if isinstance(raw, list) else []:
        try:
            out.append(
                RecentEntry(
                    Path(str(item["path"])),
                    clean_text(str(item.get("name", "")), single_line=True),
                    int(item.get("answered", 0)),
                    float(item.get("saved_at", 0.0)),
                )
            )
        except (KeyError, TypeError, ValueError, AttributeError):
            continue
    return out[:MAX_RECENT]


def remember(path: Path, profile: Profile) -> None:
    """Put ``path`` first in the recent list. Never raises: the list is a convenience."""
    try:
        entry = {"path": str(path.resolve()), "name": profile.name, "answered": len(profile.answers),
                 "saved_at": time.time()}
        others = [
            {"path": str(e.path), "name": e.name, "answered": e.answered, "saved_at": e.saved_at}
            for e in recent_profiles()
            if str(e.path) != entry["path"]
        ]
        # Not fsynced: a convenience list, and the sync would delay opening every profile.
        atomic_write(data_dir(create=True) / RECENT_NAME, dump_toml({"recent": [entry, *others][:MAX_RECENT]}),
                     backup=False, durable=False)
    except (CareerfitError, OSError):
        pass


def open_profile(path: Path, bank: Bank) -> Profile:
    """Load a profile for resuming; every problem is a ``ProfileError`` naming the file."""
    clean_stale_temps(path.parent, path.name)
    return open_for_bank(path, bank)


# --- the session ----------------------------------------------------------------------------


@dataclass
class Session:
    """One person's profile being answered: where it is saved, and which questions are asked.

    ``path`` is ``None`` until the first "save as"; until then every change goes to the
    autosave draft. Every mutator saves immediately and raises ``SaveError`` when that
    fails, with the change kept in memory.
    """

    bank: Bank
    profile: Profile
    path: Path | None = None
    mode: Mode = "full"
    #: Whether ``draft.toml`` holds this session's profile (it was resumed from the draft, or
    #: has saved there). A session that does not own it archives it before its first draft
    #: save, and leaves it alone on "save as".
    owns_draft: bool = False
    questions: tuple[Question, ...] = field(init=False)
    #: Where the previous draft was moved by this session's first draft save, until the app
    #: has said so (it sets this back to ``None``).
    archived_draft: Path | None = field(init=False, default=None)
    #: The last report this session exported; writing it again needs no confirmation.
    exported_to: Path | None = field(init=False, default=None)
    #: Files this sitting has saved to (resolved). Only the first save to each keeps a
    #: ``.bak``, so the backup is the file as it was before this sitting touched it, and
    #: every later answer costs one fsynced write rather than a copy as well.
    _backed_up: set[Path] = field(init=False, default_factory=set, repr=False)

    def __post_init__(self) -> None:
        self.questions = questions_for_mode(self.bank, self.mode)

    @classmethod
    def new(cls, bank: Bank, *, name: str = "", current_role: str | None = None,
            hours_per_week: float = 8, mode: Mode = "quick") -> Session:
        """A blank profile with the welcome screen's details; it has no file until "save as".

        Built directly, not through pydantic: the welcome screen's values are checked here,
        against the same limits ``ProfileModel`` applies to a file.
        """
        if len(name) > MAX_NAME:  # before cleaning, as ProfileModel checks a file's name
            raise ProfileError(f"invalid new profile: the name is over {MAX_NAME} characters")
        name = clean_text(name, single_line=True)
        if (isinstance(hours_per_week, bool) or not isinstance(hours_per_week, int | float)
                or not MIN_HOURS <= hours_per_week <= MAX_HOURS):
            raise ProfileError(f"invalid new profile: hours a week must be {MIN_HOURS:g} to {MAX_HOURS:g}")
        if current_role and not bank.has_role(current_role):
            raise ProfileError(f"invalid new profile: unknown role '{current_role}'")
        profile = Profile(name=name, current_role=current_role or None, hours_per_week=hours_per_week,
                          extra={MODE_KEY: mode})
        return cls(bank, profile, None, mode)

    @classmethod
    def resume(cls, bank: Bank, path: Path) -> Session:
        profile = open_profile(path, bank)
        return cls(bank, profile, path, mode_of(profile))

    @classmethod
    def from_draft(cls, bank: Bank, draft: DraftInfo) -> Session:
        profile = carry_renamed(draft.profile, bank)
        if profile.current_role is not None and not bank.has_role(profile.current_role):
            profile = dataclasses.replace(profile, current_role=None)
        return cls(bank, profile, None, mode_of(profile), owns_draft=True)

    # --- reading ------------------------------------------------------------------------

    @property
    def areas(self) -> tuple[Area, ...]:
        asked = {q.skill for q in self.questions}
        return tuple(a for a in self.bank.areas if a.id in asked)

    def questions_in(self, area_id: str) -> tuple[Question, ...]:
        return tuple(q for q in self.questions if q.skill == area_id)

    def answer_of(self, question_id: str) -> int | None:
        return self.profile.answers.get(question_id)

    def progress(self, area_id: str | None = None) -> tuple[int, int]:
        """(answered, asked) in one area or over the whole set."""
        qs = self.questions if area_id is None else self.questions_in(area_id)
        return sum(1 for q in qs if q.id in self.profile.answers), len(qs)

    def is_not_relevant(self, area_id: str) -> bool:
        return area_id in self.profile.not_relevant

    def first_open_index(self) -> int:
        """Where a resumed sitting continues: the first unanswered question not marked away."""
        for i, q in enumerate(self.questions):
            if q.id not in self.profile.answers and not self.is_not_relevant(q.skill):
                return i
        return 0

    def assessment(self, target: str | None = None) -> Assessment:
        from careerfit.scoring import assess

        return assess(self.bank, self.profile, target)

    def report_markdown(self) -> str:
        """The report exactly as ``careerfit report PROFILE`` prints it for the saved file."""
        from careerfit.report import to_markdown

        return to_markdown(self.bank, self.profile, self.assessment(), date=date.today().isoformat())

    @property
    def save_target(self) -> Path:
        return self.path if self.path is not None else draft_path()

    # --- job postings and saved targets -------------------------------------------------

    def analyse_posting(self, text: str) -> tuple[PostingAnalysis, str]:
        """The posting's analysis and its Markdown, exactly as ``posting_report`` makes them.

        The analysis is kept (``posting_report`` returns only text) so the same posting
        can be saved as a target without reading it twice. ``PostingError`` for an empty
        posting, one over the CLI's size limit or one matching nothing.
        """
        from careerfit.commands.posting import MAX_POSTING_BYTES
        from careerfit.lexicon import load_lexicon
        from careerfit.posting import PostingError, analyse_posting
        from careerfit.posting_report import render

        # Bytes, as the CLI counts them (a pasted CJK posting is three bytes a character), so
        # a posting the app accepts is one ``careerfit posting`` accepts too.
        if len(text.encode("utf-8", "surrogatepass")) > MAX_POSTING_BYTES:
            raise PostingError(f"too large for a posting (over {MAX_POSTING_BYTES // (1024 * 1024)} MB)", PASTED)
        analysis = analyse_posting(text, self.bank, load_lexicon(), source=PASTED)
        return analysis, render(analysis, self.bank, self.profile, date=date.today().isoformat())

    def targets(self) -> dict[str, Role]:
        """The profile's saved targets as roles (``ProfileError`` if one is malformed)."""
        from careerfit.targets import saved_targets

        return saved_targets(self.profile, self.bank)

    def target_assessment(self, role: Role) -> tuple[Bank, Assessment]:
        """A saved target scored as ``careerfit report --target NAME`` scores it."""
        from careerfit.targets import assess_role

        return assess_role(self.bank, self.profile, role)

    # --- changing -----------------------------------------------------------------------

    def set_answer(self, question_id: str, level: int | None) -> Path:
        """Record (or, with ``None``, clear) an answer and save at once."""
        answers = dict(self.profile.answers)
        if level is None:
            answers.pop(question_id, None)
        else:
            answers[question_id] = level
        self.profile.answers = answers
        return self.persist()

    def toggle_not_relevant(self, area_id: str) -> Path:
        nr = list(self.profile.not_relevant)
        if area_id in nr:
            nr.remove(area_id)
        else:
            nr.append(area_id)
        self.profile.not_relevant = nr
        return self.persist()

    def save_posting_as_target(self, name: str, analysis: PostingAnalysis) -> Path:
        """Keep the posting in the profile as ``[targets.NAME]`` and save at once.

        A bad name raises ``UsageError`` before anything changes; a failed save raises
        ``SaveError`` with the target kept in memory, like every other change.
        """
        from careerfit.targets import with_target

        self.profile = with_target(self.profile, name, analysis, saved=date.today().isoformat(), source=PASTED)
        return self.persist()

    def persist(self) -> Path:
        """Save to the profile's file, or to the autosave draft before it has one.

        The first draft save of a session that did not come from the draft moves an answered
        draft aside first (``archive_draft``), so starting anew never loses earlier answers.
        """
        if self.path is None:
            if not self.owns_draft and not self.profile.answers and not self.profile.not_relevant:
                # Nothing to keep yet (a new assessment quit before its first answer): leave
                # an earlier draft where the welcome screen offers it, rather than archiving it.
                return draft_path()
            data_dir(create=True)
            if not self.owns_draft:
                self.archived_draft = archive_draft()
                self.owns_draft = True
            return self._save(draft_path())
        return self._save(self.path)

    def _save(self, path: Path) -> Path:
        """``save_profile``, keeping a ``.bak`` only on this sitting's first save to the file."""
        key = _resolved(path)
        written = save_profile(self.profile, path, backup=key not in self._backed_up)
        self._backed_up.update((key, _resolved(written)))
        return written

    def save_as(self, path: Path) -> Path:
        """Save to ``path`` and keep saving there; the draft is no longer needed."""
        path = expand_path(path)
        if path.parent == data_dir() / "profiles":
            with contextlib.suppress(OSError):
                path.parent.mkdir(parents=True, exist_ok=True)
        written = self._save(path)
        had_path = self.path is not None
        self.path = path
        remember(path, self.profile)
        if not had_path and self.owns_draft:  # another sitting's draft is not ours to drop
            discard_draft()
            self.owns_draft = False
        return written

    def export(self, path: Path) -> Path:
        """Write the Markdown report to ``path`` (atomically, no backup), as ``-o`` does."""
        path = expand_path(path)
        if path.is_dir():
            raise SaveError("is a folder; give a file name", path)
        written = atomic_write(path, self.report_markdown().encode("utf-8"), backup=False)
        self.exported_to = path
        return written


def ago(timestamp: float, now: float | None = None) -> str:
    """'10 minutes ago', for the welcome screen's resume entries."""
    seconds = max((now if now is not None else time.time()) - timestamp, 0)
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = int(seconds // size)
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"
