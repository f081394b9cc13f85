"""`casus serve` prints its address and serves the API there (a real process on 127.0.0.1)."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
import time
import urllib.request

from typer.testing import CliRunner

from casus.cli.main import app as cli_app


def test_serve_prints_its_address_and_answers_there(builtin_path):
    environment = {**os.environ, "CASUS_TOKEN": "served-token"}
    process = subprocess.Popen(
        [sys.executable, "-m", "casus.cli.main", "serve", "--port", "0", "--db", str(builtin_path)],
        stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True, env=environment,
    )
    try:
        line = process.stdout.readline()
        match = re.search(r"http://127\.0\.0\.1:(\d+)", line)
        assert match, line
        address = match.group(0)
        assert "writes need the token" in process.stdout.readline()
        deadline = time.monotonic() + 60
        while True:
            try:
                with urllib.request.urlopen(f"{address}/api/v1/states/PRK/profile?on=2025-01-01", timeout=10) as r:
                    profile = json.load(r)
                break
            except OSError:
                assert time.monotonic() < deadline, "the server did not answer"
                time.sleep(0.2)
        assert [d["state"]["id"] for d in profile["defended_by"]] == ["CHN", "CUB", "RUS"]
        assert "served-token" not in line
    finally:
        process.terminate()
        output, _ = process.communicate(timeout=30)
    assert "served-token" not in output


def test_serve_refuses_a_bad_port_or_an_address_in_use(builtin_path):
    result = CliRunner().invoke(cli_app, ["serve", "--port", "70000", "--db", str(builtin_path)])
    assert result.exit_code == 2 and "--port" in result.output
    import socket

    taken = socket.socket()
    taken.bind(("127.0.0.1", 0))
    taken.listen(1)
    try:
        port = taken.getsockname()[1]
        result = CliRunner().invoke(cli_app, ["serve", "--port", str(port), "--db", str(builtin_path)])
        assert result.exit_code == 2 and f"127.0.0.1:{port}" in result.output
    finally:
        taken.close()


def test_the_listening_socket_says_tcp_so_small_answers_are_not_held_back_by_nagle():
    import socket

    from casus.cli.serve import _bind

    listener = _bind("127.0.0.1", 0)
    try:
        assert listener.proto == socket.IPPROTO_TCP  # asyncio sets TCP_NODELAY only then
    finally:
        listener.close()
