"""ngvh's ground: Vietnamese text primitives, settings and shared domain helpers; imports no other ngvh package."""

__version__ = "0.1.0"
