"""The test-suite network guard (tests/conftest.py): no real network unless a test opts in."""

from __future__ import annotations

import socket

import httpx
import pytest

# tests/conftest.py's NetworkBlocked is a ConnectionError; imported by name it would clash with other conftests.
NetworkBlocked = ConnectionError


def test_remote_connections_are_blocked() -> None:
    with socket.socket() as s, pytest.raises(NetworkBlocked):
        s.connect(("10.255.255.1", 443))


def test_dns_lookups_of_real_hosts_are_blocked() -> None:
    with pytest.raises(socket.gaierror):
        socket.getaddrinfo("api.openai.com", 443)


def test_an_http_client_cannot_reach_openai() -> None:
    with pytest.raises(httpx.ConnectError):
        httpx.get("https://api.openai.com/v1/models", timeout=2)


def test_loopback_is_blocked_without_opting_in() -> None:
    with socket.socket() as s, pytest.raises(NetworkBlocked):
        s.connect(("127.0.0.1", 8765))  # e.g. the local LLM server


def test_a_server_the_test_started_is_reachable() -> None:
    with socket.socket() as server:
        server.bind(("127.0.0.1", 0))
        server.listen(1)
        port = server.getsockname()[1]
        with socket.create_connection(("127.0.0.1", port), timeout=2):
            pass


@pytest.mark.local_server
def test_marked_tests_may_use_loopback() -> None:
    with socket.socket() as s:
        assert s.connect_ex(("127.0.0.1", 9)) != 0  # allowed to try (refused: nothing listens there)
