import pytest

from ground.config import Settings
from ngvh.services import Services


@pytest.fixture(scope="session")
def sample_services(tmp_path_factory, samples_dir):
    """The sample plans ingested once into their own store (answers are read-only)."""
    settings = Settings(data_dir=tmp_path_factory.mktemp("samples-store"))
    services = Services(settings)
    report = services.ingest_paths([samples_dir])
    assert report.ok, report.to_json()
    return services
