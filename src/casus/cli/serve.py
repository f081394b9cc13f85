"""``casus serve``: the HTTP API and the web UI on one address (uvicorn)."""

from __future__ import annotations

import socket
from typing import Annotated

import typer

from casus.cli.common import app, edge, out
from casus.errors import InvalidArgumentError


@app.command()
@edge
def serve(
    host: Annotated[str, typer.Option("--host", help="The address to listen on (0.0.0.0 for every interface).")]
    = "127.0.0.1",
    port: Annotated[int, typer.Option("--port", help="The port (0: any free port).")] = 8000,
    db: Annotated[str | None, typer.Option("--db", help="The store: a path or database URL (default CASUS_DB, "
                                           "else the user's data directory).", show_default=False)] = None,
    token: Annotated[
        str | None,
        typer.Option("--token", help="The bearer token writes need (safer: set CASUS_TOKEN, which `ps` does not "
                     "show). Without one the server is read-only.", show_default=False),
    ] = None,
    max_body: Annotated[int, typer.Option("--max-body", help="The largest request body, in bytes.")] = 0,
    reads_per_second: Annotated[float, typer.Option("--reads-per-second", help="Reads a client may make per "
                                                    "second, sustained (0: no limit).")] = 50.0,
    writes_per_second: Annotated[float, typer.Option("--writes-per-second", help="Writes a client may make per "
                                                     "second, sustained (0: no limit).")] = 5.0,
    log_level: Annotated[str, typer.Option("--log-level", help="uvicorn's log level.")] = "warning",
    access_log: Annotated[bool, typer.Option("--access-log", help="Log every request.")] = False,
) -> None:
    """Serve the HTTP API (/api/v1, docs at /docs) and the web UI; prints the address."""
    import uvicorn

    from casus.api import create_app
    from casus.api.limits import DEFAULT_MAX_BODY
    from casus.api.security import configured_token
    from casus.app import App, SystemClock

    if not 0 <= port <= 65535:
        raise InvalidArgumentError(f"{port} is not a port (0 to 65535)", field="port")
    if max_body < 0:
        raise InvalidArgumentError(f"{max_body} is negative", field="max_body")
    application = App.open(db, clock=SystemClock())  # migration and seeding happen here, once, not per request
    _warm(application)
    write_token = configured_token(token)
    if reads_per_second < 0 or writes_per_second < 0:
        raise InvalidArgumentError("a rate cannot be negative", field="reads_per_second")
    rate = None
    if reads_per_second or writes_per_second:
        from casus.api.ratelimit import RateLimit

        # A zero rate means no limit for that kind: a bucket too big to empty.
        rate = RateLimit(reads_per_second or 1e9, max(1, int(4 * reads_per_second)) if reads_per_second else 10**9,
                         writes_per_second or 1e9,
                         max(1, int(4 * writes_per_second)) if writes_per_second else 10**9)
    web_app = create_app(application, token=write_token, max_body=max_body or DEFAULT_MAX_BODY, rate_limit=rate)
    listener = _bind(host, port)
    bound_host, bound_port = listener.getsockname()[:2]
    shown = f"[{bound_host}]" if ":" in bound_host else bound_host
    address = f"http://{shown}:{bound_port}"
    out.print(f"casus is serving on {address}  (API {address}/api/v1, docs {address}/docs)", highlight=False,
              soft_wrap=True)
    out.print("writes need the token" if write_token else
              "read-only: start with CASUS_TOKEN (or --token) set to accept or reject proposals",
              highlight=False, soft_wrap=True)
    out.print("press Ctrl+C to stop", highlight=False)
    # httptools (a dependency) parses HTTP in C. The loop is asyncio's even where uvloop is installed:
    # under load on a busy 2-core machine uvloop answered more requests per second but let some wait
    # seconds (p99 0.5-2.7 s against ~130 ms with asyncio, 50 clients, benchmarks/results/api.md).
    config = uvicorn.Config(web_app, log_level=log_level, access_log=access_log, server_header=False,
                            timeout_graceful_shutdown=5, http="auto", loop="asyncio")
    try:
        uvicorn.Server(config).run(sockets=[listener])
    finally:
        application.close()


def _warm(application) -> None:
    """Build what the first requests would otherwise wait seconds for: the knowledge base, and the
    gazetteer and shapes a scenario loads on first use (fired here on two states of today)."""
    first, second = (state.id for state in application.registry.existing_on(application.today())[:2])
    application.scenario([{"attacker": first, "target": second}])


def _bind(host: str, port: int) -> socket.socket:
    """Bind the listening socket here, so the address printed is the one served (``--port 0`` included).

    The socket is made from ``getaddrinfo``'s full answer, protocol included: asyncio
    turns Nagle's algorithm off (``TCP_NODELAY``) only on sockets whose protocol
    says TCP, and with it on, every small answer waits ~40 ms for a delayed ACK.
    """
    try:
        family, kind, protocol, _, address = socket.getaddrinfo(host, port, type=socket.SOCK_STREAM,
                                                                proto=socket.IPPROTO_TCP)[0]
        listener = socket.socket(family, kind, protocol)
        listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        listener.bind(address)
    except OSError as exc:
        raise InvalidArgumentError(f"cannot listen on {host}:{port}: {exc.strerror or exc}", field="port") from None
    listener.listen(2048)
    listener.set_inheritable(True)
    return listener
