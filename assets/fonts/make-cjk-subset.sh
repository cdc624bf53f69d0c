#!/usr/bin/env bash
# Regenerate NotoSansSC-Subset.otf: a Simplified Chinese subset of Noto Sans CJK SC
# (Regular) for tripjournal to embed, so Chinese text renders without system fonts.
#
# Prerequisites (Debian/Ubuntu):
#   apt-get install -y fonts-noto-cjk
#   pip install fonttools            # brotli only matters for woff2, not needed here
#
# Usage:
#   assets/fonts/make-cjk-subset.sh [SOURCE.ttc] [OUTPUT.otf]
# Defaults: the Debian .ttc below, and NotoSansSC-Subset.otf next to this script.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
src="${1:-/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc}"
out="${2:-$here/NotoSansSC-Subset.otf}"
want_family="Noto Sans CJK SC"

if [[ ! -f "$src" ]]; then
    echo "error: $src not found (apt-get install -y fonts-noto-cjk)" >&2
    exit 1
fi
if ! python3 -c 'import fontTools.subset' 2>/dev/null; then
    echo "error: python3 fontTools missing (pip install fonttools)" >&2
    exit 1
fi

SRC="$src" OUT="$out" WANT_FAMILY="$want_family" python3 - <<'PY'
import os, sys
from fontTools.ttLib import TTCollection, TTFont
from fontTools import subset

src, out, want = os.environ["SRC"], os.environ["OUT"], os.environ["WANT_FAMILY"]

# 1. Find the SC face in the collection by its name table (not by a hard-coded index).
if src.lower().endswith((".ttc", ".otc")):
    coll = TTCollection(src, lazy=True)
    idx = [i for i, f in enumerate(coll.fonts) if f["name"].getDebugName(1) == want]
    if len(idx) != 1:
        sys.exit(f"error: expected exactly one face named {want!r} in {src}, got {idx}")
    face = idx[0]
else:
    face = -1
font = TTFont(src, fontNumber=face, recalcTimestamp=False) if face >= 0 \
    else TTFont(src, recalcTimestamp=False)
print(f"source: {src} face {face}: {font['name'].getDebugName(4)} "
      f"({font['name'].getDebugName(5)}), {font['maxp'].numGlyphs} glyphs", file=sys.stderr)

# 2. The character set.
cps = set()
hanzi = 0
for row in range(0xB0, 0xF8):           # GB2312 levels 1 and 2 (hanzi rows)
    for cell in range(0xA1, 0xFF):
        try:
            ch = bytes([row, cell]).decode("gb2312")
        except UnicodeDecodeError:
            continue                     # row 0xD7 cells 0xFA..0xFE are unassigned
        cps.add(ord(ch)); hanzi += 1
if hanzi != 6763:
    sys.exit(f"error: expected 6763 GB2312 hanzi, decoded {hanzi}")
for lo, hi in [(0x0020, 0x00FF),        # Basic Latin + Latin-1 Supplement
               (0x2000, 0x206F),        # General Punctuation
               (0x3000, 0x303F),        # CJK Symbols and Punctuation
               (0xFF00, 0xFFEF)]:       # Halfwidth and Fullwidth Forms
    cps.update(range(lo, hi + 1))
cps.update(map(ord, "·—…“”‘’《》【】、，。：；！？（）"))

cmap = font.getBestCmap()
missing = sorted(c for c in cps if c not in cmap)
print(f"requested {len(cps)} code points; {len(missing)} not in the source font "
      "(unassigned/format code points, skipped)", file=sys.stderr)

# 3. Subset: no hinting, no OpenType layout features, keep cmap/outlines/metrics
#    and the whole name table (copyright + OFL licence strings stay embedded).
opts = subset.Options()
opts.layout_features = []               # egui does no shaping
opts.hinting = False
opts.desubroutinize = False             # keep CFF subroutines: smaller raw file
opts.notdef_outline = True
opts.name_IDs = ["*"]
opts.name_languages = ["*"]
opts.name_legacy = True
opts.drop_tables += ["GSUB", "GPOS", "GDEF", "BASE", "JSTF", "DSIG"]
opts.flavor = None                      # plain OpenType (CFF) .otf, not woff/woff2
s = subset.Subsetter(options=opts)
s.populate(unicodes=sorted(cps))
s.subset(font)
font.save(out)                          # recalcTimestamp=False above: reproducible output
print(f"wrote {out}: {font['maxp'].numGlyphs} glyphs, {len(font.getBestCmap())} "
      f"mapped code points, {os.path.getsize(out)} bytes", file=sys.stderr)
PY
