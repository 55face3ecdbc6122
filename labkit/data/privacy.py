"""Pseudonyms for participants who may not be named (no public source names them, no consent).

A pseudonym is derived from the participant's opaque id, never from a name.
When a key is configured (``LABKIT_PSEUDONYM_KEY``, or a file named by
``LABKIT_PSEUDONYM_KEY_FILE``; both outside ``data/`` and outside git) the
pseudonym is a keyed hash (HMAC-SHA256) of the id, so that ids copied from a
registration list cannot be read back from public outputs. Without a key the
pseudonym shows the id itself, which the data package already keeps opaque.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import hmac
import os
from pathlib import Path

PREFIX = "Deelnemer"


@functools.lru_cache(maxsize=1)
def _key() -> bytes | None:
    key = os.environ.get("LABKIT_PSEUDONYM_KEY")
    if key:
        return key.encode("utf-8")
    file = os.environ.get("LABKIT_PSEUDONYM_KEY_FILE")
    if file and Path(file).is_file():
        return Path(file).read_bytes().strip() or None
    return None


def pseudonym(participant_id: str, key: bytes | None = None) -> str:
    """The public pseudonym of ``participant_id``.

    >>> pseudonym("p-007", key=b"secret")
    'Deelnemer ONTN-2UC7'
    """
    key = key if key is not None else _key()
    if key is None:
        return f"{PREFIX} {participant_id}"
    digest = hmac.new(key, participant_id.encode("utf-8"), hashlib.sha256).digest()
    code = base64.b32encode(digest[:5]).decode("ascii")[:8]
    return f"{PREFIX} {code[:4]}-{code[4:]}"
