"""ngvh: the application shell (settings, CLI, wiring) and shared Vietnamese text primitives."""

__version__ = "0.1.0"
