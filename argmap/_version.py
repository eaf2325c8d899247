"""The version of argmap, read by the build (``[tool.hatch.version]``) and the package."""

__version__ = "0.1.0"
