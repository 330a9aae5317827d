"""gloss's TinyDB storage: atomic, crash-safe writes of one JSON file, never over a bad file.

TinyDB's own ``JSONStorage`` truncates and rewrites the file in place (a crash leaves it
half written) and keeps no backup. ``AtomicJSONStorage`` instead:

- writes the whole data to a temp file in the same folder, flushes and fsyncs it,
  ``os.replace``-s it over the old file and fsyncs the folder, so the file on disk is
  always either the old or the new version, never a mix;
- caches the parsed data together with the file's identity (inode, size, mtime) and
  re-reads the file whenever the identity changed, so a write made under the store lock
  always starts from what other processes committed;
- refuses to overwrite a file that failed to parse (``CorruptStoreError`` names the file
  and its newest backup; the file is left byte-identical);
- keeps a rotating backup: before a save, when the newest backup is older than
  ``backup_interval`` seconds, ``name.bak1`` → ``name.bak2`` → … and the current file is
  copied to ``name.bak1`` (at most once per interval, so saves stay cheap);
- upgrades older schema versions on read (``annotations.migrations``) and keeps the
  original file beside it as ``name.vN`` before the first upgraded write.

Locking is the caller's job (``annotations.store.Store`` holds one file lock per write).
"""

from __future__ import annotations

import contextlib
import json
import os
import shutil
import time
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from tinydb.storages import Storage

from annotations.errors import CorruptStoreError, NewerStoreError, StoreError
from annotations.migrations import META_TABLE, SCHEMA_VERSION, migrate, schema_of
from annotations.records import check_records

BACKUPS = 3
BACKUP_INTERVAL = 600.0  # seconds between backup generations

Identity = tuple[int, int, int, int]


def _identity(st: os.stat_result) -> Identity:
    return (st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def fsync_dir(folder: Path) -> None:
    """Flush a folder's entries (a rename) to disk; a no-op where folders cannot be opened."""
    try:
        fd = os.open(folder, os.O_RDONLY)
    except OSError:
        return
    try:
        os.fsync(fd)
    except OSError:
        pass
    finally:
        os.close(fd)


def write_atomic(path: Path, payload: bytes, *, durable: bool = True) -> Identity:
    """Replace ``path`` with ``payload`` atomically (and durably); return the new identity.

    On any failure the old file is untouched and the temp file removed. ``durable=False``
    skips the fsyncs, for files that can be made again (exports).
    """
    # the name is cut so a long file name (an export's -o) still leaves room for the suffix
    tmp = path.with_name(f".{path.name[:40]}.{os.getpid()}.{time.monotonic_ns()}.tmp")
    fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    try:
        try:
            view = memoryview(payload)
            while view:
                view = view[os.write(fd, view) :]
            if durable:
                os.fsync(fd)
            identity = _identity(os.fstat(fd))
        finally:
            os.close(fd)
        os.replace(tmp, path)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    if durable:
        fsync_dir(path.parent)
    return identity


def backup_path(path: Path, generation: int = 1) -> Path:
    """The ``generation``-th backup of ``path`` (1 is the newest)."""
    return path.with_name(f"{path.name}.bak{generation}")


def newest_backup(path: Path) -> Path | None:
    """The newest existing backup of ``path``, if any."""
    for generation in range(1, BACKUPS + 1):
        candidate = backup_path(path, generation)
        if candidate.exists():
            return candidate
    return None


def private_copy(source: Path, target: Path) -> None:
    """Copy ``source`` to the new file ``target``, private (0600) like the store files from
    the start: the user's notes are never readable by other users, not even meanwhile."""
    fd = os.open(target, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
    with os.fdopen(fd, "wb") as out, open(source, "rb") as original:
        shutil.copyfileobj(original, out)


def rotate_backups(path: Path, interval: float = BACKUP_INTERVAL, keep: int = BACKUPS) -> bool:
    """Copy ``path`` as its newest backup when that one is missing or old; True if rotated."""
    newest = backup_path(path, 1)
    try:
        if time.time() - newest.stat().st_mtime < interval:
            return False
    except FileNotFoundError:
        pass
    if not path.exists():
        return False
    for generation in range(keep - 1, 0, -1):
        older = backup_path(path, generation)
        if older.exists():
            os.replace(older, backup_path(path, generation + 1))
    tmp = path.with_name(f".{path.name}.{os.getpid()}.bak.tmp")
    with contextlib.suppress(FileNotFoundError):
        os.unlink(tmp)
    try:
        # a copy, not a hard link: a tool that damages the file in place must not reach it
        private_copy(path, tmp)
        os.replace(tmp, newest)
    except BaseException:
        with contextlib.suppress(OSError):
            os.unlink(tmp)
        raise
    return True


def corrupt_message(path: Path, reason: str) -> CorruptStoreError:
    """The error for a file that cannot be parsed, offering its newest backup."""
    backup = newest_backup(path)
    if backup is None:
        hint = "no backup exists"
    else:
        stamp = datetime.fromtimestamp(backup.stat().st_mtime, UTC).strftime("%Y-%m-%d %H:%M UTC")
        hint = f"its backup {backup} ({stamp}) can be copied over it to restore"
    message = f"store file {path} cannot be read ({reason}); it was left untouched and {hint}"
    return CorruptStoreError(message, str(path), str(backup) if backup else None)


def parse(path: Path, raw: bytes) -> dict[str, Any]:
    """Parse a store file's bytes into TinyDB tables, or raise ``CorruptStoreError``."""
    if not raw.strip():
        raise corrupt_message(path, "the file is empty")
    try:
        data = json.loads(raw.decode("utf-8"))
    except UnicodeDecodeError:
        raise corrupt_message(path, "not UTF-8") from None
    except json.JSONDecodeError as error:
        raise corrupt_message(path, f"invalid JSON at line {error.lineno} column {error.colno}") from None
    if not isinstance(data, dict) or not all(
        isinstance(table, dict) and all(isinstance(doc, dict) for doc in table.values())
        for table in data.values()
    ):
        raise corrupt_message(path, "not a table of records")
    return data


class AtomicJSONStorage(Storage):
    """A TinyDB storage for one JSON file with atomic writes, re-reads and backups."""

    def __init__(
        self,
        path: str | os.PathLike[str],
        kind: str = "article",
        backups: int = BACKUPS,
        backup_interval: float = BACKUP_INTERVAL,
    ) -> None:
        self.path = Path(path)
        self.kind = kind
        self.backups = backups
        self.backup_interval = backup_interval
        self._data: dict[str, Any] | None = None
        self._identity: Identity | None = None
        self._found_schema = SCHEMA_VERSION
        self._corrupt: CorruptStoreError | None = None

    def invalidate(self) -> None:
        """Forget the cached data, so the next read parses the file again."""
        self._data = None
        self._identity = None

    def read(self) -> dict[str, Any] | None:
        """The file's tables (cached until the file changes on disk); None when it is absent."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            self.invalidate()
            self._corrupt = None
            return None
        if self._data is not None and _identity(st) == self._identity:
            return self._data
        try:
            with open(self.path, "rb") as handle:
                identity = _identity(os.fstat(handle.fileno()))
                raw = handle.read()
        except FileNotFoundError:
            return self.read()  # replaced between stat and open
        except OSError as error:
            raise StoreError(f"cannot read store file {self.path}: {error.strerror}") from None
        try:
            data = self._upgrade(parse(self.path, raw))
        except CorruptStoreError as error:
            self.invalidate()
            self._corrupt = error
            raise
        self._corrupt = None
        self._data, self._identity = data, identity
        return data

    def _upgrade(self, data: dict[str, Any]) -> dict[str, Any]:
        """Apply migrations to freshly parsed data; refuse files from a newer gloss."""
        try:
            version = schema_of(data)
        except (TypeError, ValueError, AttributeError):
            raise corrupt_message(self.path, "its schema version is not a number") from None
        if version > SCHEMA_VERSION:
            raise NewerStoreError(
                f"store file {self.path} has schema {version}, newer than this gloss knows "
                f"({SCHEMA_VERSION}); upgrade gloss to use it"
            )
        try:
            data, self._found_schema = migrate(data, self.kind)
            check_records(data)
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            # a hand-edited record: report the file like invalid JSON, never half-use it
            raise corrupt_message(self.path, str(error) or type(error).__name__) from None
        return data

    def write(self, data: dict[str, Any]) -> None:
        """Save ``data`` atomically; never over a file that failed to parse."""
        if self._corrupt is not None:
            raise self._corrupt
        if META_TABLE not in data:
            data[META_TABLE] = {"1": {"schema": SCHEMA_VERSION, "kind": self.kind}}
        payload = json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._keep_before_upgrade()
            if self.backups:
                # a backup that cannot be made must not stop the user's data being saved
                with contextlib.suppress(OSError):
                    rotate_backups(self.path, self.backup_interval, self.backups)
            identity = write_atomic(self.path, payload)
        except OSError as error:
            self.invalidate()
            raise StoreError(f"cannot save store file {self.path}: {error.strerror or error}") from None
        except BaseException:
            self.invalidate()
            raise
        self._data, self._identity = data, identity

    def _keep_before_upgrade(self) -> None:
        """Before the first write in a newer schema, keep the old file as ``name.vN``."""
        if self._found_schema >= SCHEMA_VERSION or not self.path.exists():
            return
        keep = self.path.with_name(f"{self.path.name}.v{self._found_schema}")
        if not keep.exists():
            private_copy(self.path, keep)
        self._found_schema = SCHEMA_VERSION

    def close(self) -> None:
        """Nothing to release: no file stays open between operations."""
        self.invalidate()
