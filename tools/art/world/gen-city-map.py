#!/usr/bin/env python3
"""Generates tools/art/world/city-map.svg (map of central Chongqing) and checks the places."""
import json, math, os, sys, random

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.normpath(os.path.join(HERE, "..", "..", ".."))
# The places the game marks on the map (fractions of its size), read from the default pack.
with open(os.path.join(ROOT, "assets/packs/default/travel/modes.json"), encoding="utf-8") as f:
    PX = {p["id"]: (p["map"][0] * 1600, p["map"][1] * 1000) for p in json.load(f)["places"]}

random.seed(7)
OUT = sys.argv[1] if len(sys.argv) > 1 else os.path.join(HERE, "city-map.svg")

def f(v):
    s = f"{v:.1f}"
    if s.endswith(".0"): s = s[:-2]
    if s == "-0": s = "0"
    return s

def catmull(pts, closed=False):
    """Smooth path through pts (uniform Catmull-Rom as cubic Béziers)."""
    n = len(pts)
    d = f"M{f(pts[0][0])} {f(pts[0][1])}"
    segs = n if closed else n - 1
    for i in range(segs):
        p0 = pts[(i - 1) % n] if (closed or i > 0) else pts[0]
        p1 = pts[i % n]
        p2 = pts[(i + 1) % n]
        p3 = pts[(i + 2) % n] if (closed or i + 2 < n) else pts[-1]
        c1 = (p1[0] + (p2[0] - p0[0]) / 6, p1[1] + (p2[1] - p0[1]) / 6)
        c2 = (p2[0] - (p3[0] - p1[0]) / 6, p2[1] - (p3[1] - p1[1]) / 6)
        d += f" C{f(c1[0])} {f(c1[1])} {f(c2[0])} {f(c2[1])} {f(p2[0])} {f(p2[1])}"
    if closed: d += " Z"
    return d

def sample(pts, per=24):
    """Dense samples of the Catmull-Rom curve through pts, with the segment parameter."""
    out = []
    n = len(pts)
    for i in range(n - 1):
        p0 = pts[i - 1] if i > 0 else pts[0]
        p1, p2 = pts[i], pts[i + 1]
        p3 = pts[i + 2] if i + 2 < n else pts[-1]
        for k in range(per):
            t = k / per
            t2, t3 = t * t, t * t * t
            x = 0.5 * ((2 * p1[0]) + (-p0[0] + p2[0]) * t + (2 * p0[0] - 5 * p1[0] + 4 * p2[0] - p3[0]) * t2 + (-p0[0] + 3 * p1[0] - 3 * p2[0] + p3[0]) * t3)
            y = 0.5 * ((2 * p1[1]) + (-p0[1] + p2[1]) * t + (2 * p0[1] - 5 * p1[1] + 4 * p2[1] - p3[1]) * t2 + (-p0[1] + 3 * p1[1] - 3 * p2[1] + p3[1]) * t3)
            out.append((x, y, i + t))
    out.append((pts[-1][0], pts[-1][1], n - 1))
    return out

def river(spec, step=6):
    """spec: [(x, y, width)]; returns (svg path d, dense polygon for checks)."""
    pts = [(x, y) for x, y, _ in spec]
    ws = [w for _, _, w in spec]
    s = sample(pts)
    left, right = [], []
    for j, (x, y, t) in enumerate(s):
        a = s[max(j - 1, 0)]; b = s[min(j + 1, len(s) - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        L = math.hypot(dx, dy) or 1
        nx, ny = -dy / L, dx / L
        i = min(int(t), len(ws) - 2); u = t - i
        u = u * u * (3 - 2 * u)
        w = ws[i] * (1 - u) + ws[i + 1] * u
        left.append((x + nx * w / 2, y + ny * w / 2))
        right.append((x - nx * w / 2, y - ny * w / 2))
    poly = left + right[::-1]
    # coarse outline, smoothed again
    idx = list(range(0, len(left), step))
    if idx[-1] != len(left) - 1: idx.append(len(left) - 1)
    L2 = [left[i] for i in idx]; R2 = [right[i] for i in idx]
    d = catmull(L2) + " L" + catmull(R2[::-1])[1:] + " Z"
    return d, poly

def pip(pt, poly):
    x, y = pt; c = False
    for i in range(len(poly)):
        x1, y1 = poly[i]; x2, y2 = poly[i - 1]
        if (y1 > y) != (y2 > y) and x < (x2 - x1) * (y - y1) / (y2 - y1) + x1: c = not c
    return c

def seg_dist(p, a, b):
    ax, ay = a; bx, by = b; px, py = p
    dx, dy = bx - ax, by - ay
    L = dx * dx + dy * dy
    t = 0 if L == 0 else max(0, min(1, ((px - ax) * dx + (py - ay) * dy) / L))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)

def poly_dist(p, poly):
    d = min(seg_dist(p, poly[i - 1], poly[i]) for i in range(len(poly)))
    return -d if pip(p, poly) else d

# ---------------------------------------------------------------- palette
LAND = "#DDECC9"
MEADOW = "#E6F1D6"
TOWN = "#EDEFDF"
HOUSE = "#F7F6EE"
ROOF = "#DCD6C2"
HILL = ["#C3E2B1", "#AFD8A2", "#9DCF95"]
TREE = ["#97CC9E", "#85C07C"]
JIALING = "#A6D9DD"
YANGTZE = "#B1BA93"
BANK = "#F1EEDB"
SHINE = "#EEF7F2"
RAIL = "#BDB6A6"
BRIDGE = "#F7F4EB"
BRIDGE_EDGE = "#CFC7B4"
TOWER, TOWER_L, TOWER_W = "#AFC4D6", "#C2D4E3", "#BDD0DF"

# ---------------------------------------------------------------- rivers
JIALING_SPEC = [
    (462, -40, 30), (480, 60, 30), (468, 140, 30), (494, 222, 30), (512, 300, 30),
    (540, 352, 30), (590, 372, 30), (660, 370, 30), (740, 368, 30), (810, 374, 30),
    (870, 388, 30), (925, 396, 30), (980, 402, 30), (1022, 414, 32), (1058, 438, 36), (1085, 462, 40),
]
YANGTZE_SPEC = [
    (220, 1050, 96), (300, 935, 92), (400, 830, 86), (520, 742, 76), (640, 690, 68),
    (740, 660, 62), (820, 628, 56), (885, 586, 50), (936, 537, 46), (990, 511, 48),
    (1040, 494, 62), (1095, 476, 84), (1160, 462, 92), (1250, 450, 96), (1350, 430, 100),
    (1470, 400, 104), (1560, 378, 106), (1660, 350, 108),
]
jd, jpoly = river(JIALING_SPEC)
yd, ypoly = river(YANGTZE_SPEC)

# ---------------------------------------------------------------- helpers for shapes
def blob(cx, cy, rx, ry, rot=0, n=10, jitter=0.06, seed=None):
    r = random.Random(seed)
    pts = []
    for k in range(n):
        a = 2 * math.pi * k / n
        s = 1 + r.uniform(-jitter, jitter)
        x, y = math.cos(a) * rx * s, math.sin(a) * ry * s
        c, si = math.cos(math.radians(rot)), math.sin(math.radians(rot))
        pts.append((cx + x * c - y * si, cy + x * si + y * c))
    return catmull(pts, closed=True)

def ridge(points, widths, seed=0, lump=0.16, period=55):
    """A long hill along a polyline with lumpy sides; closed smooth outline."""
    rr = random.Random(seed)
    ph1, ph2 = rr.uniform(0, 6.3), rr.uniform(0, 6.3)
    s = sample(points, per=8)
    acc = 0.0
    left, right = [], []
    for j, (x, y, t) in enumerate(s):
        a = s[max(j - 1, 0)]; b = s[min(j + 1, len(s) - 1)]
        dx, dy = b[0] - a[0], b[1] - a[1]
        L = math.hypot(dx, dy) or 1
        nx, ny = -dy / L, dx / L
        i = min(int(t), len(widths) - 2); u = t - i
        w = widths[i] * (1 - u) + widths[i + 1] * u
        if j: acc += math.hypot(x - s[j - 1][0], y - s[j - 1][1])
        wl = w * (1 + lump * math.sin(acc / period * 6.283 + ph1))
        wr = w * (1 + lump * math.sin(acc / (period * 1.3) * 6.283 + ph2))
        left.append((x + nx * wl / 2, y + ny * wl / 2))
        right.append((x - nx * wr / 2, y - ny * wr / 2))
    pts = left[::2] + right[::-1][::2]
    return catmull(pts, closed=True)

out = []
W = out.append

W('<svg xmlns="http://www.w3.org/2000/svg" width="2400" height="1500" viewBox="0 0 1600 1000">')
W('  <!-- Map of central Chongqing for the travel scene (no text: the game draws the place names).\n'
  '       Yuzhong peninsula between the Jialing (north, blue-green) and the Yangtze (south, wider,\n'
  '       brown-green), meeting at Chaotianmen; hills, bridges, the Yangtze cableway, monorail Line 2\n'
  '       through the Liziba building, rail towards Chengdu (left edge) and the airport (top right).\n'
  '       Map coordinates are fractions of 1600x1000 and match "places" in travel/modes.json. -->')
W('  <defs>')
W(f'    <path id="jialing" d="{jd}"/>')
W(f'    <path id="yangtze" d="{yd}"/>')
W('    <clipPath id="yangtze-clip"><use href="#yangtze"/></clipPath>')
W('  </defs>')
W(f'  <rect width="1600" height="1000" fill="{LAND}"/>')

# ---------------------------------------------------------------- meadow patches (gentle variation)
W('  <g fill="%s">' % MEADOW)
for (cx, cy, rx, ry, rot, sd) in [
    (90, 120, 150, 110, 10, 1), (700, 120, 170, 80, -5, 2), (1180, 260, 190, 90, 8, 3),
    (1450, 620, 170, 150, 20, 4), (860, 880, 240, 100, -10, 5), (420, 640, 120, 90, 20, 6),
    (1330, 900, 160, 80, 0, 7), (80, 700, 100, 160, 0, 8),
]:
    W(f'    <path d="{blob(cx, cy, rx, ry, rot, seed=sd)}"/>')
W('  </g>')

# ---------------------------------------------------------------- towns (pale built-up patches)
towns = [
    # Shapingba
    (392, 470, 95, 70, 10, 11), (300, 520, 55, 45, 0, 12),
    # Yuzhong west (Daping, Lianglukou)
    (640, 500, 70, 50, 0, 13), (780, 490, 80, 55, -10, 14),
    # Jiefangbei / Chaotianmen
    (925, 470, 85, 40, -20, 15),
    # Jiangbei (Guanyinqiao)
    (850, 320, 120, 55, -5, 16), (700, 310, 80, 45, 0, 17),
    # Yubei, Chongqing North
    (985, 210, 110, 80, 0, 18), (1110, 200, 70, 60, 0, 19),
    # Nan'an
    (990, 610, 110, 55, -15, 20), (850, 720, 90, 50, -10, 21),
    # Dadukou / Jiulongpo
    (520, 620, 80, 50, -20, 22), (340, 700, 70, 55, 10, 23),
    # Ciqikou / north Shapingba, Lijia
    (380, 230, 60, 55, 0, 24), (640, 120, 60, 35, 0, 25),
    # Danzishi / Tanzishi (south bank, east), Cuntan (north bank, east)
    (1310, 560, 70, 45, 0, 26), (1300, 320, 70, 40, -10, 27),
]
W('  <g fill="%s">' % TOWN)
for (cx, cy, rx, ry, rot, sd) in towns:
    W(f'    <path d="{blob(cx, cy, rx, ry, rot, n=9, jitter=0.12, seed=sd)}"/>')
W('  </g>')

def free(x, y, marker=28, water=12):
    if any(math.hypot(x - px, y - py) < marker for px, py in PX.values()): return False
    for poly in (jpoly, ypoly):
        if poly_dist((x, y), poly) < water: return False
    for (x1, y1, x2, y2) in KEEP_OUT:
        if x1 <= x <= x2 and y1 <= y <= y2: return False
    return True

KEEP_OUT = [(600, 360, 700, 460), (810, 370, 960, 480), (650, 455, 750, 515), (770, 280, 840, 340),
            (920, 490, 1000, 590)]
# little houses in the built-up patches
W('  <g>')
hr = random.Random(99)
for (cx, cy, rx, ry, rot, sd) in towns:
    placed = []
    for k in range(40):
        if len(placed) >= max(3, int(rx * ry / 900)): break
        a = hr.uniform(0, 6.283); r = math.sqrt(hr.uniform(0, 1)) * 0.8
        x, y = cx + math.cos(a) * rx * r, cy + math.sin(a) * ry * r
        if not free(x, y) or any(math.hypot(x - u, y - v) < 22 for u, v in placed): continue
        placed.append((x, y))
        w = hr.choice([10, 12, 14])
        W(f'    <rect x="{f(x - w / 2)}" y="{f(y - 4)}" width="{w}" height="9" rx="1.5" fill="{HOUSE}"/>')
        W(f'    <rect x="{f(x - w / 2 - 1)}" y="{f(y - 6)}" width="{w + 2}" height="4" rx="1.5" fill="{ROOF}"/>')
W('  </g>')

# ---------------------------------------------------------------- hills
def hill(cx, cy, rx, ry, rot, sd, layers=3):
    for k in range(layers):
        sc = 1 - 0.3 * k
        off = -ry * 0.18 * k
        W(f'    <path fill="{HILL[k]}" d="{blob(cx, cy + off, rx * sc, ry * sc, rot, seed=sd + k)}"/>')

W('  <g>')
# Zhongliang Shan: long ridge west of Shapingba, running NNE-SSW
zl = [(270, -40), (250, 120), (225, 300), (205, 480), (185, 660), (160, 840), (135, 1040)]
W(f'    <path fill="{HILL[0]}" d="{ridge(zl, [86, 96, 100, 100, 96, 90, 86], seed=1)}"/>')
W(f'    <path fill="{HILL[1]}" d="{ridge([(p[0] - 6, p[1]) for p in zl], [44, 52, 56, 56, 52, 48, 44], seed=2, lump=0.25)}"/>')
# Tongluo Shan: ridge on the far right, cut by the Yangtze
tl = [(1565, -40), (1545, 200), (1520, 420), (1500, 640), (1480, 1040)]
W(f'    <path fill="{HILL[0]}" d="{ridge(tl, [72, 82, 82, 82, 72], seed=3)}"/>')
W(f'    <path fill="{HILL[1]}" d="{ridge([(p[0] - 5, p[1]) for p in tl], [34, 40, 40, 40, 34], seed=4, lump=0.25)}"/>')
# Nanshan: big ridge south-east of the Yangtze
ns = [(1105, 548), (1150, 640), (1185, 760), (1215, 880), (1240, 1040)]
W(f'    <path fill="{HILL[0]}" d="{ridge(ns, [110, 170, 176, 156, 136], seed=5, lump=0.1, period=80)}"/>')
W(f'    <path fill="{HILL[1]}" d="{ridge([(1120, 580), (1155, 650), (1188, 760), (1216, 870), (1238, 1040)], [60, 110, 112, 96, 80], seed=6, lump=0.14, period=70)}"/>')
W(f'    <path fill="{HILL[2]}" d="{ridge([(1145, 625), (1168, 690), (1192, 770), (1212, 850)], [26, 48, 48, 26], seed=7, lump=0.2, period=50)}"/>')
# Zhaomushan
hill(864, 196, 78, 52, -8, 30)
# Eling: a small hill on the peninsula
hill(702, 486, 42, 26, -5, 40, layers=2)
W('  </g>')

# ---------------------------------------------------------------- trees
def trees(cx, cy, sd, n=3, col=TREE[0]):
    r = random.Random(sd)
    for k in range(n):
        W(f'    <circle cx="{f(cx + k * 15 + r.uniform(-3, 3))}" cy="{f(cy + r.uniform(-4, 4))}" r="{f(r.uniform(8, 12))}" fill="{col}"/>')

W('  <g>')
for (x, y, sd, n, c) in [
    (200, 200, 1, 3, 1), (170, 560, 2, 3, 1), (140, 800, 3, 2, 1), (1500, 150, 4, 3, 1), (1480, 760, 5, 3, 1),
    (1160, 580, 6, 3, 1), (1205, 800, 7, 3, 1), (1110, 700, 8, 2, 0), (830, 170, 9, 2, 1), (890, 222, 10, 2, 1),
    (340, 140, 11, 3, 0), (640, 150, 12, 2, 0), (1090, 360, 13, 3, 0), (1380, 290, 14, 2, 0),
    (600, 860, 15, 3, 0), (1000, 880, 16, 3, 0), (1380, 560, 17, 2, 0), (60, 450, 18, 2, 0),
    (720, 820, 19, 2, 0), (330, 620, 20, 2, 0), (1330, 700, 21, 2, 0), (1040, 120, 22, 2, 0),
    (300, 40, 23, 2, 1), (440, 170, 24, 2, 0), (260, 880, 25, 3, 0), (470, 940, 26, 2, 1), (90, 580, 27, 2, 1),
    (1420, 960, 28, 2, 1), (1120, 930, 29, 2, 0), (1410, 470, 30, 2, 0),
]:
    if free(x + 15, y, marker=45, water=16): trees(x, y, sd, n, TREE[c])
W('  </g>')

# ---------------------------------------------------------------- rail lines (under the rivers' bridges)
rail_chengdu = [(-20, 298), (80, 300), (200, 318), (300, 370), (360, 428)]
rail_river = [(360, 428), (420, 500), (470, 560), (560, 600), (680, 590), (770, 582)]
rail_north = [(360, 428), (400, 360), (470, 290), (560, 262), (700, 262), (840, 268), (935, 262),
              (1040, 248), (1180, 222), (1340, 190), (1620, 150)]
def rail(pts):
    d = catmull(pts)
    W(f'    <path d="{d}" fill="none" stroke="{RAIL}" stroke-width="6" stroke-linecap="round" stroke-linejoin="round"/>')
    W(f'    <path d="{d}" fill="none" stroke="#F4F1E8" stroke-width="2" stroke-dasharray="6 8" stroke-linecap="round"/>')
W('  <g>')
rail(rail_chengdu); rail(rail_river); rail(rail_north)
W('  </g>')

# ---------------------------------------------------------------- rivers
# pale banks first, then the water
W(f'  <g fill="none" stroke="{BANK}" stroke-width="10" stroke-linejoin="round">')
W('    <use href="#jialing"/>')
W('    <use href="#yangtze"/>')
W('  </g>')
W(f'  <use href="#jialing" fill="{JIALING}"/>')
W(f'  <use href="#yangtze" fill="{YANGTZE}"/>')
# Where they meet the two colours run side by side for a while (Jialing on the north side).
tongue = [(1040, 462), (1085, 466), (1135, 462), (1185, 450), (1230, 432), (1265, 414), (1300, 396)]
W(f'  <path fill="{JIALING}" clip-path="url(#yangtze-clip)" d="{catmull(tongue)} L1300 330 L1000 330 Z"/>')
# shine
W('  <g fill="none" stroke="%s" stroke-width="2.5" stroke-linecap="round">' % SHINE)
for (x1, y1, x2, y2) in [
    (290, 930, 330, 893), (440, 800, 480, 775), (1340, 450, 1390, 440), (1440, 416, 1490, 404),
    (478, 100, 480, 130), (700, 366, 740, 367), (1150, 444, 1190, 436), (620, 712, 660, 698),
]:
    L = math.hypot(x2 - x1, y2 - y1); ux, uy = (x2 - x1) / L * 8, (y2 - y1) / L * 8
    W(f'    <path d="M{f(x1)} {f(y1)} q{f(ux + uy * 0.6)} {f(uy - ux * 0.6)} {f(2 * ux)} {f(2 * uy)} t{f(2 * ux)} {f(2 * uy)}"/>')
W('  </g>')

# ---------------------------------------------------------------- bridges
def bridge(x1, y1, x2, y2, w=9):
    W(f'    <path d="M{f(x1)} {f(y1)} L{f(x2)} {f(y2)}" stroke="{BRIDGE_EDGE}" stroke-width="{w + 4}" stroke-linecap="round"/>')
    W(f'    <path d="M{f(x1)} {f(y1)} L{f(x2)} {f(y2)}" stroke="{BRIDGE}" stroke-width="{w}" stroke-linecap="round"/>')
W('  <g>')
bridge(950, 368, 954, 426)       # Qiansimen bridge (Jialing)
bridge(980, 474, 990, 548)       # Dongshuimen bridge (Yangtze)
bridge(824, 592, 838, 676)       # Caiyuanba bridge (Yangtze)
bridge(576, 344, 580, 402)       # a Jialing bridge near Shapingba/Daping
bridge(484, 278, 530, 270, w=7)  # rail bridge (to Chongqing North)
bridge(780, 340, 784, 398, w=7)  # Huanghuayuan bridge (Jialing)
W('  </g>')

# ---------------------------------------------------------------- monorail Line 2 through the Liziba building
mono = [(880, 462), (866, 428), (820, 402), (740, 398), (680, 404), (636, 410), (596, 418), (570, 450),
        (574, 520), (560, 590), (532, 650)]
md = catmull(mono)
W(f'  <path d="{md}" fill="none" stroke="#C9C0AE" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>')
W(f'  <path d="{md}" fill="none" stroke="#EAE4D6" stroke-width="2.5" stroke-linecap="round"/>')
# ---------------------------------------------------------------- towers (Jiefangbei / Yuzhong)
def tower(x, base, w, h, ant=False, cap=False):
    W(f'    <rect x="{f(x)}" y="{f(base - h)}" width="{f(w)}" height="{f(h)}" rx="2" fill="{TOWER}"/>')
    W(f'    <rect x="{f(x)}" y="{f(base - h)}" width="{f(w * 0.38)}" height="{f(h)}" rx="2" fill="{TOWER_L}"/>')
    for yy in range(int(base - h + 10), int(base - 10), 11):
        W(f'    <rect x="{f(x + w * 0.5)}" y="{yy}" width="{f(w * 0.32)}" height="3" rx="1.5" fill="{TOWER_W}"/>')
    if ant:
        W(f'    <rect x="{f(x + w / 2 - 1.2)}" y="{f(base - h - 12)}" width="2.4" height="13" rx="1.2" fill="{TOWER}"/>')
W('  <g>')
for (x, base, w, h, ant) in [
    (826, 462, 15, 40, False), (844, 468, 18, 58, False), (865, 474, 20, 72, True),
    (888, 468, 16, 50, False), (914, 458, 18, 62, True), (935, 452, 14, 40, False),
    # Jiangbei
    (790, 326, 14, 38, False), (806, 330, 18, 52, True), (826, 326, 13, 34, False),
]:
    tower(x, base, w, h, ant)
W('  </g>')

# the building (Liziba), the track enters through its middle
bx, btop, bw, bh = 617, 372, 38, 78
W('  <g>')
W(f'    <rect x="{bx}" y="{btop}" width="{bw}" height="{bh}" rx="3" fill="#F1DDBA"/>')
W(f'    <rect x="{bx}" y="{btop}" width="{bw * 0.35:.1f}" height="{bh}" rx="3" fill="#F7E9CF"/>')
for yy in (btop + 8, btop + 19, btop + 56, btop + 67):
    for xx in (bx + 8, bx + 17, bx + 26):
        W(f'    <rect x="{xx}" y="{yy}" width="5" height="4" rx="1" fill="#E2C595"/>')
W(f'    <rect x="{bx - 1}" y="{btop - 4}" width="{bw + 2}" height="6" rx="2" fill="#E2C595"/>')
# hole with the track running through
W(f'    <rect x="{bx - 2}" y="{btop + 31}" width="{bw + 4}" height="15" rx="3" fill="#7D7466"/>')
W(f'    <path d="M{bx - 14} 411 L{bx + bw + 14} 407" stroke="#C9C0AE" stroke-width="6" stroke-linecap="round"/>')
# a train coming out of the building
W(f'    <rect x="{bx + bw - 4}" y="{btop + 28}" width="34" height="13" rx="6" fill="#6DBF7B" transform="rotate(-4 {bx + bw + 13} {btop + 34})"/>')
W(f'    <rect x="{bx + bw + 2}" y="{btop + 31}" width="6" height="4" rx="1.5" fill="#F4FBF4" transform="rotate(-4 {bx + bw + 13} {btop + 34})"/>')
W(f'    <rect x="{bx + bw + 11}" y="{btop + 31}" width="6" height="4" rx="1.5" fill="#F4FBF4" transform="rotate(-4 {bx + bw + 13} {btop + 34})"/>')
W(f'    <rect x="{bx + bw + 20}" y="{btop + 31}" width="6" height="4" rx="1.5" fill="#F4FBF4" transform="rotate(-4 {bx + bw + 13} {btop + 34})"/>')
W('  </g>')

# ---------------------------------------------------------------- Yangtze cableway
cx1, cy1, cx2, cy2 = 936, 505, 960, 575
W('  <g>')
W(f'    <path d="M{cx1} {cy1} L{cx2} {cy2}" stroke="#6A6670" stroke-width="2"/>')
for (x, y) in [(cx1, cy1), (cx2, cy2)]:
    W(f'    <rect x="{x - 4}" y="{y - 4}" width="8" height="8" rx="2" fill="#8A8490"/>')
for t in (0.32, 0.7):
    x = cx1 + (cx2 - cx1) * t; y = cy1 + (cy2 - cy1) * t
    W(f'    <path d="M{f(x)} {f(y)} L{f(x)} {f(y + 5)}" stroke="#6A6670" stroke-width="1.5"/>')
    W(f'    <rect x="{f(x - 6)}" y="{f(y + 4)}" width="12" height="10" rx="2.5" fill="#E4735F"/>')
    W(f'    <rect x="{f(x - 4)}" y="{f(y + 6)}" width="8" height="3.5" rx="1" fill="#FBE3D9"/>')
W('  </g>')

# ---------------------------------------------------------------- airport
W('  <g transform="rotate(-10 1300 70)">')
W('    <rect x="1190" y="58" width="230" height="22" rx="6" fill="#E9EDEC" stroke="#CBD3D2" stroke-width="2"/>')
W('    <path d="M1206 69 H1404" stroke="#FFFFFF" stroke-width="2.5" stroke-dasharray="12 10"/>')
W('    <rect x="1270" y="92" width="90" height="16" rx="5" fill="#DCE6EE"/>')
W('  </g>')
# a little plane taking off (top view)
W('  <g transform="translate(1445 36) rotate(-22)" fill="#F9FBFC" stroke="#C3CDD6" stroke-width="1.5" stroke-linejoin="round">')
W('    <path d="M2 -3 L-7 -23 L-12 -23 L-7 -3 Z M2 3 L-7 23 L-12 23 L-7 3 Z M-15 -3 L-20 -10 L-24 -10 L-21 -3 Z M-15 3 L-20 10 L-24 10 L-21 3 Z"/>')
W('    <rect x="-24" y="-3.5" width="46" height="7" rx="3.5"/>')
W('  </g>')

# ---------------------------------------------------------------- boats
for (x, y, s) in [(1390, 415, 1), (360, 880, 1)]:
    W(f'  <path fill="#F5F1E6" d="M{x - 14} {y} h28 l-5 7 h-18 z"/><rect x="{x - 6}" y="{y - 7}" width="12" height="7" rx="2" fill="#E4735F"/>')

W('</svg>')
open(OUT, "w").write("\n".join(out) + "\n")

# ---------------------------------------------------------------- checks
print(f"{'place':18s} {'jialing':>8s} {'yangtze':>8s}")
for name, p in PX.items():
    dj, dy = poly_dist(p, jpoly), poly_dist(p, ypoly)
    flag = "  <-- TOO CLOSE" if min(dj, dy) < 25 else ""
    print(f"{name:18s} {dj:8.1f} {dy:8.1f}{flag}")
