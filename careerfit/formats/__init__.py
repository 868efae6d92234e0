"""The file formats and their validation: every file careerfit reads or writes.

Pydantic models (``models``, ``fields``, ``lexicon_file``, ``keymap``, ``app_settings``)
validate a file and build the core's plain records; loaders (``bank``, ``profile_io``,
``targets``) read and save; ``tomlio`` does the bytes (size caps, atomic writes); ``cache``
keeps what was validated; ``locations`` knows every path. Where an answer is saved:
``profile_io``.

May import: the standard library, pydantic, tomli-w, platformdirs, ``careerfit.core`` and
``careerfit.postings``. Not textual, rich, the app state, the command line or the app. The
only package that imports pydantic.
"""
