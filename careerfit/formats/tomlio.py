"""Reading and writing TOML files safely: size caps, every parser failure caught, atomic saves.

tomllib raises a zoo of exceptions on hostile input (``UnicodeDecodeError``,
``RecursionError`` on deep nesting, ``ValueError`` on an integer of over 4300 digits,
``TOMLDecodeError``); they all become one
``FileFormatError`` naming the file and, where known, the line.

May import: the standard library, tomli-w and ``errors``.
"""

from __future__ import annotations

import contextlib
import os
import re
from pathlib import Path
from typing import Any

from careerfit.core.errors import FileFormatError, SaveError

MAX_BYTES = 4 * 1024 * 1024
#: How every input file is opened: never waiting on a FIFO, never becoming a terminal's
#: controlling process, binary on Windows (where most of these flags do not exist).
_READ_FLAGS = os.O_RDONLY | sum(getattr(os, f, 0) for f in ("O_NONBLOCK", "O_NOCTTY", "O_CLOEXEC", "O_BINARY"))
_BOM = "\ufeff"


def read_bytes(path: Path, *, max_bytes: int = MAX_BYTES, what: str = "file") -> bytes:
    """A regular file's bytes, read once, at most ``max_bytes``; else a ``FileFormatError``.

    The file is opened first and then checked through the open descriptor, so what is
    checked is what is read (a file swapped after a check is not read unchecked).
    ``O_NONBLOCK`` keeps the open of a FIFO from waiting for a writer; a FIFO, socket or
    device (``/dev/zero``) is refused before any read, and so is a regular file whose size
    is over the cap (a 3 GB sparse file costs nothing). The read stops at ``max_bytes + 1``
    bytes in case the file grows meanwhile.
    """
    import stat

    try:
        fd = os.open(path, _READ_FLAGS)
    except FileNotFoundError:
        raise FileFormatError(f"no such {what}", path) from None
    except PermissionError:
        raise FileFormatError("permission denied", path) from None
    except OSError as exc:
        raise FileFormatError(f"cannot read: {_reason(exc)}", path) from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise FileFormatError(f"is a folder, not a {what}", path)
        if not stat.S_ISREG(st.st_mode):
            raise FileFormatError(f"not a regular file, so not a {what}", path)
        if st.st_size > max_bytes:
            raise FileFormatError(f"too large for a {what} (over {_size(max_bytes)})", path)
        chunks: list[bytes] = []
        left = max_bytes + 1
        while left > 0:
            chunk = os.read(fd, min(left, 1 << 20))
            if not chunk:
                break
            chunks.append(chunk)
            left -= len(chunk)
    except OSError as exc:
        raise FileFormatError(f"cannot read: {_reason(exc)}", path) from None
    finally:
        os.close(fd)
    return b"".join(chunks)


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc)


def _size(max_bytes: int) -> str:
    return f"{max_bytes // (1024 * 1024)} MB" if max_bytes >= 1024 * 1024 else f"{max_bytes // 1024} KB"


def read_text(path: Path, *, max_bytes: int = MAX_BYTES, what: str = "file") -> str:
    """Read a UTF-8 text file with a size cap; every failure is a ``FileFormatError``."""
    return decode_text(read_bytes(path, max_bytes=max_bytes, what=what), path, max_bytes=max_bytes, what=what)


def decode_text(data: bytes, label: Path | str, *, max_bytes: int = MAX_BYTES, what: str = "file") -> str:
    """Bytes (from a file or stdin) to text: size cap, no binary, UTF-8, BOM dropped."""
    if len(data) > max_bytes:
        raise FileFormatError(f"too large for a {what} (over {_size(max_bytes)})", label)
    if b"\x00" in data:
        raise FileFormatError(f"binary file, not a text {what}", label)
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data[: exc.start].count(b"\n") + 1
        raise FileFormatError(f"not valid UTF-8 text (line {line})", label) from None
    return text.removeprefix(_BOM)


def parse_toml(text: str, path: Path) -> dict[str, Any]:
    """Parse TOML text; an empty document is an error, not an empty table."""
    import tomllib  # here: a start-up served from the cache (careerfit.formats.cache) parses nothing

    if not text.strip():
        raise FileFormatError("file is empty", path)
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise FileFormatError(f"invalid TOML: {_toml_message(exc)}", path) from None
    except RecursionError:
        raise FileFormatError("invalid TOML: nested too deeply", path) from None
    except ValueError:  # int() refuses a number of over 4300 digits
        raise FileFormatError("invalid TOML: a number too long to read", path) from None


def read_toml(path: Path, *, what: str = "file") -> dict[str, Any]:
    return parse_toml(read_text(path, what=what), path)


def toml_from_bytes(data: bytes, path: Path, *, what: str = "file") -> dict[str, Any]:
    """Parse bytes already read (``read_bytes``): the caller keys a cache by the same bytes."""
    return parse_toml(decode_text(data, path, what=what), path)


def _toml_message(exc: Exception) -> str:
    msg = str(exc)
    return re.sub(r"\s+", " ", msg).strip()


def dump_toml(data: dict[str, Any]) -> bytes:
    """Serialise to TOML bytes; values tomli-w cannot write become a ``SaveError``."""
    try:
        import tomli_w

        return tomli_w.dumps(data).encode("utf-8")
    except (TypeError, ValueError, UnicodeEncodeError) as exc:
        raise SaveError(f"cannot be written as TOML: {exc}") from None


def atomic_write(path: Path, payload: bytes, *, backup: bool = True, durable: bool = True,
                 follow_symlinks: bool = True) -> Path:
    """Write ``payload`` to ``path`` so a crash leaves either the old file or the new one.

    The temporary file sits in the same folder (``os.replace`` is atomic only there), is
    flushed and fsynced before the rename, and the folder is fsynced after. A symlink is
    resolved first, so the link's target is updated and the link kept. The previous
    content is kept as ``NAME.bak``; if that copy fails, nothing is replaced (``SaveError``).
    Returns the path actually written. ``durable=False`` skips the fsyncs, for files that are
    only a cache: still atomic, not crash-proof; ``follow_symlinks=False`` replaces whatever
    entry is at ``path`` but a folder (a link, a FIFO) and never writes what a link points to.
    """
    import tempfile

    try:
        target = path.resolve() if follow_symlinks and path.is_symlink() else path
    except (RuntimeError, OSError):  # a symlink loop: resolve() raises RuntimeError
        raise SaveError("is a symlink that leads nowhere (a loop?); not replaced", path) from None
    folder = target.parent
    if follow_symlinks and target.exists() and not target.is_file() and not target.is_dir():
        raise SaveError("not a regular file; not replaced", target)
    if not folder.is_dir():
        raise SaveError("folder does not exist", folder)
    if target.is_dir() and (follow_symlinks or not target.is_symlink()):
        raise SaveError("is a folder", target)
    fd, tmp_name = -1, ""
    try:
        fd, tmp_name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".tmp", dir=folder)
        os.fchmod(fd, _mode_for(target))  # mkstemp makes 0600; keep the file's usual mode
        with os.fdopen(fd, "wb") as fh:
            fd = -1
            fh.write(payload)
            fh.flush()
            if durable:
                os.fsync(fh.fileno())
        if backup and target.exists():
            # The backup is the file as it was before: replacing the file without it would
            # lose that version for good, so a failed copy stops the save (file unchanged).
            bak = target.with_name(target.name + ".bak")
            try:
                _copy_bytes(target, bak)
            except OSError as exc:
                raise SaveError(f"not saved: its backup {bak.name} could not be written ({_reason(exc)}); "
                                "the file is unchanged", target) from None
        os.replace(tmp_name, target)
        tmp_name = ""
        if durable:
            _fsync_dir(folder)
    except OSError as exc:
        raise SaveError(f"cannot save: {exc.strerror or exc}", target) from None
    finally:
        if fd >= 0:
            os.close(fd)
        if tmp_name:
            with contextlib.suppress(OSError):
                os.unlink(tmp_name)
    return target


def _mode_for(target: Path) -> int:
    """The existing regular file's permissions (not setuid/setgid/sticky), or what a plain
    ``open()`` would give (0666 - umask)."""
    import stat

    try:
        st = target.lstat()
        if stat.S_ISREG(st.st_mode):
            return st.st_mode & 0o777
    except OSError:
        pass
    mask = os.umask(0)
    os.umask(mask)
    return 0o666 & ~mask


def _copy_bytes(src: Path, dst: Path) -> None:
    """Keep the previous version: written atomically too, so a bad ``.bak`` never appears."""
    import tempfile

    data = src.read_bytes()
    fd, tmp = tempfile.mkstemp(prefix=f".{dst.name}.", suffix=".tmp", dir=dst.parent)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        os.replace(tmp, dst)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise


def _fsync_dir(folder: Path) -> None:
    try:
        dfd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(dfd)
    except OSError:
        pass
    finally:
        os.close(dfd)


def clean_stale_temps(folder: Path, name: str) -> None:
    """Remove temporary files a killed save left beside ``name`` (``.NAME.<random>.tmp``)."""
    prefix = f".{name}."
    try:
        strays = [e.path for e in os.scandir(folder) if e.name.startswith(prefix) and e.name.endswith(".tmp")]
    except OSError:
        return
    for stray in strays:
        with contextlib.suppress(OSError):
            os.unlink(stray)
