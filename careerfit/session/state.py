"""One sitting: the profile being answered, where it is saved, undo, and saving alongside
other windows (each save merges what another wrote since this one read: ``save_merged``).
The exported report is built exactly as ``careerfit report`` builds it, so the two are
byte-identical.

May import: ``careerfit.core``, ``careerfit.formats``, ``careerfit.postings`` (lazily, when a
posting is first analysed) and the other ``session`` modules.
"""

from __future__ import annotations

import contextlib
import dataclasses
import time
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from careerfit.core.domain import Area, Bank, Profile, Question, Role
from careerfit.core.errors import CareerfitError, SaveError
from careerfit.core.renamed import carry_renamed
from careerfit.formats.profile_io import SaveOutcome, check_against_bank, load_profile, load_profile_seen, save_merged
from careerfit.formats.tomlio import atomic_write, clean_stale_temps
from careerfit.session.drafts import (
    ARCHIVED_PREFIX,
    DraftInfo,
    archive_draft,
    archived_drafts,
    discard_draft,
    discard_drafts,
    is_archived_draft,
)
from careerfit.session.modes import MODE_KEY, Mode, check_details, mode_of, questions_for_mode
from careerfit.session.paths import data_dir, draft_path, expand_path, free_path, resolved
from careerfit.session.recent import remember

if TYPE_CHECKING:  # scoring and reports load with the results screen, postings when first analysed
    from careerfit.core.merge import MergeReport
    from careerfit.core.progress import Progress
    from careerfit.core.scoring import Assessment
    from careerfit.postings.reader import PostingAnalysis

#: A new profile's random id while it lives in ``draft.toml`` (dropped on "save as"): tells
#: this window's draft from another window's new one that took its place.
DRAFT_ID_KEY = "draft_id"
#: The profile key (an extra key, kept on round trips) listing questions the person skipped,
#: so a skipped question reads "skipped", not "not answered yet" like one never shown.
SKIPPED_KEY = "skipped"
#: Changes ``Session.undo`` can take back in one sitting (older ones are dropped).
MAX_UNDO = 100
#: Where a pasted posting comes from, as the posting report names it (it shows in the report).
PASTED = "pasted posting"


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
        session._leads_to[path] = key = resolved(path)
        session._seen[key] = (_snapshot(as_read), digest)
        if not profile.sittings and (profile.answers or profile.not_relevant):
            # A profile from before sittings were kept: what it held is its first sitting,
            # dated by the file's last change, so the next report has something to compare.
            from careerfit.core.progress import sitting_of

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
            session._seen[resolved(draft_path())] = (_snapshot(draft.profile), draft.digest)
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
        from careerfit.core.scoring import assess

        return assess(self.bank, self.profile, target)

    def report_markdown(self) -> str:
        """The report exactly as ``careerfit report PROFILE`` prints it for the saved file."""
        from careerfit.core.progress import since
        from careerfit.core.report import to_markdown

        return to_markdown(self.bank, self.profile, self.assessment(), date=date.today().isoformat(),
                           progress=since(self.bank, self.profile))

    def since(self, day: str | None = None) -> Progress | None:
        """What changed since an earlier sitting (``careerfit.core.progress.since``): the app's
        "change per area" is ``{c.area: c.change for c in progress.areas}``."""
        from careerfit.core.progress import since

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
        from careerfit.formats.lexicon_file import load_lexicon
        from careerfit.formats.posting_input import check_posting_size
        from careerfit.postings.reader import analyse_posting
        from careerfit.postings.report import render

        check_posting_size(text, PASTED)  # the limit of ``careerfit posting``
        analysis = analyse_posting(text, self.bank, load_lexicon(), source=PASTED)
        return analysis, render(analysis, self.bank, self.profile, date=date.today().isoformat())

    def targets(self) -> dict[str, Role]:
        """The profile's saved targets as roles (``ProfileError`` if one is malformed)."""
        from careerfit.formats.targets import saved_targets

        return saved_targets(self.profile, self.bank)

    def target_assessment(self, role: Role) -> tuple[Bank, Assessment]:
        """A saved target scored as ``careerfit report --target NAME`` scores it."""
        from careerfit.formats.targets import assess_role

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
        from careerfit.formats.targets import with_target

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
                    seen = self._seen.pop(resolved(draft_path()), None)
                    if seen is not None:  # the archived copy is what this session last wrote
                        self._seen[resolved(moved)] = seen
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
        return free_path(draft_path().with_name(f"{ARCHIVED_PREFIX}{stamp}.toml"))

    def _save(self, path: Path) -> Path:
        """``save_profile``, keeping a ``.bak`` only on this sitting's first save to the file."""
        key = resolved(path)
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
        self._backed_up.update((key, resolved(outcome.written)))
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
        if previous is not None and is_archived_draft(previous) and resolved(previous) != resolved(path):
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
    from careerfit.core.progress import sitting_of, with_sitting

    return dataclasses.replace(profile, sittings=with_sitting(profile.sittings, sitting_of(profile, today())))
