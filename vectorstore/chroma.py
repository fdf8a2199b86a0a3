"""Opening Chroma: embedded on disk by default, a Chroma server when NGVH_CHROMA_URL is set."""
from __future__ import annotations

from urllib.parse import urlsplit

from ground.config import Settings


class StoreUnavailable(RuntimeError):
    """The vector store cannot be reached; the message is meant for the user, without a traceback."""


def _chroma_settings():
    from chromadb.config import Settings as ChromaSettings

    return ChromaSettings(anonymized_telemetry=False)


def parse_chroma_url(url: str) -> tuple[str, int, bool]:
    """(host, port, ssl) of 'http://host:port'; a bare 'host:port' means http; default ports 8000 / 443."""
    parts = urlsplit(url if "://" in url else f"http://{url}")
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise StoreUnavailable(f"NGVH_CHROMA_URL={url!r} is not an http(s) URL such as http://127.0.0.1:8000")
    ssl = parts.scheme == "https"
    try:
        port = parts.port or (443 if ssl else 8000)
    except ValueError:
        raise StoreUnavailable(f"NGVH_CHROMA_URL={url!r} has an invalid port") from None
    return parts.hostname, port, ssl


HTTP_CONNECT_SECONDS = 3.0  # a Chroma server that is down refuses at once; one that is frozen costs this
HTTP_READ_SECONDS = 60.0  # the longest call (an ingest's batch write) stays well below it
HTTP_PROBE_SECONDS = 5.0  # the heartbeat before a client is built


def bound_timeouts(client) -> None:
    import httpx

    """chromadb 1.5 builds its HTTP client with timeout=None: a frozen server would hold every answer for
    ever. Give it connect and read timeouts (tests/vectorstore/test_chroma_timeouts.py fails loudly if a
    chromadb upgrade moves the session)."""
    client._server._session.timeout = httpx.Timeout(HTTP_READ_SECONDS, connect=HTTP_CONNECT_SECONDS)


def open_client(settings: Settings):
    """A Chroma client for these settings; StoreUnavailable when a configured server does not answer."""
    import chromadb
    import httpx

    if not settings.chroma_url:
        settings.chroma_path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_path), settings=_chroma_settings())

    host, port, ssl = parse_chroma_url(settings.chroma_url)
    try:
        # a heartbeat of our own first: chromadb's constructor already calls the server, with no timeout
        httpx.get(f"{'https' if ssl else 'http'}://{host}:{port}/api/v2/heartbeat",
                  timeout=httpx.Timeout(HTTP_PROBE_SECONDS, connect=HTTP_CONNECT_SECONDS)).raise_for_status()
        client = chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=_chroma_settings())
        bound_timeouts(client)
        client.heartbeat()
    except Exception as exc:  # chromadb raises ValueError / httpx errors depending on where it fails
        reason = str(exc).strip() or type(exc).__name__
        raise StoreUnavailable(
            f"Chroma server at {settings.chroma_url} is not reachable ({reason}). "
            "Start it (chroma run --path <dir> --port <port>) or unset NGVH_CHROMA_URL to use the embedded store."
        ) from None
    return client
