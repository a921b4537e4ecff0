"""aiosqlite for SQLAlchemy, without a thread hand-off for statements that need not wait.

SQLAlchemy's aiosqlite adapter runs every statement as four awaits (cursor, execute, fetch,
close), each a round trip to aiosqlite's worker thread and back through the event loop. Under
load those round trips, not SQLite, were most of an update's database time, and since SQLite
has one writer, every wait while a transaction is open holds up all the others.

Here a statement is one function, run directly on the event-loop thread whenever it cannot
wait, and on the worker thread otherwise:

- BEGIN IMMEDIATE is first tried with no busy wait. If another connection (another process)
  holds the write lock, it is retried on the worker thread with the connection's busy_timeout.
- Inside a transaction that holds the write lock, a statement waits for no other connection in
  WAL mode, so it costs only SQLite's own work (microseconds; a page read when the cache is
  cold). All our transactions start with BEGIN IMMEDIATE (see db.py).
- COMMIT appends to the WAL; with synchronous=NORMAL (db.py) that is no fsync. Checkpoints,
  which write and sync the database file, are taken off COMMIT (wal_autocheckpoint=0) and run
  on the worker thread every CHECKPOINT_EVERY commits through the engine.
- Anything else outside a transaction goes to the worker thread.

It relies on `aiosqlite.Connection._execute` (queue a function on the connection's thread),
which has kept its signature since aiosqlite 0.17, and on private parts of SQLAlchemy's
adapter; pyproject.toml pins both libraries and lists what to check before raising them.
SQLITE_DRIVER=stock (db.make_engine) uses SQLAlchemy's own adapter instead: the way back. The
sqlite3 connection is opened with check_same_thread=False: both threads use it, one at a time.
"""

from __future__ import annotations

import collections
import logging
import sqlite3
from typing import Any, cast

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT
from sqlalchemy.util.concurrency import await_

log = logging.getLogger(__name__)

_Result = tuple[Any, int, int | None, list[Any]]


def _run(connection: sqlite3.Connection, operation: str, parameters: Any, many: bool) -> _Result:
    cursor = connection.cursor()
    try:
        if many:
            cursor.executemany(operation, parameters)
        else:
            cursor.execute(operation, () if parameters is None else parameters)
        description = cursor.description
        rows = cursor.fetchall() if description else []
        return description, cursor.rowcount, cursor.lastrowid, rows
    finally:
        cursor.close()


def _begin_without_waiting(connection: sqlite3.Connection, operation: str, timeout: int) -> bool:
    """Run BEGIN IMMEDIATE/EXCLUSIVE unless that means waiting for another connection's lock;
    `timeout` is the connection's busy_timeout, put back afterwards."""
    connection.execute("PRAGMA busy_timeout=0")
    try:
        connection.execute(operation)
        return True
    except sqlite3.OperationalError as exc:
        if exc.sqlite_errorcode & 0xFF != sqlite3.SQLITE_BUSY:  # any extended BUSY code
            raise
        return False
    finally:
        connection.execute(f"PRAGMA busy_timeout={timeout}")


def _checkpoint(connection: sqlite3.Connection) -> None:
    connection.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


_TAKES_WRITE_LOCK = ("BEGIN IMMEDIATE", "BEGIN EXCLUSIVE")
CHECKPOINT_EVERY = 200  # commits through one engine; about 1,000 WAL pages of our updates


class _Cursor(AsyncAdapt_aiosqlite_cursor):
    """A buffered cursor; each statement is one call, on the loop or the driver's thread."""

    __slots__ = ("_description", "_lastrowid", "_rowcount")

    def __init__(self, adapt_connection: AsyncAdapt_aiosqlite_connection) -> None:
        # No driver cursor is opened up front: each statement opens and closes its own.
        self._adapt_connection = adapt_connection
        self._connection = adapt_connection._connection
        self._cursor = None  # type: ignore[assignment]
        self._soft_closed_memoized = EMPTY_DICT
        self._rows = collections.deque()
        self._description: Any = None
        self._rowcount = -1
        self._lastrowid: int | None = None

    @property
    def description(self) -> Any:
        return self._description

    @property
    def rowcount(self) -> int:
        return self._rowcount

    @property
    def lastrowid(self) -> Any:
        return self._lastrowid

    @property
    def arraysize(self) -> int:
        return 1

    @arraysize.setter
    def arraysize(self, value: int) -> None:
        pass

    async def _call(self, operation: str, parameters: Any, many: bool) -> None:
        adapted = cast(_Connection, self._adapt_connection)
        driver = cast(aiosqlite.Connection, self._connection)
        raw = driver._conn
        takes_lock = not raw.in_transaction and operation.lstrip().upper().startswith(
            _TAKES_WRITE_LOCK
        )
        if adapted.writing and raw.in_transaction:
            result: _Result = _run(raw, operation, parameters, many)
        elif takes_lock and _begin_without_waiting(raw, operation, adapted.busy_timeout(raw)):
            result = (None, -1, None, [])
        else:
            async with adapted._execute_mutex:
                result = await driver._execute(_run, raw, operation, parameters, many)
        adapted.writing = takes_lock or (adapted.writing and raw.in_transaction)
        self._description, self._rowcount, self._lastrowid, rows = result
        self._rows = collections.deque(rows)

    async def _execute_async(self, operation: Any, parameters: Any) -> None:
        await self._call(operation, parameters, many=False)

    async def _executemany_async(self, operation: Any, seq_of_parameters: Any) -> None:
        await self._call(operation, seq_of_parameters, many=True)

    async def _async_soft_close(self) -> None:
        pass  # nothing is open between statements

    def close(self) -> None:
        self._rows.clear()


class _Connection(AsyncAdapt_aiosqlite_connection):
    __slots__ = ("_busy_timeout", "writing")
    _cursor_cls: type[AsyncAdapt_aiosqlite_cursor] = _Cursor

    def __init__(self, dbapi: Any, connection: Any) -> None:
        super().__init__(dbapi, connection)
        self.writing = False  # this connection's open transaction holds the write lock
        self._busy_timeout: int | None = None
        # Checkpoints run every CHECKPOINT_EVERY commits on the worker thread, not in a COMMIT.
        cast(aiosqlite.Connection, connection)._conn.execute("PRAGMA wal_autocheckpoint=0")

    def busy_timeout(self, raw: sqlite3.Connection) -> int:
        """The busy_timeout set when the connection was opened (db.py), read once."""
        if self._busy_timeout is None:
            self._busy_timeout = int(raw.execute("PRAGMA busy_timeout").fetchone()[0])
        return self._busy_timeout

    def _in_transaction(self) -> bool:
        driver = cast(aiosqlite.Connection, self._connection)
        return bool(driver._connection and driver._conn.in_transaction)

    def commit(self) -> None:
        writing, self.writing = self.writing, False
        if not self._in_transaction():
            return
        if not writing:  # a transaction we did not begin ourselves: the usual way
            super().commit()
            return
        driver = cast(aiosqlite.Connection, self._connection)
        try:
            driver._conn.commit()  # a WAL append on this thread: no fsync, no checkpoint
        except Exception as error:
            self._handle_exception(error)
        dbapi = cast(_DBAPI, self.dbapi)
        dbapi.commits += 1
        if dbapi.commits % CHECKPOINT_EVERY == 0:
            try:
                await_(driver._execute(_checkpoint, driver._conn))
            except sqlite3.Error:
                # The transaction is committed; the next checkpoint will try again.
                log.warning("WAL checkpoint failed", exc_info=True)

    def rollback(self) -> None:
        # The pool rolls back every connection it gets back, mostly just after a commit.
        self.writing = False
        if self._in_transaction():
            super().rollback()


class _DBAPI(AsyncAdapt_aiosqlite_dbapi):
    """One per engine (see `dbapi()`): counts the engine's commits for checkpoints."""

    def __init__(self) -> None:
        super().__init__(aiosqlite, sqlite3)
        self.commits = 0

    def connect(self, *arg: Any, **kw: Any) -> _Connection:
        kw["check_same_thread"] = False
        adapted = super().connect(*arg, **kw)
        return _Connection(self, adapted._connection)


def dbapi() -> AsyncAdapt_aiosqlite_dbapi:
    """Pass as `module=` to `create_async_engine` for a `sqlite+aiosqlite` URL."""
    return _DBAPI()
