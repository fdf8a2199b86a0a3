# ngvh: webhook service, web chat and admin API (`ngvh serve`). Slim, non-root, no weights downloaded at run time.
# Build:  docker build -t ngvh .      Run: see docker-compose.yml and docs/deploy.md

FROM python:3.11-slim-bookworm AS build
ENV PIP_NO_CACHE_DIR=1 PIP_DISABLE_PIP_VERSION_CHECK=1
RUN python -m venv /opt/venv
ENV PATH=/opt/venv/bin:$PATH
WORKDIR /src
# only what the package needs: no .venv, data or tests in the image
COPY pyproject.toml README.m[d] ./
COPY ngvh ngvh
COPY ingest ingest
COPY vectorstore vectorstore
COPY rag rag
COPY bot bot
COPY prompts prompts
RUN pip install . && find /opt/venv -name '__pycache__' -prune -exec rm -rf {} +

FROM python:3.11-slim-bookworm
ENV PATH=/opt/venv/bin:$PATH \
    PYTHONUNBUFFERED=1 \
    PYTHONDONTWRITEBYTECODE=1 \
    NGVH_DATA_DIR=/data \
    HF_HUB_OFFLINE=1 \
    TRANSFORMERS_OFFLINE=1 \
    ANONYMIZED_TELEMETRY=False
# OCR for scanned PDFs (Vietnamese data) and Word 97-2003 .doc files, as provinces publish them
RUN apt-get update && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-vie antiword catdoc \
    && rm -rf /var/lib/apt/lists/*
RUN useradd --system --uid 10001 --user-group --home-dir /data --no-create-home --shell /usr/sbin/nologin ngvh \
    && mkdir -p /data /app/samples && chown ngvh:ngvh /data
COPY --from=build /opt/venv /opt/venv
# the sample plans, so `docker compose run --rm ngvh ngvh ingest /app/samples` works out of the box
COPY data/samples /app/samples
USER ngvh
WORKDIR /data
VOLUME ["/data"]
EXPOSE 8000
HEALTHCHECK --interval=30s --timeout=10s --start-period=90s --retries=3 \
    CMD ["python", "-c", "import sys, urllib.request; sys.exit(urllib.request.urlopen('http://127.0.0.1:8000/healthz', timeout=8).status != 200)"]
CMD ["ngvh", "serve", "--host", "0.0.0.0", "--port", "8000"]
