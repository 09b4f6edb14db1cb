"""The real API as a separate `triage serve` process on a loopback port, for tests (and scripts) that must kill it
hard or stop it."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx

# Variables of the developer's shell that would point a test server elsewhere; the test sets what it needs.
_INHERITED_CONFIG = ("TRIAGE_", "OPENAI_", "DATABASE_URL", "LOCAL_LLM_")


def free_port() -> int:
    """A free loopback port; binding it here also tells the test network guard that this process owns it."""
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def server_env(**settings: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(_INHERITED_CONFIG)}
    env.update(settings)
    return env


class ServerProcess:
    """`uvicorn api.main:app` in a child process; `kill()` is SIGKILL: no shutdown hook, no flush, no goodbye."""

    def __init__(self, env: dict[str, str], workdir: Path, *, workers: int = 1) -> None:
        self.env = env
        self.workdir = workdir  # also the cwd, so no .env file of the repository is read
        self.workers = workers
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.proc: subprocess.Popen[bytes] | None = None
        self.starts = 0

    def start(self, timeout_s: float = 60.0) -> ServerProcess:
        self.starts += 1
        log = (self.workdir / f"server-{self.starts}.log").open("wb")
        # `triage serve`: the header and idle timeouts and the bounded shutdown of api.server, as deployed
        cmd = [sys.executable, "-m", "triage.cli", "serve", "--host", "127.0.0.1", "--port", str(self.port)]
        cmd += ["--log-level", "warning", "--workers", str(self.workers)]
        # its own process group, so a kill reaches uvicorn's worker processes too
        self.proc = subprocess.Popen(
            cmd, env=self.env, cwd=self.workdir, stdout=log, stderr=subprocess.STDOUT, start_new_session=True
        )
        log.close()
        deadline = time.monotonic() + timeout_s
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"the server exited with {self.proc.returncode}: {self.log_tail()}")
            try:
                if httpx.get(f"{self.url}/healthz", timeout=1).status_code == 200:
                    return self
            except httpx.HTTPError:
                pass
            time.sleep(0.1)
        self.kill()
        raise RuntimeError(f"the server did not answer within {timeout_s:g} s: {self.log_tail()}")

    def kill(self) -> None:
        """SIGKILL the whole process group (uvicorn and its workers) and reap it."""
        if self.proc is not None and self.proc.poll() is None:
            os.killpg(self.proc.pid, signal.SIGKILL)
            self.proc.wait(timeout=10)

    def stop(self) -> None:
        """A graceful shutdown (SIGTERM), then SIGKILL if it takes too long."""
        if self.proc is None or self.proc.poll() is not None:
            return
        os.killpg(self.proc.pid, signal.SIGTERM)
        try:
            self.proc.wait(timeout=10)
        except subprocess.TimeoutExpired:
            self.kill()

    def log_tail(self, chars: int = 3000) -> str:
        logs = sorted(self.workdir.glob("server-*.log"))
        return logs[-1].read_text(errors="replace")[-chars:] if logs else ""
