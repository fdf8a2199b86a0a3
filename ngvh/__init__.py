"""ngvh's shell: the `ngvh` CLI, the composition root (services) and ingesting into the store; imports every layer below."""

__version__ = "0.1.0"
