"""Small synthetic article streams for the stream tests (invented text, no data)."""

from __future__ import annotations

import json
import random
from datetime import datetime, timedelta, timezone
from pathlib import Path

T0 = datetime(2024, 3, 1, 8, tzinfo=timezone.utc)

KITS = {
    "flood": [
        "Heavy rain flooded the river valley near Marlow overnight.",
        "The Marlow council opened shelters in the school gym for families.",
        "Rescue boats pulled residents from rooftops along the Thames embankment.",
        "Water at the Marlow gauge rose two metres, the Environment Agency said.",
        "Farmers in the valley lost sheep and hay bales to the flood water.",
        "The agency warned that the river would crest again on Saturday.",
        "Volunteers filled sandbags outside the Marlow fire station.",
        "Insurers expect claims from hundreds of flooded homes in the valley.",
    ],
    "strike": [
        "Dock workers at the port of Halden walked out over wages.",
        "The Halden dockers union said cranes stood idle at every berth.",
        "Container ships waited offshore while the strike entered its second day.",
        "The port authority called the union pay demand unaffordable.",
        "Retailers warned of empty shelves if the Halden strike lasts a week.",
        "Union leader Ivar Brekke said dockers would not accept a pay freeze.",
        "Talks between the union and the port authority stalled again.",
        "Truck drivers queued for kilometres outside the Halden terminal gates.",
    ],
    "comet": [
        "Astronomers at the Kestrel observatory spotted a bright new comet.",
        "The comet will pass closest to the sun in late April, Kestrel scientists said.",
        "Amateur stargazers photographed the comet tail with small telescopes.",
        "The Kestrel team measured the comet nucleus at about four kilometres wide.",
        "Observatory director Mina Osei called the discovery a lucky catch.",
        "The comet may be visible to the naked eye from dark rural skies.",
        "Kestrel astronomers shared the comet orbit with the minor planet center.",
        "Spectra show water ice and dust streaming from the comet nucleus.",
    ],
    "election": [
        "Voters in Dunmore elected Carla Reyes as mayor by a narrow margin.",
        "Reyes won fifty one percent of the Dunmore ballots after a recount.",
        "Her rival Tomas Hale conceded the Dunmore mayoral race on Tuesday night.",
        "Turnout in Dunmore reached a record for a municipal election.",
        "Reyes promised to fix the Dunmore bus network in her first year.",
        "The Dunmore election board certified the mayoral results on Thursday.",
        "Hale said he would work with the new mayor on the city budget.",
        "Campaign spending in the Dunmore race broke the previous record.",
    ],
}


def article(kit: str, n: int, when: datetime, rng: random.Random) -> dict[str, str]:
    sentences = rng.sample(KITS[kit], 5)
    return {
        "id": f"{kit}-{n}",
        "title": sentences[0].rstrip("."),
        "text": " ".join(sentences),
        "published": when.isoformat().replace("+00:00", "Z"),
        "source": f"outlet{n % 3}",
    }


def interleaved(
    per_story: int = 6, kits: tuple[str, ...] = tuple(KITS), seed: int = 3, hours: float = 6.0
) -> list[dict[str, str]]:
    """Articles of several stories interleaved in time (``hours`` apart per round)."""
    rng = random.Random(seed)
    out = []
    for n in range(per_story):
        for k, kit in enumerate(kits):
            when = T0 + timedelta(hours=hours * n + k)
            out.append(article(kit, n, when, rng))
    return out


def write_jsonl(path: Path, records: list[dict[str, str]]) -> Path:
    path.write_text("".join(json.dumps(r) + "\n" for r in records), encoding="utf-8")
    return path


# A second flood, in another town: the same kind of event as KITS["flood"] (its twin).
KESWICK = [
    "Heavy rain flooded the lake district near Keswick overnight.",
    "The Keswick council opened shelters in the church hall for families.",
    "Rescue boats pulled residents from rooftops along the Greta riverside.",
    "Water at the Keswick gauge rose three metres, the Environment Agency said.",
    "Farmers around Derwentwater lost cattle and fences to the flood water.",
    "The agency warned that the lake would rise again on Sunday.",
    "Volunteers filled sandbags outside the Keswick library.",
    "Insurers expect claims from dozens of flooded shops in Keswick.",
]


def twin_floods(rounds: int = 7, seed: int = 5) -> list[dict[str, str]]:
    """Two floods in two towns, interleaved five hours apart (ids ``marlow-N`` and
    ``keswick-N``): two events of one kind that a loose threshold puts in one story."""
    rng = random.Random(seed)
    out = []
    for n in range(rounds):
        for town, kit in (("marlow", KITS["flood"]), ("keswick", KESWICK)):
            sentences = rng.sample(kit, 4)
            when = T0 + timedelta(hours=5 * n + (town == "keswick"))
            out.append({
                "id": f"{town}-{n}",
                "title": sentences[0].rstrip("."),
                "text": " ".join(sentences),
                "published": when.isoformat().replace("+00:00", "Z"),
            })  # fmt: skip
    return out
