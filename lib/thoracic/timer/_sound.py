"""A short tone made in code, for the timer's sound cue (no audio files to ship)."""

from __future__ import annotations

import io
import math
import struct
import wave
from functools import cache

__all__ = ["silence_wav", "tone_wav"]


@cache
def tone_wav(frequency: float = 880.0, seconds: float = 0.25, rate: int = 22050) -> bytes:
    """A mono 16-bit WAV of a soft sine tone that fades in and out (no clicks)."""
    count = int(seconds * rate)
    fade = max(1, count // 10)
    frames = bytearray()
    for n in range(count):
        envelope = min(1.0, n / fade, (count - n) / fade)
        sample = 0.4 * envelope * math.sin(2 * math.pi * frequency * n / rate)
        frames += struct.pack("<h", int(sample * 32767))
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(rate)
        out.writeframes(bytes(frames))
    return buffer.getvalue()


@cache
def silence_wav() -> bytes:
    """A twentieth of a second of silence: what the audio element holds before any cue.
    (An empty clip makes the browser ask for bytes that are not there, an error.)"""
    return tone_wav(frequency=0.0, seconds=0.05)
