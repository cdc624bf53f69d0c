#!/bin/sh
# Re-render the hicolor PNGs from the two hand-written SVGs.
# Needs rsvg-convert (apt-get install librsvg2-bin) and optipng.
set -e
cd "$(dirname "$0")"
app=io.github.tripjournal.TripJournal
for n in 16 24 32 48 64 128 256 512; do
  src=tripjournal.svg
  [ "$n" -le 24 ] && src=tripjournal-16.svg
  out=hicolor/${n}x${n}/apps/$app.png
  mkdir -p "$(dirname "$out")"
  rsvg-convert -w "$n" -h "$n" -f png "$src" -o "$out"
  optipng -quiet -o7 -nx -strip all "$out"
done
mkdir -p hicolor/scalable/apps
cp tripjournal.svg hicolor/scalable/apps/$app.svg
