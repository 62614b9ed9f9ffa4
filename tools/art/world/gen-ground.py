#!/usr/bin/env python3
"""Writes ground.svg: a 1024x256 grass strip that tiles horizontally.

Every curve has a period that divides the width and every blade, dot and flower near an edge is
drawn again one width to the left/right, so the left and right edges match. The random layout is
seeded, so re-running gives the same file. make-sprites.sh rasterizes ground.svg (this script is
only needed to change the layout).
"""
import math
import pathlib
import random

W, H = 1024, 256
rnd = random.Random(7)


def edge(x):
    return 44 + 6 * math.sin(2 * math.pi * x * 8 / W) + 4 * math.sin(2 * math.pi * x * 3 / W + 1.3)


def band_path(f):
    pts = " ".join(f"L{x} {f(x):.1f}" for x in range(0, W + 1, 8))
    return f"M0 {H} L0 {f(0):.1f} {pts} L{W} {H} Z"


def wrapped(x, margin):
    return [x + dx for dx in (0, -W, W) if -margin < x + dx < W + margin]


turf = band_path(edge)
band = band_path(lambda x: edge(x) + 26 + 5 * math.sin(2 * math.pi * x * 5 / W))
low = band_path(lambda x: 150 + 8 * math.sin(2 * math.pi * x * 4 / W + 0.5))

dots = []
for _ in range(70):
    x, y, r = rnd.uniform(0, W), rnd.uniform(80, 240), rnd.uniform(2, 4.5)
    col = "#3f9a32" if y > 150 else "#4fae3c"
    for xx in wrapped(x, 10):
        dots.append(f'<ellipse cx="{xx:.1f}" cy="{y:.1f}" rx="{r * 1.6:.1f}" ry="{r:.1f}" fill="{col}" opacity="0.7"/>')

blades = []
for _ in range(56):
    x, h, lean, w = rnd.uniform(0, W), rnd.uniform(12, 26), rnd.uniform(-6, 6), rnd.uniform(4, 7)
    y = edge(x) + 4
    col = rnd.choice(["#5dbb46", "#4caf3a", "#6cc84f"])
    for xx in wrapped(x, 20):
        blades.append(
            f'<path d="M{xx - w:.1f} {y:.1f} Q{xx + lean * 0.4:.1f} {y - h * 0.6:.1f} {xx + lean:.1f} {y - h:.1f} '
            f'Q{xx + lean * 0.2 + w * 0.3:.1f} {y - h * 0.5:.1f} {xx + w:.1f} {y:.1f} Z" fill="{col}"/>'
        )

flowers = []
for i in range(9):
    x, y = (i + 0.5) * W / 9 + rnd.uniform(-30, 30), rnd.uniform(64, 120)
    petal = rnd.choice(["#ffffff", "#ffe066", "#ffb3c7"])
    for xx in wrapped(x, 12):
        petals = "".join(
            f'<circle cx="{xx + 5 * math.cos(a):.1f}" cy="{y + 5 * math.sin(a):.1f}" r="3.6" fill="{petal}"/>'
            for a in [k * 2 * math.pi / 5 for k in range(5)]
        )
        flowers.append(petals + f'<circle cx="{xx:.1f}" cy="{y:.1f}" r="2.6" fill="#f5a623"/>')

svg = f"""<svg xmlns="http://www.w3.org/2000/svg" width="{W}" height="{H}" viewBox="0 0 {W} {H}">
  <!-- Grass strip, tileable horizontally. Written by gen-ground.py (edit that, then re-run it). -->
  <path d="{turf}" fill="#6cc84f"/>
  <path d="{band}" fill="#58b440"/>
  <path d="{low}" fill="#47a035"/>
  <rect x="0" y="226" width="{W}" height="30" fill="#3d8f2f"/>
  {"".join(dots)}
  {"".join(blades)}
  {"".join(flowers)}
</svg>
"""
pathlib.Path(__file__).with_name("ground.svg").write_text(svg)
