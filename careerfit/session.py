"""The state of one assessment sitting, without any terminal: profile, path, mode, saving.

The Textual app is a thin shell over this module. Keeping the state rules here (what is
asked in a quick check, where an unsaved profile is autosaved, which profiles were opened
recently, what "save" and "export" write) means they are tested without Textual and the
app has no file or scoring logic of its own. The exported report is built exactly as
``careerfit report`` builds it, so the two are byte-identical.

May import: the core, the file layer, the posting reader and ``posting_input``; never Textual,
never a command-line module (a contract checks both).
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

from careerfit.domain import MAX_HOURS, MAX_NAME, MIN_HOURS, Area, Bank, Profile, Question, Role, hours_ok
from careerfit.errors import CareerfitError, ProfileError, SaveError
from careerfit.locations import user_data_dir
from careerfit.profile_io import (
    SaveOutcome,
    carry_renamed,
    check_against_bank,
    load_profile,
    load_profile_seen,
    save_merged,
)
from careerfit.text import clean_text
from careerfit.tomlio import atomic_write, clean_stale_temps, dump_toml, read_toml

if TYPE_CHECKING:  # scoring and reports load with the results screen, postings when first analysed
    from careerfit.merge import MergeReport
    from careerfit.posting import PostingAnalysis
    from careerfit.progress import Progress
    from careerfit.scoring import Assessment

Mode = Literal["quick", "full"]
MODES: tuple[Mode, ...] = ("quick", "full")
#: The profile key (an extra key, kept on round trips) remembering which set was asked.
MODE_KEY = "mode"
#: A new profile's random id while it lives in ``draft.toml`` (dropped on "save as"): tells
#: this window's draft from another window's new one that took its place.
DRAFT_ID_KEY = "draft_id"
#: The profile key (an extra key, kept on round trips) listing questions the person skipped,
#: so a skipped question reads "skipped", not "not answered yet" like one never shown.
SKIPPED_KEY = "skipped"
#: Changes ``Session.undo`` can take back in one sitting (older ones are dropped).
MAX_UNDO = 100
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
    if len(slug) > MAX_SLUG:  # cut between words; a single word longer than the limit where it must
        head = slug[: MAX_SLUG + 1]
        slug = head.rsplit("-", 1)[0] if "-" in head else slug[:MAX_SLUG]
    return slug.strip("-")


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
    """The file a path names (symlinks followed), or the path made absolute if that fails,
    or the path itself when even that fails (the working folder was deleted): never raises,
    the save that follows says what is wrong."""
    try:
        return path.resolve()
    except (RuntimeError, OSError):
        try:
            return path.absolute()
        except OSError:
            return path


def backup_of(path: Path) -> Path | None:
    """The ``.bak`` ``save_profile`` keeps beside a profile, if there is one."""
    bak = path.with_name(path.name + ".bak")
    return bak if bak.is_file() else None


@dataclass(frozen=True)
class DraftInfo:
    profile: Profile
    saved_at: float
    #: Digest of the text read, so a session resumed from it merges what others write later.
    digest: str = ""

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
        profile, digest = load_profile_seen(path)
        return DraftInfo(profile, path.stat().st_mtime, digest)
    except (CareerfitError, OSError):
        return None


def archive_draft() -> Path | None:
    """Move an answered draft aside as ``draft-<YYYYmmdd-HHMMSS>.toml``, before it is overwritten.

    Every profile without a file shares ``draft.toml``, so a new assessment would otherwise
    write over the previous one's answers. The archived copy is an ordinary profile file,
    named by when it was last saved and offered after the recent profiles (``archived_drafts``);
    its ``.bak`` goes with it. A draft with no answers is left to be replaced. ``SaveError``
    when the move fails, so the caller does not overwrite it either.
    """
    path = draft_path()
    if not path.is_file():
        return None
    info = load_draft()
    if info is not None and info.answered == 0 and not info.profile.not_relevant:
        return None  # nothing to lose; an unreadable draft is kept, it may hold answers
    try:
        stamp = time.strftime("%Y%m%d-%H%M%S", time.localtime(path.stat().st_mtime))
        target = _free_path(path.with_name(f"{ARCHIVED_PREFIX}{stamp}.toml"))
        path.rename(target)
    except OSError as exc:
        raise SaveError(f"cannot keep the previous draft: {exc.strerror or exc}", path) from None
    with contextlib.suppress(OSError):
        path.with_name(DRAFT_NAME + ".bak").rename(target.with_name(target.name + ".bak"))
    return target


#: Archived drafts are ``draft-<date-time>.toml`` in the data dir.
ARCHIVED_PREFIX = "draft-"
#: Archived drafts offered after the recent profiles (never instead of them).
MAX_DRAFTS_SHOWN = 2
#: Archived drafts kept before the welcome screen offers to clear the older ones: they are
#: never deleted without asking, since each holds answers saved nowhere else.
MAX_DRAFTS = 5


def is_archived_draft(path: Path) -> bool:
    return (path.name.startswith(ARCHIVED_PREFIX) and path.suffix == ".toml"
            and _resolved(path.parent) == _resolved(data_dir()))


def archived_drafts() -> list[Path]:
    """Archived drafts, newest first. Those holding nothing (no answer, no "not relevant":
    nothing unsaved) are removed as they are found; every other one is kept."""
    folder = data_dir()
    found: list[tuple[float, Path]] = []
    with contextlib.suppress(OSError):
        for path in folder.glob(f"{ARCHIVED_PREFIX}*.toml"):
            try:
                mtime = path.stat().st_mtime
                profile = load_profile(path)
            except (CareerfitError, OSError):
                found.append((0.0, path))  # unreadable: kept, it may hold answers
                continue
            if not profile.answers and not profile.not_relevant:
                discard_drafts([path])
                continue
            found.append((mtime, path))
    return [p for _, p in sorted(found, key=lambda x: (x[0], x[1].name), reverse=True)]


def stale_drafts() -> list[Path]:
    """Archived drafts beyond the ``MAX_DRAFTS`` newest: what the welcome screen may offer to
    delete (``discard_drafts``), asking first."""
    return archived_drafts()[MAX_DRAFTS:]


def discard_drafts(paths: list[Path]) -> None:
    """Delete archived drafts and their backups (the user asked, or they held nothing)."""
    for path in paths:
        if not is_archived_draft(path):
            continue  # only ever draft-*.toml in the data dir
        for p in (path, path.with_name(path.name + ".bak")):
            with contextlib.suppress(OSError):
                p.unlink()


def discard_draft() -> None:
    for path in (draft_path(), draft_path().with_name(DRAFT_NAME + ".bak")):
        with contextlib.suppress(OSError):
            path.unlink()


@dataclass(frozen=True)
class RecentEntry:
    """A line of the welcome screen's list. ``saved_at`` is the file's last change on disk
    (whoever saved it), ``opened_at`` when careerfit last opened or saved it here."""

    path: Path
    name: str
    answered: int
    saved_at: float
    opened_at: float = 0.0
    #: "profile", or "draft" for an archived draft (listed after the profiles).
    kind: str = "profile"

    def when(self, now: float | None = None) -> str:
        """What happened last, truthfully: "saved 2 days ago", or "opened 5 minutes ago"
        when it was opened after its last save."""
        if self.opened_at > self.saved_at + 1:
            return f"opened {ago(self.opened_at, now)}"
        return f"saved {ago(self.saved_at, now)}"


def _recent_raw() -> list[dict[str, object]]:
    path = data_dir() / RECENT_NAME
    if not path.is_file():
        return []
    try:
        raw = read_toml(path, what="recent list").get("recent", [])
    except CareerfitError:
        return []
    return [item for item in raw if isinstance(item, dict)] if isinstance(raw, list) else []


def recent_profiles() -> list[RecentEntry]:
    """Profiles saved or opened lately, newest first (at most ``MAX_RECENT``), then the newest
    archived drafts (at most ``MAX_DRAFTS_SHOWN``), so drafts never push a profile off the
    list. Files that no longer exist are left out; a broken list is treated as empty."""
    out: list[RecentEntry] = []
    for item in _recent_raw():
        try:
            path = Path(str(item["path"]))
            if is_archived_draft(path):
                continue  # listed with the drafts, below
            opened = float(item.get("opened_at", item.get("saved_at", 0.0)))  # type: ignore[arg-type]
            entry = RecentEntry(path, clean_text(str(item.get("name", "")), single_line=True),
                                int(item.get("answered", 0)), path.stat().st_mtime, opened)  # type: ignore[call-overload]
        except (KeyError, TypeError, ValueError, AttributeError, OSError):
            continue
        out.append(entry)
        if len(out) == MAX_RECENT:
            break
    for path in archived_drafts()[:MAX_DRAFTS_SHOWN]:
        try:
            profile = load_profile(path)
            out.append(RecentEntry(path.resolve(), profile.name, len(profile.answers), path.stat().st_mtime,
                                   kind="draft"))
        except (CareerfitError, OSError):
            continue
    return out


def remember(path: Path, profile: Profile) -> None:
    """Put ``path`` first in the recent list. Never raises: the list is a convenience."""
    try:
        entry = {"path": str(path.resolve()), "name": profile.name, "answered": len(profile.answers),
                 "opened_at": time.time()}
        others = [item for item in _recent_raw() if str(item.get("path")) != entry["path"]]
        # Not fsynced: a convenience list, and the sync would delay opening every profile.
        atomic_write(data_dir(create=True) / RECENT_NAME, dump_toml({"recent": [entry, *others][:MAX_RECENT * 2]}),
                     backup=False, durable=False)
    except (CareerfitError, OSError, TypeError, ValueError):
        pass


def open_profile(path: Path, bank: Bank) -> Profile:
    """Load a profile for resuming; every problem is a ``ProfileError`` naming the file."""
    return _open_seen(path, bank)[0]


def _open_seen(path: Path, bank: Bank) -> tuple[Profile, Profile, str]:
    """(profile for the bank, the file's profile as read, the digest of the text read)."""
    clean_stale_temps(path.parent, path.name)
    as_read, digest = load_profile_seen(path)
    check_against_bank(as_read, bank, path)
    return carry_renamed(as_read, bank), as_read, digest


def _snapshot(profile: Profile) -> Profile:
    """A copy that later in-place changes to ``profile`` (the app's answers) cannot reach."""
    import copy

    return dataclasses.replace(profile, answers=dict(profile.answers), not_relevant=list(profile.not_relevant),
                               extra=copy.deepcopy(profile.extra))


def check_details(bank: Bank, name: str, current_role: str | None, hours_per_week: float, mode: str,
                  *, what: str = "profile settings") -> str:
    """The welcome form's and the settings dialog's values checked against the limits
    ``ProfileModel`` applies to a file (``careerfit.domain``'s constants); the cleaned name.
    ``ProfileError`` naming the first problem."""
    if len(name) > MAX_NAME:  # before cleaning, as ProfileModel checks a file's name
        raise ProfileError(f"invalid {what}: the name is over {MAX_NAME} characters")
    if not hours_ok(hours_per_week):
        raise ProfileError(f"invalid {what}: hours a week must be {MIN_HOURS:g} to {MAX_HOURS:g}")
    if current_role and not bank.has_role(current_role):
        raise ProfileError(f"invalid {what}: unknown role '{current_role}'")
    if mode not in MODES:
        raise ProfileError(f"invalid {what}: mode must be one of {', '.join(MODES)}")
    return clean_text(name, single_line=True)


@dataclass(frozen=True)
class Undo:
    """What one change replaced: enough to put the answers back as they were."""

    question_id: str | None
    answers: dict[str, int]
    not_relevant: list[str]
    skipped: list[str]
    what: str


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
    #: Set when another window's new assessment took ``draft.toml`` and this session went on
    #: saving to its archived copy (now ``path``), until the app has said so.
    moved_aside: Path | None = field(init=False, default=None)
    #: The last report this session exported; writing it again needs no confirmation.
    exported_to: Path | None = field(init=False, default=None)
    #: Files this sitting has saved to (resolved). Only the first save to each keeps a
    #: ``.bak``, so the backup is the file as it was before this sitting touched it, and
    #: every later answer costs one fsynced write rather than a copy as well.
    _backed_up: set[Path] = field(init=False, default_factory=set, repr=False)
    #: The file each save path led to when this sitting opened or first saved it: a path
    #: that later leads elsewhere (the profile swapped for a link to another file) is
    #: refused rather than followed, so that other file is never silently overwritten.
    _leads_to: dict[Path, Path] = field(init=False, default_factory=dict, repr=False)
    #: Per file (resolved): the profile as this sitting last read or wrote it there, and the
    #: digest of that text. A save that finds other text merges against it (``save_merged``).
    _seen: dict[Path, tuple[Profile, str]] = field(init=False, default_factory=dict, repr=False)
    #: What the last save merged in from another window, until the app has shown it
    #: (``take_merge_report``).
    merge_report: MergeReport | None = field(init=False, default=None)
    #: This sitting's answers, skips and "not relevant" marks, newest last, for ``undo``.
    _undo: list[Undo] = field(init=False, default_factory=list, repr=False)

    def __post_init__(self) -> None:
        self.questions = questions_for_mode(self.bank, self.mode)

    @classmethod
    def new(cls, bank: Bank, *, name: str = "", current_role: str | None = None,
            hours_per_week: float = 8, mode: Mode = "quick") -> Session:
        """A blank profile with the welcome screen's details; it has no file until "save as".

        Built directly, not through pydantic: the welcome screen's values are checked here,
        against the same limits ``ProfileModel`` applies to a file.
        """
        name = check_details(bank, name, current_role, hours_per_week, mode, what="new profile")
        import secrets

        profile = Profile(name=name, current_role=current_role or None, hours_per_week=hours_per_week,
                          extra={MODE_KEY: mode, DRAFT_ID_KEY: secrets.token_hex(6)})
        return cls(bank, profile, None, mode)

    @classmethod
    def resume(cls, bank: Bank, path: Path) -> Session:
        profile, as_read, digest = _open_seen(path, bank)
        session = cls(bank, profile, path, mode_of(profile))
        session._leads_to[path] = key = _resolved(path)
        session._seen[key] = (_snapshot(as_read), digest)
        if not profile.sittings and (profile.answers or profile.not_relevant):
            # A profile from before sittings were kept: what it held is its first sitting,
            # dated by the file's last change, so the next report has something to compare.
            from careerfit.progress import sitting_of

            with contextlib.suppress(OSError, ValueError, OverflowError):
                day = date.fromtimestamp(path.stat().st_mtime).isoformat()
                profile.sittings = (sitting_of(as_read, day),)
        return session

    @classmethod
    def from_draft(cls, bank: Bank, draft: DraftInfo) -> Session:
        profile = carry_renamed(draft.profile, bank)
        if profile.current_role is not None and not bank.has_role(profile.current_role):
            profile = dataclasses.replace(profile, current_role=None)
        session = cls(bank, profile, None, mode_of(profile), owns_draft=True)
        if draft.digest:  # two windows resuming one draft merge like two on one file
            session._seen[_resolved(draft_path())] = (_snapshot(draft.profile), draft.digest)
        return session

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

    @property
    def skipped(self) -> list[str]:
        """Question ids skipped and not answered since (a hand-edited bad value is ignored)."""
        raw = self.profile.extra.get(SKIPPED_KEY)
        return [x for x in raw if isinstance(x, str)] if isinstance(raw, list) else []

    def is_skipped(self, question_id: str) -> bool:
        return question_id not in self.profile.answers and question_id in self.skipped

    def open_questions(self, mode: Mode | None = None) -> tuple[Question, ...]:
        """Questions of ``mode``'s set (the session's by default) neither answered nor skipped,
        outside areas marked not relevant: what "continue" asks."""
        qs = self.questions if mode is None else questions_for_mode(self.bank, mode)
        skipped = set(self.skipped)
        return tuple(q for q in qs if q.id not in self.profile.answers and q.id not in skipped
                     and not self.is_not_relevant(q.skill))

    def continue_offer(self) -> str | None:
        """What continuing would ask, in words, or ``None`` when nothing of the full set is open:
        the rest of the full assessment after a quick check, or the questions an old profile
        never saw (areas added to the bank since)."""
        n = len(self.open_questions("full"))
        if not n:
            return None
        plural = "s" if n != 1 else ""
        if self.mode == "quick":
            return f"continue with the full assessment ({n} more question{plural})"
        return f"answer the {n} new question{plural}"

    @property
    def is_complete(self) -> bool:
        """Every question of the set answered, skipped or in an area marked not relevant."""
        return not self.open_questions()

    @property
    def can_undo(self) -> bool:
        return bool(self._undo)

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
        from careerfit.progress import since
        from careerfit.report import to_markdown

        return to_markdown(self.bank, self.profile, self.assessment(), date=date.today().isoformat(),
                           progress=since(self.bank, self.profile))

    def since(self, day: str | None = None) -> Progress | None:
        """What changed since an earlier sitting (``careerfit.progress.since``): the app's
        "change per area" is ``{c.area: c.change for c in progress.areas}``."""
        from careerfit.progress import since

        return since(self.bank, self.profile, day)

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
        from careerfit.lexicon_file import load_lexicon
        from careerfit.posting import analyse_posting
        from careerfit.posting_input import check_posting_size
        from careerfit.posting_report import render

        check_posting_size(text, PASTED)  # the limit of ``careerfit posting``
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

    def _remember(self, question_id: str | None, what: str) -> None:
        self._undo.append(Undo(question_id, dict(self.profile.answers), list(self.profile.not_relevant),
                               self.skipped, what))
        del self._undo[:-MAX_UNDO]

    def _set_skipped(self, skipped: list[str]) -> None:
        if skipped:
            self.profile.extra[SKIPPED_KEY] = skipped
        else:
            self.profile.extra.pop(SKIPPED_KEY, None)

    def set_answer(self, question_id: str, level: int | None) -> Path:
        """Record an answer (or, with ``None``, skip: clear it and mark it skipped) and save at once."""
        self._remember(question_id, "answer" if level is not None else "skip")
        answers = dict(self.profile.answers)
        skipped = [x for x in self.skipped if x != question_id]
        if level is None:
            answers.pop(question_id, None)
            skipped.append(question_id)
        else:
            answers[question_id] = level
        self.profile.answers = answers
        self._set_skipped(skipped)
        return self.persist()

    def undo(self) -> tuple[Undo | None, Path | None]:
        """Take back the last answer, skip or "not relevant" of this sitting and save, as any
        change is saved. ``(None, None)`` when there is nothing to undo; ``SaveError`` with
        the undone state kept in memory."""
        if not self._undo:
            return None, None
        last = self._undo.pop()
        self.profile.answers = dict(last.answers)
        self.profile.not_relevant = list(last.not_relevant)
        self._set_skipped(list(last.skipped))
        return last, self.persist()

    def update_settings(self, *, name: str, current_role: str | None, hours_per_week: float, mode: Mode) -> Path:
        """Change the profile's details at any time (checked as the welcome form's are) and save."""
        name = check_details(self.bank, name, current_role, hours_per_week, mode)
        self.profile.name = name
        self.profile.current_role = current_role or None
        self.profile.hours_per_week = hours_per_week
        self.set_mode(mode)
        return self.persist()

    def set_mode(self, mode: Mode) -> None:
        """Switch between the quick check and the full set; answers are kept either way."""
        self.mode = mode
        self.profile.extra[MODE_KEY] = mode
        self.questions = questions_for_mode(self.bank, mode)

    def toggle_not_relevant(self, area_id: str) -> Path:
        self._remember(None, "not relevant")
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
            else:
                moved = self._draft_moved_aside()
                if moved is not None:
                    # Another window's new assessment moved this draft aside and took
                    # draft.toml: keep saving where this one's answers went.
                    seen = self._seen.pop(_resolved(draft_path()), None)
                    if seen is not None:  # the archived copy is what this session last wrote
                        self._seen[_resolved(moved)] = seen
                    self.path, self.owns_draft, self.moved_aside = moved, False, moved
                    return self._save(moved)
            return self._save(draft_path())
        return self._save(self.path)

    def _draft_moved_aside(self) -> Path | None:
        """Where this session's draft went if ``draft.toml`` now holds another new profile
        (by ``DRAFT_ID_KEY``): its archived copy, or a fresh archive name; else ``None``."""
        mine = self.profile.extra.get(DRAFT_ID_KEY)
        try:
            on_disk = load_profile(draft_path())
        except (CareerfitError, OSError):
            return None  # gone (write it again) or unreadable (the save says so)
        if on_disk.extra.get(DRAFT_ID_KEY) == mine:
            return None
        for path in archived_drafts():
            with contextlib.suppress(CareerfitError, OSError):
                if load_profile(path).extra.get(DRAFT_ID_KEY) == mine:
                    return path
        stamp = time.strftime("%Y%m%d-%H%M%S")
        return _free_path(draft_path().with_name(f"{ARCHIVED_PREFIX}{stamp}.toml"))

    def _save(self, path: Path) -> Path:
        """``save_profile``, keeping a ``.bak`` only on this sitting's first save to the file."""
        key = _resolved(path)
        if not key.is_absolute():
            raise SaveError("not saved: the working folder this path is relative to was deleted", path)
        expected = self._leads_to.get(path)
        if expected is not None and key != expected:
            raise SaveError(f"now leads to {key}, not to the file this sitting opened; not overwritten "
                            "(save under another name)", path)
        base, seen = self._seen.get(key, (None, None))
        outcome: SaveOutcome = save_merged(self.profile, path, base=base, seen=seen,
                                           backup=key not in self._backed_up, finish=_record_sitting)
        self.profile = outcome.profile
        if outcome.merge is not None and outcome.merge.changed:
            self.merge_report = outcome.merge
        self._seen[key] = (_snapshot(outcome.profile), outcome.digest)
        self._backed_up.update((key, _resolved(outcome.written)))
        self._leads_to.setdefault(path, key)
        return outcome.written

    def take_merge_report(self) -> MergeReport | None:
        """What the last saves merged in from another window (``None``: nothing), once:
        the app shows ``report.message()`` and refreshes what it shows of the answers."""
        report, self.merge_report = self.merge_report, None
        return report

    def save_as(self, path: Path) -> Path:
        """Save to ``path`` and keep saving there; the draft is no longer needed."""
        path = expand_path(path)
        if path.parent == data_dir() / "profiles":
            with contextlib.suppress(OSError):
                path.parent.mkdir(parents=True, exist_ok=True)
        self._leads_to.pop(path, None)  # chosen now (the app asks before replacing a file)
        self.profile.extra.pop(DRAFT_ID_KEY, None)  # a file of its own now
        written = self._save(path)
        previous = self.path
        had_path = previous is not None
        self.path = path
        remember(path, self.profile)
        if not had_path and self.owns_draft:  # another sitting's draft is not ours to drop
            discard_draft()
            self.owns_draft = False
        if previous is not None and is_archived_draft(previous) and _resolved(previous) != _resolved(path):
            # An archived draft resumed and saved as a profile: its answers are saved now.
            discard_drafts([previous])
        return written

    def export(self, path: Path) -> Path:
        """Write the Markdown report to ``path`` (atomically, no backup), as ``-o`` does."""
        path = expand_path(path)
        if path.is_dir():
            raise SaveError("is a folder; give a file name", path)
        written = atomic_write(path, self.report_markdown().encode("utf-8"), backup=False)
        self.exported_to = path
        return written


def today() -> str:
    """The day a sitting is recorded under (a function, so tests can move the clock)."""
    return date.today().isoformat()


def _record_sitting(profile: Profile) -> Profile:
    """The profile with today's sitting recorded as it stands (merged, about to be written)."""
    from careerfit.progress import sitting_of, with_sitting

    return dataclasses.replace(profile, sittings=with_sitting(profile.sittings, sitting_of(profile, today())))


def ago(timestamp: float, now: float | None = None) -> str:
    """'10 minutes ago', for the welcome screen's resume entries."""
    seconds = max((now if now is not None else time.time()) - timestamp, 0)
    for unit, size in (("day", 86400), ("hour", 3600), ("minute", 60)):
        if seconds >= size:
            n = int(seconds // size)
            return f"{n} {unit}{'s' if n != 1 else ''} ago"
    return "just now"
