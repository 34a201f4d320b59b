"""One JSON input contract for every JSON text a user hands synopsis."""

from __future__ import annotations

import json
import math
import re
from typing import Any

from ..errors import InputError

# --- One JSON input contract -------------------------------------------------------------
# Every JSON text a user hands us (a JSONL line, a request body, an eval file) goes through
# parse_json, so one malicious value gets one clear refusal everywhere instead of a
# ValueError, RecursionError or UnicodeEncodeError deep inside some later stage.

MAX_JSON_DEPTH = 64  # our records nest 3 deep; a wider margin costs nothing
MAX_JSON_INT_DIGITS = 64  # counts and ids are short; Python refuses 4,300+ digits anyway

_JSON_STRING = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"')
_NOT_BRACKET = re.compile(r"[^\[\]{}]+")
_SURROGATE = re.compile("[\ud800-\udfff]")


class _Refused:
    """A number parse_json will not turn into a Python value, found again with its path."""

    def __init__(self, problem: str) -> None:
        self.problem = problem


def _parse_int(digits: str) -> int | _Refused:
    count = len(digits.lstrip("-"))
    if count > MAX_JSON_INT_DIGITS:
        return _Refused(f"integer of {count:,} digits (at most {MAX_JSON_INT_DIGITS})")
    return int(digits)


def _parse_float(text: str) -> float | _Refused:
    value = float(text)
    if not math.isfinite(value):
        return _Refused(f"number {text[:20]!r} is out of range")
    return value


def _parse_constant(name: str) -> _Refused:
    return _Refused(f"{name} is not a JSON number")


def _json_depth(text: str) -> int:
    """Deepest bracket nesting outside strings, counted without recursion."""
    brackets = _NOT_BRACKET.sub("", _JSON_STRING.sub("", text))
    depth = deepest = 0
    for ch in brackets:
        if ch in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if deepest > MAX_JSON_DEPTH:
                    break
        else:
            depth -= 1
    return deepest


def _check_values(value: object, field: str, where: str) -> None:
    """Walk a parsed value (depth already bounded) for refused numbers and lone surrogates."""
    if isinstance(value, _Refused):
        raise InputError(f"{where}: {field or 'value'}: {value.problem}")
    if isinstance(value, str):
        if _SURROGATE.search(value):
            raise InputError(
                f"{where}: {field or 'value'}: escapes a lone surrogate (\\ud800-\\udfff), "
                "which no text can hold"
            )
    elif isinstance(value, dict):
        for key, item in value.items():
            name = f"{field}.{key}" if field else str(key)
            if _SURROGATE.search(key):
                raise InputError(f"{where}: a field name escapes a lone surrogate")
            _check_values(item, name, where)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            _check_values(item, f"{field}[{i}]", where)


def parse_json(text: str | bytes, where: str) -> Any:
    """Parse one JSON text (a whole body or one JSONL line) under synopsis's input contract.

    Refuses, with an :class:`InputError` that starts with ``where`` and names the field:
    invalid JSON or UTF-8, nesting deeper than ``MAX_JSON_DEPTH``, integers longer than
    ``MAX_JSON_INT_DIGITS`` digits, ``NaN``/``Infinity``/overflowing numbers, and strings
    or keys that escape a lone surrogate. Every JSON reader (CLI, API, service, eval,
    stream, batch) calls this, so the same input gets the same answer everywhere.

    >>> parse_json('{"documents": ["a"]}', where="line 1")
    {'documents': ['a']}
    """
    if isinstance(text, bytes):
        try:
            text = text.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"{where}: not valid UTF-8 (byte {exc.start})") from None
    depth = _json_depth(text)
    if depth > MAX_JSON_DEPTH:
        raise InputError(f"{where}: JSON nested more than {MAX_JSON_DEPTH} levels deep")
    try:
        value = json.loads(
            text,
            parse_int=_parse_int,
            parse_float=_parse_float,
            parse_constant=_parse_constant,
        )
    except json.JSONDecodeError as exc:
        # Some messages end in "at" already ("Unterminated string starting at").
        message = exc.msg.removesuffix(" at")
        raise InputError(f"{where}: invalid JSON ({message} at character {exc.pos})") from None
    except RecursionError:  # the depth scan above should make this unreachable
        raise InputError(f"{where}: JSON nested too deeply") from None
    _check_values(value, "", where)
    return value
