"""Readers and writers, one module per format.

Each text format module offers ``parse_x``/``generate_x``/``read_x``/``write_x``;
each JSON format ``x_data``/``x_map``/``read_x``/``write_x``.
"""

from argmap.readwrite.aif import aif_data, aif_map, read_aif, write_aif
from argmap.readwrite.argdown import generate_argdown, parse_argdown, read_argdown, write_argdown
from argmap.readwrite.brat import generate_brat, parse_brat, read_brat, write_brat
from argmap.readwrite.graphml import generate_graphml, parse_graphml, read_graphml, write_graphml
from argmap.readwrite.kialo import generate_kialo, parse_kialo, read_kialo, write_kialo
from argmap.readwrite.mermaid import generate_mermaid, write_mermaid
from argmap.readwrite.microtexts import (
    generate_microtexts,
    parse_microtexts,
    read_microtexts,
    write_microtexts,
)
from argmap.readwrite.native import native_data, native_map, read_native, write_native
from argmap.readwrite.nodelink import nodelink_data, nodelink_map, read_nodelink, write_nodelink
from argmap.readwrite.ova import ova_data, ova_map, read_ova, write_ova
from argmap.readwrite.sadface import read_sadface, sadface_data, sadface_map, write_sadface

__all__ = [
    "aif_data",
    "aif_map",
    "generate_argdown",
    "generate_brat",
    "generate_graphml",
    "generate_kialo",
    "generate_mermaid",
    "generate_microtexts",
    "native_data",
    "native_map",
    "nodelink_data",
    "nodelink_map",
    "ova_data",
    "ova_map",
    "parse_argdown",
    "parse_brat",
    "parse_graphml",
    "parse_kialo",
    "parse_microtexts",
    "read_aif",
    "read_argdown",
    "read_brat",
    "read_graphml",
    "read_kialo",
    "read_microtexts",
    "read_native",
    "read_nodelink",
    "read_ova",
    "read_sadface",
    "sadface_data",
    "sadface_map",
    "write_aif",
    "write_argdown",
    "write_brat",
    "write_graphml",
    "write_kialo",
    "write_mermaid",
    "write_microtexts",
    "write_native",
    "write_nodelink",
    "write_ova",
    "write_sadface",
]
