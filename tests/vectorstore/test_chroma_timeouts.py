"""A Chroma server that freezes costs a bounded wait: the HTTP client gets connect and read timeouts
(chromadb builds it with none), so an answer fails and is retried instead of hanging."""
import socket
import threading
import time

import pytest

from ground.config import Settings
from vectorstore import chroma
from vectorstore.chroma import StoreUnavailable, open_client


def test_a_server_that_never_answers_costs_a_bounded_wait(monkeypatch, tmp_path):
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    listener.listen(8)  # accepts connections into the backlog, never answers: a frozen server
    accepted = []
    threading.Thread(target=lambda: accepted.append(listener.accept()), daemon=True).start()
    monkeypatch.setattr(chroma, "HTTP_PROBE_SECONDS", 1.0)
    settings = Settings(_env_file=None, data_dir=tmp_path, chroma_url=f"http://127.0.0.1:{listener.getsockname()[1]}")
    started = time.monotonic()
    with pytest.raises(StoreUnavailable):
        open_client(settings)
    assert time.monotonic() - started < 10
    listener.close()


def test_the_client_gets_timeouts():
    """Fails loudly if a chromadb upgrade moves the HTTP session bound_timeouts sets."""
    import httpx

    class Server:
        _session = httpx.Client()

    class Client:
        _server = Server()

    chroma.bound_timeouts(Client())
    assert Client._server._session.timeout.read == chroma.HTTP_READ_SECONDS
    import inspect

    import chromadb.api.fastapi as fastapi_api

    assert "self._session = httpx.Client(" in inspect.getsource(fastapi_api.FastAPI.__init__)
