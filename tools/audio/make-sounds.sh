#!/usr/bin/env bash
# Synthesises the game's sound effects with SoX into assets/audio/*.ogg (Ogg Vorbis, mono,
# 44.1 kHz, quality 4). Our own work: MIT OR Apache-2.0, like the code.
#
#   tools/audio/make-sounds.sh
#
# Needs: sox with Ogg Vorbis support (Debian: sox libsox-fmt-base; libsox-fmt-all has it too).
# Runs SoX in repeatable mode (-R), so the same SoX gives the same files; a file is only replaced
# when its bytes change. The outputs are committed, so a normal build needs none of this.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
root="$(cd "$here/../.." && pwd)"
out="$root/assets/audio"
mkdir -p "$out"

command -v sox >/dev/null 2>&1 || { echo "make-sounds: sox not found (apt-get install sox libsox-fmt-all)" >&2; exit 1; }
sox -h 2>/dev/null | grep -q 'AUDIO FILE FORMATS:.* vorbis' \
  || { echo "make-sounds: this sox cannot write Ogg Vorbis (apt-get install libsox-fmt-all)" >&2; exit 1; }

tmp="$(mktemp -d)"
trap 'rm -rf "$tmp"' EXIT

RATE=44100
SOX=(sox -R -V1)

# calc <expression>: arithmetic with decimals (awk is always there; bc may not be).
calc() { awk "BEGIN { printf \"%.6f\", $1 }"; }

# note <out.wav> <seconds> <Hz> <dB> [attack] [extra synth spec...]
#   A soft bell-like tone: sine fundamental, a quiet octave and a faint third partial, with a short
#   attack and a logarithmic (exponential-sounding) decay to silence at <seconds>.
note() {
  local file="$1" len="$2" f="$3" db="$4" attack="${5:-0.004}"
  "${SOX[@]}" -n -r $RATE -c 1 -b 16 "$tmp/p1.wav" synth "$len" sine "$f"
  "${SOX[@]}" -n -r $RATE -c 1 -b 16 "$tmp/p2.wav" synth "$len" sine "$(calc "$f*2")" vol -16dB
  "${SOX[@]}" -n -r $RATE -c 1 -b 16 "$tmp/p3.wav" synth "$len" sine "$(calc "$f*3")" vol -26dB
  "${SOX[@]}" -m "$tmp/p1.wav" "$tmp/p2.wav" "$tmp/p3.wav" "$file" fade l "$attack" "$len" "$(calc "$len-$attack")" gain "$db"
}

# at <seconds> <in.wav> <out.wav>: delays a sound by padding silence in front.
at() { "${SOX[@]}" "$2" "$3" pad "$1" 0; }

# mix <out.wav> <in.wav>...: sums sounds (sox -m scales each input down; we restore level later).
mix() {
  local file="$1"
  shift
  if [ $# -eq 1 ]; then cp "$1" "$file"; else "${SOX[@]}" -m "$@" "$file"; fi
}

# encode <in.wav> <name> <length> <peak dB>: trims/pads to length, normalises, fades the tail,
# writes assets/audio/<name>.ogg only if it changed.
encode() {
  local wav="$1" name="$2" len="$3" peak="$4"
  "${SOX[@]}" "$wav" -r $RATE -c 1 "$tmp/$name-final.wav" pad 0 1 trim 0 "$len" fade t 0 "$len" 0.03 norm "$peak"
  "${SOX[@]}" "$tmp/$name-final.wav" --comment "Green Actor: $name (synthesised with SoX, MIT OR Apache-2.0)" \
    -C 4 "$tmp/$name.ogg"
  if ! cmp -s "$tmp/$name.ogg" "$out/$name.ogg" 2>/dev/null; then
    mv "$tmp/$name.ogg" "$out/$name.ogg"
  fi
  printf '%-16s %5.2f s %6d bytes\n' "$name.ogg" "$(soxi -D "$out/$name.ogg")" "$(stat -c %s "$out/$name.ogg")"
}

# --- correct: bright rising three-note chime C6 E6 G6, soft decay (~0.55 s) ---------------------
note "$tmp/c1.wav" 0.30 1046.50 -3
note "$tmp/c2.wav" 0.30 1318.51 -3
note "$tmp/c3.wav" 0.42 1567.98 0
at 0.085 "$tmp/c2.wav" "$tmp/c2d.wav"
at 0.170 "$tmp/c3.wav" "$tmp/c3d.wav"
mix "$tmp/correct.wav" "$tmp/c1.wav" "$tmp/c2d.wav" "$tmp/c3d.wav"
"${SOX[@]}" "$tmp/correct.wav" "$tmp/correct-r.wav" pad 0 0.3 reverb 20 50 30 100 0 0
encode "$tmp/correct-r.wav" correct 0.58 -3

# --- wrong: calm, low, descending two-note "hmm" D4 → A#3, soft attack, no buzz (~0.5 s) -------
"${SOX[@]}" -n -r $RATE -c 1 -b 16 "$tmp/w1a.wav" synth 0.24 sine 293.66:287
"${SOX[@]}" -n -r $RATE -c 1 -b 16 "$tmp/w1b.wav" synth 0.24 sine 587.33:574 vol -14dB
mix "$tmp/w1m.wav" "$tmp/w1a.wav" "$tmp/w1b.wav"
"${SOX[@]}" "$tmp/w1m.wav" "$tmp/w1.wav" fade h 0.04 0.24 0.10
"${SOX[@]}" -n -r $RATE -c 1 -b 16 "$tmp/w2a.wav" synth 0.30 sine 233.08:224
"${SOX[@]}" -n -r $RATE -c 1 -b 16 "$tmp/w2b.wav" synth 0.30 sine 466.16:448 vol -14dB
mix "$tmp/w2m.wav" "$tmp/w2a.wav" "$tmp/w2b.wav"
"${SOX[@]}" "$tmp/w2m.wav" "$tmp/w2.wav" fade h 0.04 0.30 0.20
at 0.20 "$tmp/w2.wav" "$tmp/w2d.wav"
mix "$tmp/wrong.wav" "$tmp/w1.wav" "$tmp/w2d.wav"
"${SOX[@]}" "$tmp/wrong.wav" "$tmp/wrong-f.wav" lowpass 1500 tremolo 6 15
encode "$tmp/wrong-f.wav" wrong 0.52 -9

# --- tap: soft pop, a quick downward sine sweep (~0.08 s) ---------------------------------------
"${SOX[@]}" -n -r $RATE -c 1 -b 16 "$tmp/tap.wav" synth 0.08 sine 1100:380 fade l 0.002 0.08 0.075 lowpass 3000
encode "$tmp/tap.wav" tap 0.08 -4

# --- drop: whoosh of air then a soft lid clunk (~0.3 s) -----------------------------------------
"${SOX[@]}" -n -r $RATE -c 1 -b 16 "$tmp/whoosh.wav" synth 0.20 pinknoise fade q 0.12 0.20 0.08 \
  sinc 300-2500 vol -10dB
"${SOX[@]}" -n -r $RATE -c 1 -b 16 "$tmp/thump.wav" synth 0.14 sine 150:70 fade l 0.002 0.14 0.13
"${SOX[@]}" -n -r $RATE -c 1 -b 16 "$tmp/knock.wav" synth 0.05 brownnoise fade l 0.001 0.05 0.048 \
  lowpass 900 vol -6dB
mix "$tmp/clunk.wav" "$tmp/thump.wav" "$tmp/knock.wav"
at 0.15 "$tmp/clunk.wav" "$tmp/clunkd.wav"
mix "$tmp/drop-m.wav" "$tmp/whoosh.wav" "$tmp/clunkd.wav"
"${SOX[@]}" "$tmp/drop-m.wav" "$tmp/drop.wav" lowpass 4500
encode "$tmp/drop.wav" drop 0.30 -4

# --- level-complete: happy arpeggio C5 E5 G5 C6 and a ringing C-major chord (~1.2 s) ------------
note "$tmp/a1.wav" 0.28 523.25 -2
note "$tmp/a2.wav" 0.28 659.25 -2
note "$tmp/a3.wav" 0.28 783.99 -2
note "$tmp/a4.wav" 0.28 1046.50 -2
note "$tmp/k1.wav" 0.75 1046.50 0 0.006
note "$tmp/k2.wav" 0.75 1318.51 -3 0.006
note "$tmp/k3.wav" 0.75 1567.98 -4 0.006
note "$tmp/k4.wav" 0.75 523.25 -6 0.006
mix "$tmp/chord.wav" "$tmp/k1.wav" "$tmp/k2.wav" "$tmp/k3.wav" "$tmp/k4.wav"
at 0.11 "$tmp/a2.wav" "$tmp/a2d.wav"
at 0.22 "$tmp/a3.wav" "$tmp/a3d.wav"
at 0.33 "$tmp/a4.wav" "$tmp/a4d.wav"
at 0.44 "$tmp/chord.wav" "$tmp/chordd.wav"
mix "$tmp/level.wav" "$tmp/a1.wav" "$tmp/a2d.wav" "$tmp/a3d.wav" "$tmp/a4d.wav" "$tmp/chordd.wav"
"${SOX[@]}" "$tmp/level.wav" "$tmp/level-r.wav" pad 0 0.4 reverb 30 50 40 100 0 0
encode "$tmp/level-r.wav" level-complete 1.22 -3

# --- streak: sparkly rising glissando, pentatonic run C6 → E7 over a soft upward shimmer (~0.6 s)
parts=()
i=0
for f in 1046.50 1174.66 1318.51 1567.98 1760.00 2093.00 2349.32 2637.02; do
  note "$tmp/s$i.wav" 0.16 "$f" -4 0.002
  at "$(calc "$i*0.045")" "$tmp/s$i.wav" "$tmp/s${i}d.wav"
  parts+=("$tmp/s${i}d.wav")
  i=$((i + 1))
done
"${SOX[@]}" -n -r $RATE -c 1 -b 16 "$tmp/shimmer.wav" synth 0.5 sine 2000:4200 fade q 0.1 0.5 0.3 \
  tremolo 28 60 vol -22dB
mix "$tmp/streak.wav" "${parts[@]}" "$tmp/shimmer.wav"
"${SOX[@]}" "$tmp/streak.wav" "$tmp/streak-r.wav" pad 0 0.3 reverb 25 50 50 100 0 0
encode "$tmp/streak-r.wav" streak 0.62 -3
