"""The application shell: CLI, composition root and ingest orchestration; imported by nobody below it."""
