"""A small corpus written for the batch tests: invented stories, one cluster per line."""

from __future__ import annotations

import json
from pathlib import Path

STORIES = {
    "bridge": [
        "The city council voted on Monday to close the old river bridge for repairs. "
        "Engineers found cracks in two of its steel supports during a routine inspection. "
        "The bridge will reopen in the spring, the council said in a statement. "
        "Drivers are asked to use the northern crossing until then.",
        "The old river bridge will close for repairs after engineers found cracked supports. "
        "The council approved the closure in a vote on Monday evening. "
        "Repairs are expected to cost about four million dollars. "
        "Local shops near the bridge worry that fewer customers will come.",
    ],
    "orchestra": [
        "The youth orchestra won first prize at the national music festival on Saturday. "
        "Sixty young players performed a symphony that their conductor had arranged. "
        "The judges praised the string section for its precision and warmth. "
        "The orchestra will tour three cities next summer.",
        "A youth orchestra from the coast took first prize at the national festival. "
        "Its conductor said the players had rehearsed every weekend for a year. "
        "The prize includes a recording session at the national concert hall. "
        "Parents and teachers filled the hall to cheer the young musicians.",
    ],
    "harvest": [
        "Farmers in the valley reported a record apple harvest this autumn. "
        "Warm weather in the spring and steady rain in the summer helped the trees. "
        "Prices at the market fell as the supply of apples grew. "
        "Some growers are turning the surplus into cider and juice.",
        "The valley's apple growers picked more fruit this year than ever before. "
        "A cooperative said its members harvested about twelve thousand tonnes. "
        "Lower prices have worried smaller farms that depend on the crop. "
        "Cider makers say they will buy much of the extra fruit.",
    ],
}


def write_corpus(path: Path, bad: bool = True) -> list[str]:
    """Write the stories as JSONL (plus, with ``bad``, one cluster with no text); the ids."""
    ids = []
    with path.open("w", encoding="utf-8") as f:
        for name, docs in STORIES.items():
            f.write(json.dumps({"id": name, "documents": docs}) + "\n")
            ids.append(name)
            if bad and name == "bridge":
                f.write(json.dumps({"id": "empty", "documents": ["   ", ""]}) + "\n")
                ids.append("empty")
    return ids


# A third report of each story, so that a story has articles that do not all share words.
THIRD = {
    "bridge": "Repairs to the river bridge begin next week after the council vote. "
    "Engineers will replace two cracked steel supports under the bridge deck. "
    "The northern crossing will carry the traffic until the bridge reopens.",
    "orchestra": "The young musicians of the youth orchestra came home with the first prize. "
    "Their conductor thanked the festival judges and the parents of the players. "
    "The orchestra plans a summer tour and a recording at the concert hall.",
    "harvest": "Apple growers in the valley say the record harvest has pushed prices down. "
    "The cooperative expects cider makers to buy the surplus apples. "
    "Smaller farms hope the market for apple juice will hold.",
}
ONE_OFF = (
    "A rare comet will pass close to the planet on Thursday night. "
    "Astronomers say it can be seen without a telescope far from city lights. "
    "The comet returns only once every few thousand years."
)


def write_articles(path: Path, gap_days: float = 1.0) -> dict[str, str]:
    """Interleaved articles of the three stories and one one-off, a day apart (or
    ``gap_days``); returns each article id's true story."""
    from datetime import datetime, timedelta, timezone

    start = datetime(2024, 3, 1, tzinfo=timezone.utc)
    rows = []
    for k in range(3):  # story articles interleaved: b0 o0 h0 b1 o1 h1 b2 o2 h2
        for name in STORIES:
            rows.append((f"{name}-{k}", (STORIES[name] + [THIRD[name]])[k], name))
    rows.insert(4, ("comet", ONE_OFF, "comet"))
    gold = {}
    with path.open("w", encoding="utf-8") as f:
        for n, (article_id, text, story) in enumerate(rows):
            when = (start + timedelta(days=n * gap_days / len(rows))).isoformat()
            f.write(json.dumps({"id": article_id, "text": text, "published": when}) + "\n")
            gold[article_id] = story
    return gold
