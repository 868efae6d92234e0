"""The app's state, without any terminal: one sitting's profile, where it is saved, what is asked.

The Textual app is a thin shell over this package, so the state rules (what a quick check
asks, where an unsaved profile is autosaved, which profiles were opened lately, what "save"
and "export" write) are tested without Textual, and the app has no file or scoring logic of
its own. By job:

- ``state``: ``Session``, one sitting: answers, undo, saving, merging with other windows.
- ``modes``: which questions a quick check or a full assessment asks; the details form's checks.
- ``drafts``: the autosave draft and the drafts moved aside before a new one.
- ``recent``: the welcome screen's list of recent profiles.
- ``paths``: the user data folder, proposed file names, paths typed into a dialog.

May import: the core, the file formats and the posting reader; never Textual, never a
command-line module (import-linter contracts in ``pyproject.toml``).
"""
