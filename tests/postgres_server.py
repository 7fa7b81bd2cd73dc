"""A real PostgreSQL server for the log-backend tests: started once per test session with pgserver
(the server's binaries come in its wheel, so `make test` installs everything), one fresh database per test."""
from __future__ import annotations

import atexit
import itertools
import os
import shutil
import tempfile
import warnings

import pytest

_server = None
_numbers = itertools.count(1)


def _server_url() -> str:
    global _server
    if _server is None:
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")  # platformdirs warns that XDG_RUNTIME_DIR is unset
                import pgserver
            import psycopg  # noqa: F401 - the backend's driver
        except ImportError as exc:
            if os.environ.get("CI"):  # CI installs the extras: a missing one there is a failure, not a skip
                raise
            pytest.skip(f"PostgreSQL tests need `pip install -e '.[test,postgres]'` ({exc})")
        # A short folder: the server's Unix socket path must stay under ~100 bytes.
        folder = tempfile.mkdtemp(prefix="pk-pg-")
        atexit.register(shutil.rmtree, folder, ignore_errors=True)
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # platformdirs warns that XDG_RUNTIME_DIR is unset
            _server = pgserver.get_server(folder, cleanup_mode="stop")
    return _server.get_uri()


def fresh_database() -> str:
    """The URL of a new, empty database on the session's server."""
    import psycopg

    url = _server_url()
    name = f"pk_{os.getpid()}_{next(_numbers)}"
    with psycopg.connect(url, autocommit=True) as db:
        db.execute(f"CREATE DATABASE {name}")
    return url.replace("/postgres?", f"/{name}?", 1)
