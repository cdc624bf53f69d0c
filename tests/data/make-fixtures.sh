#!/usr/bin/env bash
# Regenerates the image fixtures in tests/data/.
#
# The generated fixtures are COMMITTED to the repository, so running the tests
# does NOT need any of these tools. Only run this script if you want to
# recreate or change the fixtures.
#
# Needs (Debian/Ubuntu):
#   apt-get install -y imagemagick libimage-exiftool-perl libheif-examples
# plus python3 (standard library only). heif-enc is optional: without it
# photo.heic is left alone (or not created) and a warning is printed.
#
# Idempotent: it can be run from any directory and overwrites its outputs.
# Noise/plasma content uses fixed -seed values so reruns give the same pixels.
set -euo pipefail
cd "$(dirname "$0")"

for tool in convert identify exiftool python3; do
    command -v "$tool" >/dev/null 2>&1 || { echo "missing tool: $tool" >&2; exit 1; }
done

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

# Common ImageMagick output options: no metadata, no PNG time chunks.
STRIP=(-strip -define png:exclude-chunks=date,time)

# --- 1-2. Orientation fixtures ----------------------------------------------
# 160x120 stored pixels: grey-blue (60,90,160) with a pure red 40x40 block at
# the STORED top-left corner (x 0..39, y 0..39). ImageMagick writes no EXIF
# (-strip); the tags are added afterwards with exiftool.
make_oriented_base() {
    convert -size 160x120 'xc:rgb(60,90,160)' \
        -fill 'rgb(255,0,0)' -draw 'rectangle 0,0 39,39' \
        "${STRIP[@]}" -interlace none -quality 90 "jpeg:$1"
}

make_oriented_base orient6_gps.jpg
exiftool -q -overwrite_original \
    '-Orientation#=6' \
    '-DateTimeOriginal=2018:11:13 16:20:05' \
    '-OffsetTimeOriginal=+01:00' \
    '-GPSLatitude#=52.5'  '-GPSLatitudeRef=N' \
    '-GPSLongitude#=13.274' '-GPSLongitudeRef=E' \
    '-Make=TestMaker' '-Model=TJ Cam 1' \
    orient6_gps.jpg

make_oriented_base orient3.jpg
exiftool -q -overwrite_original '-Orientation#=3' orient3.jpg

make_oriented_base orient8.jpg
exiftool -q -overwrite_original '-Orientation#=8' orient8.jpg

# --- 3. Progressive JPEG -----------------------------------------------------
convert -size 200x150 'gradient:rgb(255,128,0)-rgb(0,64,255)' \
    "${STRIP[@]}" -interlace JPEG -quality 85 jpeg:progressive.jpg

# --- 4. Grayscale (1-channel) JPEG ------------------------------------------
convert -size 150x200 'gradient:white-black' -rotate 90 \
    "${STRIP[@]}" -interlace none -colorspace Gray -type Grayscale \
    -quality 85 jpeg:grayscale.jpg

# --- 5. CMYK JPEG ------------------------------------------------------------
convert -size 200x150 'gradient:rgb(0,160,220)-rgb(230,40,90)' \
    "${STRIP[@]}" -interlace none -colorspace CMYK -quality 85 jpeg:cmyk.jpg

# --- 6. RGBA PNG: transparent background, opaque circle ----------------------
# PNG32: forces colour type 6 (8-bit truecolour + alpha).
convert -size 120x90 xc:none \
    -fill 'rgb(0,160,80)' -draw 'circle 60,45 60,15' \
    "${STRIP[@]}" PNG32:alpha.png

# --- 7. Lossy WebP -----------------------------------------------------------
convert -seed 42 -size 200x150 plasma:orange-purple \
    "${STRIP[@]}" -quality 75 -define webp:lossless=false webp:photo.webp

# --- 8. Animated GIF: red, green, blue frames ---------------------------------
convert -delay 50 -size 100x80 \
    'xc:rgb(255,0,0)' 'xc:rgb(0,255,0)' 'xc:rgb(0,0,255)' \
    -loop 0 "${STRIP[@]}" gif:animated.gif

# --- 9. Truncated JPEG: first 40% of a noisy 400x300 JPEG --------------------
convert -seed 7 -size 400x300 plasma:fractal -seed 7 +noise Gaussian \
    "${STRIP[@]}" -interlace none -quality 85 "jpeg:$tmp/full.jpg"
full_size=$(stat -c %s "$tmp/full.jpg")
head -c $(( full_size * 40 / 100 )) "$tmp/full.jpg" > truncated.jpg

# --- 10. Empty file -----------------------------------------------------------
: > empty.jpg

# --- 11. Plain text named .jpg ----------------------------------------------
cat > text.jpg <<'EOF'
This is not a JPEG image.
It is a plain text file that merely has a .jpg extension.
A photo importer should detect that the content is not an image
and skip or report it instead of crashing.
EOF

# --- 12. PNG whose IHDR claims 100000 x 100000 -------------------------------
python3 - huge_header.png <<'PY'
import struct, sys, zlib

def chunk(kind: bytes, data: bytes) -> bytes:
    return (struct.pack(">I", len(data)) + kind + data
            + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF))

# width, height, bit depth 8, colour type 2 (RGB), compression 0, filter 0, no interlace
ihdr = struct.pack(">IIBBBBB", 100_000, 100_000, 8, 2, 0, 0, 0)
# A real (but far too short) zlib stream: one scanline's filter byte + 3 zero
# bytes. Decoders that trust IHDR would need ~30 GB for the pixel buffer.
idat = zlib.compress(b"\x00" * 4, 9)
png = (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", ihdr)
       + chunk(b"IDAT", idat) + chunk(b"IEND", b""))
with open(sys.argv[1], "wb") as f:
    f.write(png)
PY

# --- 13. HEIC (optional) ------------------------------------------------------
if command -v heif-enc >/dev/null 2>&1; then
    convert -size 160x120 'xc:rgb(60,90,160)' \
        -fill 'rgb(255,0,0)' -draw 'rectangle 0,0 39,39' \
        -fill 'rgb(250,220,40)' -draw 'circle 110,70 110,45' \
        "${STRIP[@]}" PNG24:"$tmp/heic-src.png"
    if ! heif-enc -q 50 "$tmp/heic-src.png" -o photo.heic >/dev/null; then
        echo "WARNING: heif-enc failed; photo.heic not regenerated" >&2
    fi
else
    echo "WARNING: heif-enc not found (apt-get install libheif-examples); photo.heic not regenerated" >&2
fi

# --- 13b. HEIC with EXIF, HEIC turned by irot, AVIF (optional) ----------------
# 64x48 stored pixels: grey-blue with a red 20x16 block at the stored top-left and
# a yellow 20x16 block at the stored bottom-right, so a test can tell any turn.
# heif-enc (libheif 1.15) copies a JPEG's EXIF into the HEIF container but does
# not turn EXIF orientation into irot, so the irot box is patched in by the
# python below. heic_irot90.heic also keeps a stale EXIF Orientation=3 (180°)
# that readers must ignore for HEIF: shown upright it is 48x64 with the red block
# at the bottom-left and the yellow one at the top-right.
if command -v heif-enc >/dev/null 2>&1; then
    convert -size 64x48 'xc:rgb(60,90,160)' \
        -fill 'rgb(255,0,0)' -draw 'rectangle 0,0 19,15' \
        -fill 'rgb(250,220,40)' -draw 'rectangle 44,32 63,47' \
        "${STRIP[@]}" -quality 95 "jpeg:$tmp/heif-src.jpg"
    cp "$tmp/heif-src.jpg" "$tmp/heif-exif.jpg"
    exiftool -q -overwrite_original \
        '-DateTimeOriginal=2018:11:13 16:20:05' \
        '-OffsetTimeOriginal=+01:00' \
        '-GPSLatitude#=52.5'  '-GPSLatitudeRef=N' \
        '-GPSLongitude#=13.274' '-GPSLongitudeRef=E' \
        '-Make=TestMaker' '-Model=TJ Phone 1' \
        "$tmp/heif-exif.jpg"
    heif-enc -q 60 "$tmp/heif-exif.jpg" -o heic_exif_gps.heic >/dev/null
    cp "$tmp/heif-src.jpg" "$tmp/heif-rot.jpg"
    exiftool -q -overwrite_original '-Orientation#=3' "$tmp/heif-rot.jpg"
    heif-enc -q 60 "$tmp/heif-rot.jpg" -o "$tmp/heif-rot.heic" >/dev/null
    # Adds `irot` (angle 1 = 90° anticlockwise) to the primary item: appends the
    # box to ipco, associates it in ipma, fixes the parents' sizes and shifts the
    # iloc file offsets of the data that moved.
    python3 - "$tmp/heif-rot.heic" 1 heic_irot90.heic <<'PY'
import struct, sys

def children(data, start, end):
    """(type, box_start, header_len, box_end) of the boxes in data[start:end]."""
    out, off = [], start
    while off + 8 <= end:
        size, kind = struct.unpack(">I4s", data[off:off + 8])
        if size < 8:
            sys.exit("unexpected box size")
        out.append((kind, off, 8, off + size))
        off += size
    return out

def find(boxes, kind):
    return next(b for b in boxes if b[0] == kind)

def add_size(data, box_start, delta):
    size = struct.unpack(">I", data[box_start:box_start + 4])[0]
    data[box_start:box_start + 4] = struct.pack(">I", size + delta)

def uint(data, off, n):
    return int.from_bytes(data[off:off + n], "big") if n else 0

def shift_iloc(data, start, delta):
    """Adds delta to every file offset (construction method 0) in the iloc box at start."""
    version = data[start + 8]
    p = start + 12
    offset_size, length_size = data[p] >> 4, data[p] & 15
    base_size, index_size = data[p + 1] >> 4, (data[p + 1] & 15 if version in (1, 2) else 0)
    p += 2
    id_size = 4 if version == 2 else 2
    count = uint(data, p, 4 if version == 2 else 2); p += 4 if version == 2 else 2
    for _ in range(count):
        p += id_size
        method = 0
        if version in (1, 2):
            method = data[p + 1] & 15; p += 2
        p += 2  # data_reference_index
        # A position is base + extent offset: shift the base when there is one.
        shift_base = method == 0 and base_size > 0
        if shift_base:
            data[p:p + base_size] = (uint(data, p, base_size) + delta).to_bytes(base_size, "big")
        p += base_size
        extents = uint(data, p, 2); p += 2
        for _ in range(extents):
            p += index_size
            if method == 0 and not shift_base and offset_size:
                data[p:p + offset_size] = (uint(data, p, offset_size) + delta).to_bytes(offset_size, "big")
            p += offset_size + length_size

def add_irot(data, angle):
    top = children(data, 0, len(data))
    meta = find(top, b"meta")
    inner = children(data, meta[1] + 12, meta[3])
    pitm = find(inner, b"pitm")
    primary = struct.unpack(">H", data[pitm[1] + 12:pitm[1] + 14])[0]
    iprp = find(inner, b"iprp")
    props = children(data, iprp[1] + 8, iprp[3])
    ipco, ipma = find(props, b"ipco"), find(props, b"ipma")
    new_index = len(children(data, ipco[1] + 8, ipco[3])) + 1
    if data[ipma[1] + 11] & 1 or data[ipma[1] + 8] != 0 or new_index > 127:
        sys.exit("only ipma version 0 with 7-bit indices is handled")
    p = ipma[1] + 16
    for _ in range(struct.unpack(">I", data[ipma[1] + 12:ipma[1] + 16])[0]):
        item, count = struct.unpack(">HB", data[p:p + 3])
        if item == primary:
            data[p + 2] = count + 1
            data[p + 3 + count:p + 3 + count] = bytes([0x80 | new_index])
            break
        p += 3 + count
    else:
        sys.exit("primary item has no properties")
    add_size(data, ipma[1], 1)
    data[ipco[3]:ipco[3]] = struct.pack(">I4sB", 9, b"irot", angle)
    for box in (ipco, iprp, meta):
        add_size(data, box[1], 10 if box is not ipco else 9)
    if any(b[0] == b"mdat" and b[1] > meta[1] for b in top):
        shift_iloc(data, find(inner, b"iloc")[1], 10)

source, angle, target = sys.argv[1], int(sys.argv[2]), sys.argv[3]
data = bytearray(open(source, "rb").read())
add_irot(data, angle)
open(target, "wb").write(bytes(data))
PY
    heif-enc -A -q 60 "$tmp/heif-src.jpg" -o photo.avif >/dev/null
else
    echo "WARNING: heif-enc not found; HEIC/AVIF fixtures not regenerated" >&2
fi

# --- 14-15. Plain small JPEGs without EXIF -----------------------------------
convert -size 64x48 'gradient:rgb(40,120,200)-rgb(240,220,160)' \
    "${STRIP[@]}" -interlace none -quality 90 jpeg:plain.jpg
convert -size 48x64 'gradient:rgb(20,140,40)-rgb(200,60,30)' -rotate 90 \
    -fill 'rgb(255,255,255)' -draw 'circle 32,24 32,12' \
    "${STRIP[@]}" -interlace none -quality 90 jpeg:second.jpg

# --- Size guard ------------------------------------------------------------------
for f in *.jpg *.png *.webp *.gif *.heic *.avif; do
    [ -e "$f" ] || continue
    if [ "$(stat -c %s "$f")" -ge 204800 ]; then
        echo "ERROR: $f is 200 KB or larger" >&2
        exit 1
    fi
done

echo "fixtures written to $(pwd)"

# --- Optional verification: ./make-fixtures.sh --verify -----------------------
if [ "${1:-}" = "--verify" ]; then
    echo; echo "== EXIF (exiftool)"
    exiftool -s -Orientation -DateTimeOriginal -OffsetTimeOriginal \
        -GPSLatitude -GPSLongitude -Make -Model \
        orient6_gps.jpg orient3.jpg orient8.jpg plain.jpg second.jpg heic_exif_gps.heic || true
    command -v heif-info >/dev/null 2>&1 && heif-info heic_irot90.heic
    exiftool -n -s -Orientation -GPSLatitude -GPSLongitude orient6_gps.jpg || true
    echo; echo "== JPEG encoding process"
    exiftool -s -EncodingProcess -ColorComponents *.jpg 2>/dev/null || true
    echo; echo "== identify"
    for f in *.jpg *.png *.webp *.gif *.heic *.avif; do
        [ -e "$f" ] || continue
        [ "$f" = huge_header.png ] && continue
        identify "$f" 2>&1 || true
    done
    echo; echo "== grayscale / cmyk / alpha details"
    identify -verbose grayscale.jpg | grep -E '^  (Colorspace|Type|Channel depth):' -A1 | head -6
    identify -format '%f colorspace=%[colorspace]\n' cmyk.jpg
    identify -format '%f channels=%[channels] opaque=%[opaque]\n' alpha.png
    echo; echo "== stored top-left pixel of orientation fixtures (expect ~red)"
    for f in orient6_gps.jpg orient3.jpg orient8.jpg; do
        convert "$f" -format "$f %[pixel:p{10,10}] / %[pixel:p{120,100}]\n" info:
    done
    echo; echo "== huge_header.png"
    # Debian's ImageMagick policy caps width/height at 16KP, so identify
    # refuses the file; use a temporary, more permissive policy for -ping.
    mkdir -p "$tmp/policy"
    printf '%s\n' '<policymap>' \
        '<policy domain="resource" name="width" value="1MP"/>' \
        '<policy domain="resource" name="height" value="1MP"/>' \
        '</policymap>' > "$tmp/policy/policy.xml"
    MAGICK_CONFIGURE_PATH="$tmp/policy" identify -ping huge_header.png || true
    echo; echo "== sizes"
    ls -l
fi
