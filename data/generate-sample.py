#!/usr/bin/env python3
"""Render SerDarts' embedded sample corpus (data/sample) with espeak-ng and sox.

Synthetic acted-emotion speech laid out like IEMOCAP, for demos and smoke tests only; see data/README.md.
Re-runnable and deterministic: every random draw comes from a seeded generator keyed by the utterance id,
espeak-ng is deterministic, and sox runs with -R (repeatable) and -D (no dither).
Needs python3 (standard library only), espeak-ng and sox (Debian packages).

    python3 data/generate-sample.py            # rewrites data/sample
    python3 data/generate-sample.py --out DIR  # renders elsewhere (e.g. to check determinism)
    python3 data/generate-sample.py --mode unseen --out DIR   # the held-out corpus (needs flite too)

--mode unseen renders a second corpus the presets were never tuned on: 5 sessions, other espeak-ng voices and
accents (none of data/sample's), two sessions whose speakers share a gender, flite voices (another engine) in
session 5, a speaking-rate factor per session and other sentences; same emotion profiles, layout and manifest.
"""
import argparse
import array
import csv
import math
import os
import random
import shutil
import subprocess
import tempfile
import wave

SEED = 20230524  # the seed paper's arXiv month, nothing more
RATE = 16000
SPEECH_RMS_DB = -24.0  # speech level before the speaker and emotion gains
MIN_SECONDS, MAX_SECONDS = 1.5, 3.0

# Two voices per session (espeak-ng language + variant); speaker = session + gender letter, as in IEMOCAP.
SESSIONS = {
    1: {"F": "en-us+f2", "M": "en-us+m3"},
    2: {"F": "en+f4", "M": "en-gb-x-rp+m1"},
    3: {"F": "en-gb-scotland+f1", "M": "en-us+m7"},
    4: {"F": "en-029+f5", "M": "en-gb-x-gbclan+m2"},
}

# Dialog suffix -> sentence. impro dialogs exercise the "improvised only" option, script dialogs "scripted only".
DIALOGS = [
    ("impro01", "I told you this already."),
    ("impro02", "Where did you put the keys?"),
    ("impro03", "We are leaving in the morning."),
    ("impro04", "That is not what I said."),
    ("script01_1", "The letter came back today."),
    ("script02_1", "Nobody called while you were out."),
    ("script03_1", "It will be ready by Friday."),
]

# Per-emotion prosody profiles: (mean, standard deviation) of each parameter, drawn per clip.
# pitch: SSML pitch change in %, range: SSML pitch range in % of the voice's own, rate: % of the default
# speaking rate, gain: dB on the speech level, tilt: dB of a 2 kHz treble shelf (minus half of it as a
# 300 Hz bass shelf). The distributions overlap on purpose: learnable, not trivial.
PROFILES = {
    "neu": {"pitch": (0, 8), "range": (100, 20), "rate": (100, 7), "gain": (0, 1.5), "tilt": (0, 2.0)},
    "hap": {"pitch": (22, 10), "range": (175, 30), "rate": (110, 7), "gain": (2, 1.5), "tilt": (3, 2.0)},
    "sad": {"pitch": (-15, 8), "range": (55, 15), "rate": (80, 7), "gain": (-6, 1.5), "tilt": (-5, 2.0)},
    "ang": {"pitch": (8, 10), "range": (125, 30), "rate": (120, 7), "gain": (6, 1.5), "tilt": (7, 2.0)},
    # Frustration sits between neutral and anger; it is outside the 4-class set and gets dropped.
    "fru": {"pitch": (4, 10), "range": (115, 30), "rate": (108, 7), "gain": (3, 1.5), "tilt": (3, 2.0)},
}
# Per-speaker traits added to every clip of that speaker: (standard deviation), drawn once per speaker.
SPEAKER_TRAITS = {"pitch": 8, "rate": 4, "gain": 1.5, "tilt": 1.0}
# The unseen mode (--mode unseen): voices, accents and sentences data/sample never uses. Session 3's two speakers
# are both female voices, session 4's both male (the M / F letter is the IEMOCAP turn, not the voice), session 5
# is another engine (flite). Each session speaks at its own rate.
UNSEEN_SEED = 20240305
UNSEEN_SESSIONS = {
    1: {"F": "en-gb-x-gbcwmd+f3", "M": "en-us-nyc+m6"},
    2: {"F": "en-us+Annie", "M": "en-gb+klatt3"},
    3: {"F": "fr+Linda", "M": "en-us-nyc+grandma"},
    4: {"F": "es+Michael", "M": "en-gb-x-gbcwmd+m8"},
    5: {"F": "flite:slt", "M": "flite:rms"},
}
UNSEEN_DIALOGS = [
    ("impro01", "Can you tell me what happened here?"),
    ("impro02", "I did not expect to see you today."),
    ("impro03", "The train leaves at half past six."),
    ("impro04", "They moved the meeting to next week."),
    ("script01_1", "Please put the boxes by the door."),
    ("script02_1", "She says the car is still outside."),
    ("script03_1", "We have to finish this before dinner."),
]
UNSEEN_RATE_FACTOR = {1: 0.85, 2: 1.0, 3: 1.15, 4: 0.9, 5: 1.2}
RATE_FACTOR = {}  # sample mode: none
# flite voices' own f0 (Hz) and spread, the 0 % and 100 % of the SSML pitch and range above.
FLITE_F0 = {"slt": (175.0, 22.0), "rms": (105.0, 14.0)}
SNR_DB = (12.0, 28.0)  # uniform range of the background-noise level relative to the speech
FOUR_CLASS = {"neu": "neutral", "hap": "happy", "exc": "happy", "sad": "sad", "ang": "angry"}
VAD = {"neu": (2.5, 2.5, 2.5), "hap": (4.0, 3.0, 3.0), "exc": (4.0, 3.5, 3.0), "sad": (1.5, 2.0, 2.0),
       "ang": (1.5, 4.0, 4.0), "fru": (2.0, 3.0, 3.0), "xxx": (2.5, 3.0, 3.0)}


def rng_for(*key):
    return random.Random(":".join(str(k) for k in (SEED,) + key))


def speaker_traits(session, gender):
    r = rng_for("speaker", session, gender)
    return {k: r.gauss(0, sd) for k, sd in sorted(SPEAKER_TRAITS.items())}


def draw_prosody(profile, traits, r):
    p = {k: r.gauss(mean, sd) for k, (mean, sd) in sorted(PROFILES[profile].items())}
    p = {k: v + traits.get(k, 0.0) for k, v in p.items()}
    p["range"] = min(max(p["range"], 20.0), 250.0)
    p["rate"] = min(max(p["rate"], 65.0), 140.0)
    return p


def render_speech(voice, text, p, tmp):
    """espeak-ng at 22.05 kHz (or flite, for a "flite:<voice>") -> sox (tilt, 16 kHz) -> float samples."""
    raw22, raw16 = os.path.join(tmp, "espeak.wav"), os.path.join(tmp, "speech.f32")
    if voice.startswith("flite:"):
        # flite has no SSML: the same prosody as its f0 target (mean and spread) and a duration stretch.
        name = voice.split(":", 1)[1]
        f0, f0_sd = FLITE_F0[name]
        subprocess.run(["flite", "-voice", name, "-t", text, "-o", raw22,
                        "--setf", "int_f0_target_mean=%.1f" % (f0 * (1 + p["pitch"] / 100.0)),
                        "--setf", "int_f0_target_stddev=%.1f" % (f0_sd * p["range"] / 100.0),
                        "--setf", "duration_stretch=%.3f" % (100.0 / p["rate"])], check=True)
    else:
        ssml = ('<speak><prosody pitch="{:+.0f}%" range="{:.0f}%" rate="{:.0f}%">{}</prosody></speak>'
                .format(p["pitch"], p["range"], p["rate"], text))
        subprocess.run(["espeak-ng", "-v", voice, "-m", "-w", raw22, ssml], check=True)
    tilt = p["tilt"]
    subprocess.run(["sox", "-R", "-D", "-V1", raw22, "-t", "raw", "-e", "floating-point", "-b", "32",
                    "-c", "1", "-r", str(RATE), raw16, "gain", "-8", "highpass", "70",
                    "treble", "{:.2f}".format(tilt), "2000", "bass", "{:.2f}".format(-tilt / 2), "300",
                    "rate", "-v", str(RATE)], check=True)
    samples = array.array("f")
    with open(raw16, "rb") as f:
        samples.frombytes(f.read())
    return list(samples)


def rms(xs):
    return math.sqrt(sum(x * x for x in xs) / max(len(xs), 1))


def mix_clip(speech, p, r):
    """Level the speech, pad it with leading/trailing quiet, add coloured background noise."""
    speech = trim_silence(speech)
    level = 10 ** ((SPEECH_RMS_DB + p["gain"]) / 20) / max(rms(speech), 1e-9)
    speech = [x * level for x in speech]
    peak = max(abs(x) for x in speech)
    if peak > 0.95:  # rare: keep the loudest clips unclipped
        speech = [x * 0.95 / peak for x in speech]
    lead, trail = int(r.uniform(0.10, 0.30) * RATE), int(r.uniform(0.10, 0.30) * RATE)
    total = min(max(len(speech) + lead + trail, int(MIN_SECONDS * RATE)), int(MAX_SECONDS * RATE))
    signal = [0.0] * lead + speech[: total - lead]
    signal += [0.0] * (total - len(signal))
    snr = r.uniform(*SNR_DB)
    noise_rms = rms(speech) / 10 ** (snr / 20)
    noise, state = [], 0.0
    for _ in range(total):  # one-pole low-passed white noise: a soft, room-like hiss
        state = 0.6 * state + r.gauss(0, 1)
        noise.append(state)
    scale = noise_rms / max(rms(noise), 1e-9)
    return [s + n * scale for s, n in zip(signal, noise)], snr


def trim_silence(xs, threshold=1e-3):
    idx = [i for i, x in enumerate(xs) if abs(x) > threshold]
    return xs[idx[0]: idx[-1] + 1] if idx else xs


def write_wav(path, samples):
    pcm = array.array("h", (max(-32768, min(32767, int(round(x * 32767)))) for x in samples))
    with wave.open(path, "wb") as w:
        w.setnchannels(1)
        w.setsampwidth(2)
        w.setframerate(RATE)
        w.writeframes(pcm.tobytes())
    return len(pcm)


def plan_dialog(session, d_index):
    """Turns of one dialog: each speaker says the sentence in the 4 emotions (seeded order), plus extras."""
    turns = []
    for gender in "FM":
        labels = ["neu", "hap", "sad", "ang"]
        rng_for("order", session, d_index, gender).shuffle(labels)
        if DIALOGS[d_index][0] == "script03_1":
            labels = ["exc" if x == "hap" else x for x in labels]  # IEMOCAP merges excited into happy
        if DIALOGS[d_index][0] == "impro02":
            labels.append("fru")
        if DIALOGS[d_index][0] == "script02_1":
            labels.append("xxx")  # annotators disagreed: rendered from a random 4-class profile
        turns += [(gender, n, label) for n, label in enumerate(labels)]
    return sorted(turns, key=lambda t: (t[1], t[0]))  # F000, M000, F001, ...


def render_session(out, session, tmp, rows):
    voices = SESSIONS[session]
    eval_dir = os.path.join(out, "Session%d" % session, "dialog", "EmoEvaluation")
    os.makedirs(eval_dir, exist_ok=True)
    for d_index, (suffix, text) in enumerate(DIALOGS):
        prefix = "F" if suffix.startswith("impro") else "M"
        dialog = "Ses%02d%s_%s" % (session, prefix, suffix)
        wav_dir = os.path.join(out, "Session%d" % session, "sentences", "wav", dialog)
        os.makedirs(wav_dir)
        lines, clock = ["% [START_TIME - END_TIME] TURN_NAME EMOTION [V, A, D]", ""], 1.0
        for gender, n, label in plan_dialog(session, d_index):
            uid = "%s_%s%03d" % (dialog, gender, n)
            r = rng_for("clip", uid)
            profile = {"exc": "hap", "xxx": r.choice(["neu", "hap", "sad", "ang"])}.get(label, label)
            p = draw_prosody(profile, speaker_traits(session, gender), r)
            if session in RATE_FACTOR:
                p["rate"] = min(max(p["rate"] * RATE_FACTOR[session], 55.0), 170.0)
            samples, snr = mix_clip(render_speech(voices[gender], text, p, tmp), p, r)
            rel = os.path.join("Session%d" % session, "sentences", "wav", dialog, uid + ".wav")
            frames = write_wav(os.path.join(out, rel), samples)
            start, clock = clock, clock + frames / RATE
            vad = ", ".join("%.4f" % v for v in VAD[label])
            lines += ["[%.4f - %.4f]\t%s\t%s\t[%s]" % (start, clock, uid, label, vad),
                      "C-E1:\t%s;\t()" % label.capitalize(), "A-E1:\tval 3; act 3; dom  3;\t()", ""]
            clock += r.uniform(0.5, 2.0)
            rows.append({"id": uid, "path": rel, "emotion": FOUR_CLASS.get(label, label),
                         "speaker": "Ses%02d%s" % (session, gender), "session": "Session%d" % session,
                         "label": label, "dialog": dialog, "voice": voices[gender], "profile": profile,
                         "pitch_pct": "%.1f" % p["pitch"], "range_pct": "%.1f" % p["range"],
                         "rate_pct": "%.1f" % p["rate"], "gain_db": "%.2f" % p["gain"],
                         "tilt_db": "%.2f" % p["tilt"], "snr_db": "%.2f" % snr, "frames": frames})
        with open(os.path.join(eval_dir, dialog + ".txt"), "w", newline="\n") as f:
            f.write("\n".join(lines) + "\n")


def main():
    here = os.path.dirname(os.path.abspath(__file__))
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--out", default=None, help="default data/sample (sample) or data/unseen (unseen; not committed)")
    parser.add_argument("--mode", choices=["sample", "unseen"], default="sample")
    args = parser.parse_args()
    if args.mode == "unseen":
        global SEED, SESSIONS, DIALOGS, RATE_FACTOR
        SEED, SESSIONS, DIALOGS, RATE_FACTOR = UNSEEN_SEED, UNSEEN_SESSIONS, UNSEEN_DIALOGS, UNSEEN_RATE_FACTOR
    out = os.path.abspath(args.out or os.path.join(here, args.mode))
    staging = out + ".tmp"
    shutil.rmtree(staging, ignore_errors=True)
    rows = []
    with tempfile.TemporaryDirectory() as tmp:
        for session in sorted(SESSIONS):
            render_session(staging, session, tmp, rows)
    rows.sort(key=lambda row: row["id"])
    with open(os.path.join(staging, "manifest.csv"), "w", newline="") as f:
        writer = csv.DictWriter(f, fieldnames=list(rows[0]), lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)
    shutil.rmtree(out, ignore_errors=True)
    os.rename(staging, out)
    seconds = sum(row["frames"] for row in rows) / RATE
    print("%d clips, %.1f s of audio, in %s" % (len(rows), seconds, out))


if __name__ == "__main__":
    main()
