"""aiosqlite for SQLAlchemy, without a thread hand-off for statements that cannot wait.

SQLAlchemy's aiosqlite adapter runs every statement as four awaits (cursor, execute, fetch,
close), each a round trip to aiosqlite's worker thread and back through the event loop. Under
load those round trips, not SQLite, were most of an update's database time, and since SQLite
has one writer, every wait while a transaction is open holds up all the others.

Here a statement is one function. It runs on the worker thread when it may wait: BEGIN
IMMEDIATE (for SQLite's write lock), COMMIT (a WAL checkpoint writes to disk), anything
outside a transaction. Inside a transaction that holds the write lock it runs directly on
the event-loop thread: in WAL mode such a statement waits for no other connection, so it costs
only SQLite's own work (microseconds here; a page read when the cache is cold). All our
transactions start with BEGIN IMMEDIATE (see db.py).

It relies on `aiosqlite.Connection._execute` (queue a function on the connection's thread),
which has kept its signature since aiosqlite 0.17; pyproject.toml bounds the version. The
sqlite3 connection is opened with check_same_thread=False: both threads use it, one at a time.
"""

from __future__ import annotations

import collections
import sqlite3
from typing import Any, cast

import aiosqlite
from sqlalchemy.dialects.sqlite.aiosqlite import (
    AsyncAdapt_aiosqlite_connection,
    AsyncAdapt_aiosqlite_cursor,
    AsyncAdapt_aiosqlite_dbapi,
)
from sqlalchemy.util import EMPTY_DICT

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


_TAKES_WRITE_LOCK = ("BEGIN IMMEDIATE", "BEGIN EXCLUSIVE")


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
        if adapted.writing and raw.in_transaction:
            result: _Result = _run(raw, operation, parameters, many)
        else:
            async with adapted._execute_mutex:
                result = await driver._execute(_run, raw, operation, parameters, many)
            adapted.writing = operation.lstrip().upper().startswith(_TAKES_WRITE_LOCK)
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
    __slots__ = ("writing",)
    _cursor_cls: type[AsyncAdapt_aiosqlite_cursor] = _Cursor

    def __init__(self, dbapi: Any, connection: Any) -> None:
        super().__init__(dbapi, connection)
        self.writing = False  # this connection's open transaction holds the write lock

    def _in_transaction(self) -> bool:
        driver = cast(aiosqlite.Connection, self._connection)
        return bool(driver._connection and driver._conn.in_transaction)

    def commit(self) -> None:
        self.writing = False
        if self._in_transaction():
            super().commit()

    def rollback(self) -> None:
        # The pool rolls back every connection it gets back, mostly just after a commit.
        self.writing = False
        if self._in_transaction():
            super().rollback()


class _DBAPI(AsyncAdapt_aiosqlite_dbapi):
    def connect(self, *arg: Any, **kw: Any) -> _Connection:
        kw["check_same_thread"] = False
        adapted = super().connect(*arg, **kw)
        return _Connection(self, adapted._connection)


def dbapi() -> AsyncAdapt_aiosqlite_dbapi:
    """Pass as `module=` to `create_async_engine` for a `sqlite+aiosqlite` URL."""
    return _DBAPI(aiosqlite, sqlite3)
