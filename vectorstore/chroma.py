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


def open_client(settings: Settings):
    """A Chroma client for these settings; StoreUnavailable when a configured server does not answer."""
    import chromadb

    if not settings.chroma_url:
        settings.chroma_path.mkdir(parents=True, exist_ok=True)
        return chromadb.PersistentClient(path=str(settings.chroma_path), settings=_chroma_settings())

    host, port, ssl = parse_chroma_url(settings.chroma_url)
    try:
        client = chromadb.HttpClient(host=host, port=port, ssl=ssl, settings=_chroma_settings())
        client.heartbeat()
    except Exception as exc:  # chromadb raises ValueError / httpx errors depending on where it fails
        reason = str(exc).strip() or type(exc).__name__
        raise StoreUnavailable(
            f"Chroma server at {settings.chroma_url} is not reachable ({reason}). "
            "Start it (chroma run --path <dir> --port <port>) or unset NGVH_CHROMA_URL to use the embedded store."
        ) from None
    return client
