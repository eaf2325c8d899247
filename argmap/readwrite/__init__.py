"""Readers and writers, one module per format.

Each text format module offers ``parse_x``/``generate_x``/``read_x``/``write_x``;
each JSON format ``x_data``/``x_map``/``read_x``/``write_x``.
"""

from argmap.readwrite.native import native_data, native_map, read_native, write_native

__all__ = ["native_data", "native_map", "read_native", "write_native"]
