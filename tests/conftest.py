"""Shared test configuration. Network guard: tests cannot reach the network unless they say so.

- Non-loopback connections and DNS lookups of real host names fail in every test except those marked `live`.
- Loopback connections are allowed to ports the test process itself bound (a local fake server, a chroma or
  uvicorn server started on a port the test picked), and in tests marked `live`, `postgres`, `browser` or
  `local_server`.
Only Python-level sockets are guarded (libpq and subprocesses are not), which is what HTTP clients use.
"""

from __future__ import annotations

import contextlib
import ipaddress
import os
import socket
from collections.abc import Iterator
from typing import Any

import pytest

LOOPBACK_MARKERS = ("live", "postgres", "browser", "local_server")


class NetworkBlocked(ConnectionError):
    """A test tried to reach the network without opting in."""


_state: dict[str, Any] = {"allow_loopback": False, "allow_remote": False}
_bound_ports: set[int] = set()
_real = {
    "connect": socket.socket.connect,
    "connect_ex": socket.socket.connect_ex,
    "bind": socket.socket.bind,
    "getaddrinfo": socket.getaddrinfo,
}


def _is_loopback(host: Any) -> bool:
    if not isinstance(host, str):
        return False
    if host.lower() in ("localhost", "localhost.localdomain"):
        return True
    try:
        return ipaddress.ip_address(host.split("%")[0]).is_loopback
    except ValueError:
        return False


def _is_ip(host: str) -> bool:
    try:
        ipaddress.ip_address(host.split("%")[0])
    except ValueError:
        return False
    return True


def _check(sock: socket.socket, address: Any) -> None:
    if sock.family not in (socket.AF_INET, socket.AF_INET6) or not isinstance(address, tuple):
        return
    host, port = address[0], address[1]
    if _is_loopback(host):
        if _state["allow_loopback"] or _state["allow_remote"] or port in _bound_ports:
            return
        raise NetworkBlocked(f"loopback connection to port {port} blocked; mark the test local_server (or live)")
    if not _state["allow_remote"]:
        raise NetworkBlocked(f"network connection to {host}:{port} blocked in tests; mark the test live to allow it")


def _connect(self: socket.socket, address: Any) -> None:
    _check(self, address)
    return _real["connect"](self, address)


def _connect_ex(self: socket.socket, address: Any) -> int:
    _check(self, address)
    return _real["connect_ex"](self, address)


def _bind(self: socket.socket, address: Any) -> None:
    _real["bind"](self, address)
    if self.family in (socket.AF_INET, socket.AF_INET6):
        with contextlib.suppress(OSError):
            _bound_ports.add(self.getsockname()[1])


def _getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
    name = host.decode() if isinstance(host, bytes) else host
    if name and not _state["allow_remote"] and not _is_loopback(name) and not _is_ip(name):
        raise socket.gaierror(socket.EAI_NONAME, f"DNS lookup of {name!r} blocked in tests; mark the test live")
    return _real["getaddrinfo"](host, *args, **kwargs)


# What configures the tests themselves (the test database, whether the browser test must run): kept.
TEST_CONTROLS = ("TRIAGE_TEST_POSTGRES_URL", "TRIAGE_REQUIRE_BROWSER")


def isolate_from_the_environment() -> None:
    """No test reads the developer's configuration: TRIAGE_*, OPENAI_* and AZURE_OPENAI_* variables are dropped and
    no `.env` file is read (TRIAGE_ENV_FILE points at the null device), in this process and the servers it starts."""
    for name in list(os.environ):
        if name.startswith(("TRIAGE_", "OPENAI_", "AZURE_OPENAI_")) and name not in TEST_CONTROLS:
            del os.environ[name]
    os.environ["TRIAGE_ENV_FILE"] = os.devnull


def pytest_configure(config: pytest.Config) -> None:
    isolate_from_the_environment()
    config.addinivalue_line("markers", "local_server: talks to a server on a loopback port")
    socket.socket.connect = _connect  # type: ignore[method-assign]
    socket.socket.connect_ex = _connect_ex  # type: ignore[method-assign]
    socket.socket.bind = _bind  # type: ignore[method-assign]
    socket.getaddrinfo = _getaddrinfo


def pytest_unconfigure(config: pytest.Config) -> None:
    socket.socket.connect = _real["connect"]  # type: ignore[method-assign]
    socket.socket.connect_ex = _real["connect_ex"]  # type: ignore[method-assign]
    socket.socket.bind = _real["bind"]  # type: ignore[method-assign]
    socket.getaddrinfo = _real["getaddrinfo"]


@pytest.fixture(autouse=True)
def _network_guard(request: pytest.FixtureRequest) -> Iterator[None]:
    """Per test: what the markers allow. The guard itself is installed for the whole session."""
    node = request.node
    _state["allow_remote"] = node.get_closest_marker("live") is not None
    _state["allow_loopback"] = any(node.get_closest_marker(m) is not None for m in LOOPBACK_MARKERS)
    try:
        yield
    finally:
        _state["allow_remote"] = False
        _state["allow_loopback"] = False
