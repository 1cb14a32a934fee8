#!/usr/bin/env python3
"""Draws the KNIME node and category icons (16x16 RGBA PNG) with the standard library only.

A grey protein blob with an orange pocket cut into it (predictor), the same with a green target
ring (evaluator), and the blob alone (category). Shapes are sampled 4x4 per pixel for smooth edges.
Run from the repository root: python3 tools/make-knime-icons.py
"""
import struct
import zlib
from pathlib import Path

SIZE, SS = 16, 4


def png(path, pixels):
    raw = b"".join(b"\x00" + bytes(c for px in row for c in px) for row in pixels)

    def chunk(kind, data):
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)

    ihdr = struct.pack(">IIBBBBB", SIZE, SIZE, 8, 6, 0, 0, 0)
    Path(path).write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr) + chunk(b"IDAT", zlib.compress(raw, 9))
                           + chunk(b"IEND", b""))


def render(layers):
    """layers: list of (inside(x, y) -> bool, (r, g, b)); later layers paint over earlier ones."""
    rows = []
    for py in range(SIZE):
        row = []
        for px in range(SIZE):
            acc = [0.0, 0.0, 0.0, 0.0]
            for sy in range(SS):
                for sx in range(SS):
                    x, y = px + (sx + 0.5) / SS, py + (sy + 0.5) / SS
                    colour = None
                    for inside, rgb in layers:
                        if inside(x, y):
                            colour = rgb
                    if colour is not None:
                        for i in range(3):
                            acc[i] += colour[i]
                        acc[3] += 1
            n = SS * SS
            a = acc[3] / n
            row.append(tuple(int(acc[i] / acc[3]) if acc[3] else 0 for i in range(3)) + (int(round(255 * a)),))
        rows.append(row)
    return rows


def circle(cx, cy, r):
    return lambda x, y: (x - cx) ** 2 + (y - cy) ** 2 <= r * r


def ring(cx, cy, r_in, r_out):
    return lambda x, y: r_in * r_in <= (x - cx) ** 2 + (y - cy) ** 2 <= r_out * r_out


def minus(a, b):
    return lambda x, y: a(x, y) and not b(x, y)


GREY, DARK, ORANGE, GREEN, BLUE = (150, 156, 166), (96, 102, 112), (242, 140, 24), (40, 160, 70), (70, 120, 200)
blob = minus(circle(7.5, 8.5, 7.0), circle(11.6, 4.4, 3.4))   # protein with a pocket cut out
outline = minus(circle(7.5, 8.5, 7.0), circle(7.5, 8.5, 6.0))
pocket = circle(11.0, 5.0, 2.3)                                  # ligand sitting in the pocket

out = Path("knime-nodes")
png(out / "src/org/sparsepocket/knime/pocket-predictor.png",
    render([(blob, GREY), (minus(outline, circle(11.6, 4.4, 3.4)), DARK), (pocket, ORANGE)]))
png(out / "src/org/sparsepocket/knime/pocket-evaluator.png",
    render([(blob, GREY), (minus(outline, circle(11.6, 4.4, 3.4)), DARK), (ring(11.0, 5.0, 1.6, 2.9), GREEN),
            (circle(11.0, 5.0, 0.9), GREEN)]))
png(out / "icons/sparsepocket.png",
    render([(blob, BLUE), (pocket, ORANGE)]))
